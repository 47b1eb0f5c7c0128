import { execFileSync, spawnSync } from 'node:child_process'
import { chmod, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch, createHandlers } from '../service'
import { tempDir } from '../testing/temp-vault'
import { Vault } from './vault'

/**
 * Real disk failures, not simulated ones: a tiny tmpfs that fills up, the
 * same mount remounted read-only, and a save attempted by a user who may not
 * write. Mounting needs root (as on CI here); elsewhere these say so and skip.
 */
const canMount = (() => {
  if (process.getuid?.() !== 0) return false
  const probe = execFileSync('mktemp', ['-d']).toString().trim()
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0
  if (ok) spawnSync('umount', [probe])
  return ok
})()
if (!canMount) console.log('disk-failures.test: skipped — needs root and permission to mount a tmpfs.')

const mounted: string[] = []
afterEach(() => {
  for (const dir of mounted.splice(0)) spawnSync('umount', ['-l', dir])
})

async function smallDisk(kilobytes: number): Promise<string> {
  const dir = await tempDir('rapport-disk-')
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir])
  mounted.push(dir)
  return dir
}

async function openVault(dir: string) {
  const vault = await Vault.open(dir)
  const dispatch = createDispatch(
    createHandlers(vault, {
      resourcesDir: '',
      chooseSavePath: async () => null,
      chooseFolder: async () => null,
      chooseFiles: async () => null,
      openExternal: async () => undefined,
      flushed: () => undefined
    })
  )
  return { vault, dispatch }
}

describe.skipIf(!canMount)('saving when the disk fails', () => {
  it('a full disk gives a clear message, keeps the old file whole, leaves no debris, and the retry succeeds once there is room', async () => {
    const dir = await smallDisk(256)
    const { dispatch } = await openVault(dir)
    const created = await dispatch('entries:create', { clientId: null, title: 'Long one', body: 'short\n' })
    if (!created.ok) throw new Error(created.error.message)
    const entry = created.value as { id: string; path: string; version: string }
    const before = await readFile(join(dir, entry.path), 'utf8')
    await writeFile(join(dir, 'ballast'), Buffer.alloc(200 * 1024))

    const big = `${'A paragraph the user must not lose. '.repeat(2000)}\n`
    const failed = await dispatch('entries:save', { id: entry.id, title: 'Long one', body: big, version: entry.version })
    expect(failed).toMatchObject({ ok: false, error: { code: 'disk-full', message: expect.stringMatching(/the disk is full.*Your text is kept/) } })
    expect(await readFile(join(dir, entry.path), 'utf8')).toBe(before)
    expect((await readdir(join(dir, 'journal'))).filter((n) => n.startsWith('.rapport-tmp'))).toEqual([])

    await writeFile(join(dir, 'ballast'), '')
    const retried = await dispatch('entries:save', { id: entry.id, title: 'Long one', body: big, version: entry.version })
    expect(retried.ok).toBe(true)
    expect((await readFile(join(dir, entry.path), 'utf8')).endsWith(big)).toBe(true)
  })

  it('a read-only disk gives a clear message and changes nothing', async () => {
    const dir = await smallDisk(256)
    const { dispatch } = await openVault(dir)
    const created = await dispatch('entries:create', { clientId: null, title: 'Note', body: 'kept\n' })
    if (!created.ok) throw new Error(created.error.message)
    const entry = created.value as { id: string; path: string; version: string }
    const before = await readFile(join(dir, entry.path), 'utf8')
    execFileSync('mount', ['-o', 'remount,ro', dir])
    const failed = await dispatch('entries:save', { id: entry.id, title: 'Note', body: 'new text\n', version: entry.version })
    expect(failed).toMatchObject({ ok: false, error: { code: 'read-only', message: expect.stringMatching(/the disk is read-only/) } })
    expect(await readFile(join(dir, entry.path), 'utf8')).toBe(before)
    const client = await dispatch('clients:create', { name: 'Nope' })
    expect(client).toMatchObject({ ok: false, error: { code: 'read-only' } })
  })

  it('a folder the user may not write to gives "permission denied" and changes nothing', async () => {
    const dir = await tempDir('rapport-perm-')
    await chmod(dir, 0o755)
    const { dispatch } = await openVault(dir)
    const created = await dispatch('entries:create', { clientId: null, title: 'Theirs', body: 'original\n' })
    if (!created.ok) throw new Error(created.error.message)
    const entry = created.value as { id: string; path: string }
    const script = join(await tempDir('rapport-script-'), 'save.mjs')
    await build({
      entryPoints: [join(import.meta.dirname, '../testing/save-as-other-user.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'silent',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" }
    })
    await chmod(join(script, '..'), 0o755)
    // `nobody` may read the vault but not write to it.
    const run = spawnSync(process.execPath, [script, dir, entry.id, 'overwritten\n'], { uid: 65534, gid: 65534, encoding: 'utf8' })
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'permission-denied', message: expect.stringMatching(/permission was denied/) } })
    expect(await readFile(join(dir, entry.path), 'utf8')).toContain('original')
  })
})
