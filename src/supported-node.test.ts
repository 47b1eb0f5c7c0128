import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const readJson = async (name: string): Promise<unknown> => JSON.parse(await readFile(join(root, name), 'utf8'))

interface LockedPackage {
  engines?: { node?: string } | string[]
}

/**
 * package.json's `engines`, README and the dependencies say the same thing:
 * the oldest Node Rapport claims to support is one every installed package
 * accepts, so a fresh install warns of no unsupported engine (EBADENGINE).
 */
describe('the supported Node', () => {
  it('is the one running these tests (CI tests the Node it claims)', async () => {
    const { engines } = (await readJson('package.json')) as { engines: { node: string } }
    expect(semver.satisfies(process.version, engines.node), `${process.version} against ${engines.node}`).toBe(true)
  })

  it('is accepted by every package in package-lock.json, down to its oldest version', async () => {
    const { engines } = (await readJson('package.json')) as { engines: { node: string } }
    const oldest = semver.minVersion(engines.node)?.version ?? 'none'
    const { packages } = (await readJson('package-lock.json')) as { packages: Record<string, LockedPackage> }
    const refusing = Object.entries(packages)
      .filter(([path, pkg]) => path !== '' && pkg.engines && !Array.isArray(pkg.engines) && pkg.engines.node)
      .filter(([, pkg]) => !semver.satisfies(oldest, (pkg.engines as { node: string }).node))
      .map(([path, pkg]) => `${path.replace(/^.*node_modules\//, '')} wants Node ${(pkg.engines as { node: string }).node}`)
    expect(refusing).toEqual([])
  })

  it('is the one README states', async () => {
    const { engines } = (await readJson('package.json')) as { engines: { node: string } }
    const readme = await readFile(join(root, 'README.md'), 'utf8')
    const stated = /Node\.js (\d+\.\d+) or newer/.exec(readme)?.[1]
    expect(stated && `>=${stated}`).toBe(engines.node)
  })
})
