import { join } from 'node:path'
import { bundleNodeScript } from '../bundle-node-script'

/**
 * Bundles a test's child-process script (src/core/testing/NAME.ts) into one
 * .mjs file in `dir`, so each of the many processes a kill test starts is up
 * in milliseconds.
 */
export async function bundleForChild(name: string, dir: string): Promise<string> {
  return bundleNodeScript(join(import.meta.dirname, `${name}.ts`), join(dir, `${name}.mjs`))
}
