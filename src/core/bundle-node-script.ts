/**
 * Bundles a TypeScript entry and what it imports into one ES module for Node,
 * so it can start in a worker thread or a child process when Rapport runs
 * from source (vitest, the CLI through tsx, the e2e harness). The built app
 * ships its workers prebuilt (electron.vite.config.ts) and never calls this.
 * esbuild is loaded only when asked, since the built app does not carry it.
 */
export async function bundleNodeScript(entry: string, outfile: string): Promise<string> {
  const { build: bundle } = await import('esbuild')
  await bundle({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    // A bundled CommonJS dependency may call require; an ES module has none unless given one.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" }
  })
  return outfile
}
