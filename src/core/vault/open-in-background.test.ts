import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Channel, Input, Output } from '../../shared/api'
import { createDispatch, createHandlers } from '../service'
import { testShell } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import { Vault } from './vault'

/** A vault with one client and `count` entries, written straight to disk. */
async function vaultWithEntries(count: number): Promise<string> {
  const dir = await tempDir()
  const folder = join(dir, 'clients', 'dana')
  await mkdir(join(folder, 'journal'), { recursive: true })
  await writeFile(
    join(folder, 'client.json'),
    JSON.stringify({ format: 1, id: 'c_dana', name: 'Dana', commitments: [], interactions: [], people: [], tags: [] })
  )
  for (let i = 0; i < count; i++) {
    await writeFile(
      join(folder, 'journal', `2026-01-${String((i % 28) + 1).padStart(2, '0')}-note-${i}.md`),
      `---\nid: e_${i}\nclient: c_dana\ntitle: Note ${i}\ncreated: 2026-01-01T10:00:00Z\n---\n\nText ${i}\n`
    )
  }
  return dir
}

describe('a vault opened with its entries read in the background', () => {
  it('lists its clients at once, says it is still counting, and answers entry questions only once every entry is read', async () => {
    const dir = await vaultWithEntries(300)
    const vault = await Vault.open(dir, { entries: 'background' })
    const dispatch = createDispatch(createHandlers(vault, testShell()))
    const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const result = await dispatch(channel, input)
      if (!result.ok) throw new Error(result.error.message)
      return result.value as Output<C>
    }

    // Straight after open: the clients are there, the counts are not known, and the vault says so.
    expect(vault.readingEntries).toBe(true)
    expect((await call('vault:info', undefined)).readingEntries).toBe(true)
    expect((await call('clients:list', undefined)).map((c) => [c.name, c.counting])).toEqual([['Dana', true]])

    // An entry question waits for the whole vault, and so gets the whole answer.
    const entries = await call('entries:list', { clientId: 'c_dana' })
    expect(vault.readingEntries).toBe(false)
    expect(entries).toHaveLength(300)
    const [dana] = await call('clients:list', undefined)
    expect(dana).toMatchObject({ name: 'Dana', entryCount: 300 })
    expect(dana && 'counting' in dana).toBe(false)
    expect('readingEntries' in (await call('vault:info', undefined))).toBe(false)
  })

  it('is the same vault, in the end, as one opened the usual way', async () => {
    const dir = await vaultWithEntries(40)
    const quick = await Vault.open(dir, { entries: 'background' })
    await quick.entriesRead
    const usual = await Vault.open(dir)
    expect(quick.entries.list('c_dana')).toEqual(usual.entries.list('c_dana'))
    expect(quick.clients.list().map((c) => c.id)).toEqual(usual.clients.list().map((c) => c.id))
  })
})
