import { existsSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { bundleNodeScript } from './bundle-node-script'

/** Running from source: each worker's bundle, made once per process. */
const fromSource = new Map<string, Promise<string>>()

/**
 * Starts one of the core's worker threads (`index-worker`, `import-worker`, `file-reader-worker`)
 * for the module at `callerUrl` (its `import.meta.url`; `<name>.ts` lies
 * beside it). The built app ships `<name>.js` beside its main bundle
 * (electron.vite.config.ts); running from source (vitest, the CLI through
 * tsx, the bench), `<name>.ts` and what it imports are bundled once per
 * process into a temporary file.
 */
export async function startCoreWorker(callerUrl: string, name: string): Promise<Worker> {
  if (callerUrl.endsWith('.ts')) return new Worker(await bundledFromSource(callerUrl, name))
  const bundled = `${name}.js`
  // Beside the main bundle; from a chunk of it (should the bundler move this code into one), one folder up.
  const beside = [`./${bundled}`, `../${bundled}`].map((path) => fileURLToPath(new URL(path, callerUrl)))
  return new Worker(beside.find((file) => existsSync(file)) ?? beside[0] ?? bundled)
}

function bundledFromSource(callerUrl: string, name: string): Promise<string> {
  const source = fileURLToPath(new URL(`./${name}.ts`, callerUrl))
  let bundling = fromSource.get(source)
  if (!bundling) {
    bundling = (async () => {
      const dir = await mkdtemp(join(tmpdir(), `rapport-${name}-`))
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
      return bundleNodeScript(source, join(dir, `${name}.mjs`))
    })()
    fromSource.set(source, bundling)
  }
  return bundling
}
