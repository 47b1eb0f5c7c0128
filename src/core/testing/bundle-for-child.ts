import { join } from 'node:path'
import { build } from 'esbuild'

/**
 * Bundles a test's child-process script (src/core/testing/NAME.ts) into one
 * .mjs file in `dir`, so each of the many processes a kill test starts is up
 * in milliseconds.
 */
export async function bundleForChild(name: string, dir: string): Promise<string> {
  const outfile = join(dir, `${name}.mjs`)
  await build({
    entryPoints: [join(import.meta.dirname, `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" }
  })
  return outfile
}
