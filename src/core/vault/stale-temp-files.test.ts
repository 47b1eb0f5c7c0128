import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { openTestVault } from '../testing/open-vault'

/**
 * A gate on the flush of Rapport's temporary files: while `held` is set, a
 * temp file's `sync()` waits for it, so a test can act while a write is
 * exactly in flight. Everything else is the real file system.
 */
const gate = vi.hoisted(() => ({ held: null as Promise<void> | null }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args)
    const held = gate.held
    if (held && String(args[0]).includes('.rapport-tmp-')) {
      const sync = handle.sync.bind(handle)
      handle.sync = async () => {
        await held
        return sync()
      }
    }
    return handle
  }
  return { ...real, open, default: { ...real, open } }
})

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000)

describe('stale temporary files', () => {
  it('are removed when the vault is read again, but never one this process is still writing, whatever its age says', async () => {
    const { dir, vault, call } = await openTestVault()
    await call('entries:create', { clientId: null, title: 'First' }) // the journal folder exists
    const journal = join(dir, 'journal')
    const leftOver = join(journal, '.rapport-tmp-crashed.md.abc123')
    await writeFile(leftOver, 'half of a file from a crash')
    await utimes(leftOver, hoursAgo(2), hoursAgo(2))

    let release = () => undefined as void
    gate.held = new Promise<void>((resolve) => (release = resolve))
    const creating = call('entries:create', { clientId: null, title: 'Written slowly', body: 'Every word.\n' })
    let inFlight: string | undefined
    while (!inFlight) {
      inFlight = (await readdir(journal)).find((name) => name.startsWith('.rapport-tmp-') && name.includes('written-slowly'))
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    // Its time says two hours old: a disk whose clock is off, or a flush slower than the threshold.
    await utimes(join(journal, inFlight), hoursAgo(2), hoursAgo(2))
    await vault.reload()
    gate.held = null
    release()

    const created = await creating
    expect(await readFile(join(dir, created.path), 'utf8')).toContain('Every word.')
    const left = await readdir(journal)
    expect(left.filter((name) => name.startsWith('.rapport-tmp-'))).toEqual([])
  })
})
