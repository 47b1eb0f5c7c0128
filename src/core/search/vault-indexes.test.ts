import { describe, expect, it, vi } from 'vitest'
import { mentionMarkdown } from '../../shared/mentions'
import type { KdfCost } from '../crypto/kdf'
import { VaultSession } from '../session/vault-session'
import { openTestVault, testShell } from '../testing/open-vault'
import { Vault } from '../vault/vault'
import { VaultIndexes } from './vault-indexes'

const cheap: KdfCost = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 }

/** Counts, by entry id, the files the store reads for the indexes. */
function countReads(vault: Vault): Map<string, number> {
  const reads = new Map<string, number>()
  const fileBytes = vault.entries.fileBytes.bind(vault.entries)
  vi.spyOn(vault.entries, 'fileBytes').mockImplementation(async (id) => {
    reads.set(id, (reads.get(id) ?? 0) + 1)
    return fileBytes(id)
  })
  return reads
}

async function bothCurrent(indexes: VaultIndexes): Promise<void> {
  await Promise.all([indexes.search.indexed(), indexes.backlinks.current()])
}

/** A vault of three entries that mention Priya, opened afresh (no index has read it yet). */
async function vaultWithMentions() {
  const v = await openTestVault()
  const client = await v.call('clients:create', { name: 'Northwind' })
  const { person } = await v.call('people:add', { clientId: v.vault.clients.get(client.id).id, name: 'Priya Raman' })
  const mention = mentionMarkdown('Priya', { kind: 'person', id: person.id })
  const entries = []
  for (const title of ['Kickoff', 'Budget', 'Rollout'])
    entries.push(await v.call('entries:create', { clientId: client.id, title, body: `${title} with ${mention}: the lighthouse plan.\n` }))
  v.indexes.close()
  return { dir: v.dir, vault: await Vault.open(v.dir), person, entries, mention }
}

describe("the vault's indexes", () => {
  it('read each entry once for search and backlinks together, built from nothing and after a change', async () => {
    const v = await vaultWithMentions()
    const indexes = new VaultIndexes(v.vault)
    const reads = countReads(v.vault)
    indexes.search.start()
    await bothCurrent(indexes)
    expect(indexes.search.stats).toMatchObject({ opened: 'rebuilt' })
    expect(indexes.backlinks.stats).toMatchObject({ opened: 'rebuilt', entriesRead: 3 })
    expect([...reads.values()]).toEqual([1, 1, 1])
    expect(indexes.reads.filesRead).toBe(3)

    const kickoff = v.vault.entries.withVersion(v.entries[0]?.id ?? '')
    if (!kickoff) throw new Error('no entry')
    reads.clear()
    await v.vault.entries.save({ id: kickoff.id, title: 'Kickoff', body: `Kickoff with ${v.mention}: the harbour plan.\n`, version: kickoff.version })
    await bothCurrent(indexes)
    expect(Object.fromEntries(reads)).toEqual({ [kickoff.id]: 1 })
    // Both took the one read in: the new word is found, the mention still counted.
    expect((await indexes.search.query({ query: 'harbour' })).results.map((r) => r.title)).toEqual(['Kickoff'])
    expect((await indexes.backlinks.of(v.person.id)).map((b) => b.title).sort()).toEqual(['Budget', 'Kickoff', 'Rollout'])
    indexes.close()
  })

  it("read the entry files of a cold build on the reader's thread, each once, and stop it when closed", async () => {
    const v = await openTestVault()
    const client = await v.call('clients:create', { name: 'Northwind' })
    const words = ['lighthouse', 'harbour', 'pilot', 'renewal', 'sponsor']
    for (let i = 0; i < 30; i++)
      await v.call('entries:create', { clientId: client.id, title: `Call ${i}`, body: `About the ${words[i % 5]} plan, number ${i}.\n` })
    v.indexes.close()
    const indexes = new VaultIndexes(await Vault.open(v.dir))
    await bothCurrent(indexes)
    expect(indexes.reads.filesRead).toBe(30)
    // Read in batches (16 sources at a time): the files of the last, smaller batches may be read here.
    expect(indexes.files.stats.onThread).toBeGreaterThanOrEqual(16)
    expect(indexes.files.stats.onThread + indexes.files.stats.here).toBe(30)
    expect((await indexes.search.query({ query: 'harbour' })).total).toBe(6)
    indexes.close()
    expect(await indexes.files.onItsOwnThread()).toBe(false)
  })

  it('share a read whichever index asks first, and hold nothing once both have it', async () => {
    const v = await vaultWithMentions()
    const indexes = new VaultIndexes(v.vault)
    const reads = countReads(v.vault)
    // Backlinks first this time (a person's page opened before search ever ran).
    expect(await indexes.backlinks.of(v.person.id)).toHaveLength(3)
    indexes.search.start()
    await indexes.search.indexed()
    expect((await indexes.search.query({ query: 'lighthouse' })).total).toBe(3)
    expect([...reads.values()]).toEqual([1, 1, 1])
    expect((indexes.reads as unknown as { held: Map<string, unknown> }).held.size).toBe(0)
    indexes.close()
  })

  it('stop with the session: closed or locked, neither index hears a change, reads a file or writes a cache', async () => {
    const v = await vaultWithMentions()
    const session = await VaultSession.start(v.dir, { shell: testShell(), kdfCost: cheap })
    // Opened by the session, with the vault: its indexes are the ones the handlers use.
    expect(session.indexes.search).toBeDefined()
    const { search, backlinks } = session.indexes
    await Promise.all([search.indexed(), backlinks.current()])
    await session.encrypt('correct horse battery staple')
    const open = session.indexes
    expect(open.search).not.toBe(search)
    await Promise.all([open.search.indexed(), open.backlinks.current()])
    const vault = session.vault
    const reads = countReads(vault)

    await session.lock()
    expect(() => session.indexes).toThrow(/locked/i)
    const entry = vault.entries.allWithVersions()[0]
    if (!entry) throw new Error('no entry')
    // The dropped vault reports a change (as a late watcher event would): the closed indexes do nothing with it.
    ;(vault as unknown as { emitChange: (change: { kind: 'entry'; id: string }) => void }).emitChange({ kind: 'entry', id: entry.id })
    await Promise.all([open.search.indexed(), open.backlinks.current()])
    expect(reads.size).toBe(0)
    const writes = open.search.stats.cacheWrites
    await open.search.settled()
    expect(open.search.stats.cacheWrites).toBe(writes)
    session.close()
  })
})
