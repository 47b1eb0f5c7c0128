import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { KdfCost } from '../crypto/kdf'
import { isSealed } from '../crypto/envelope'
import { writeFileAtomic } from '../fs/atomic-write'
import { physicalPath, sealingOf } from '../fs/vault-files'
import { VaultSession } from '../session/vault-session'
import { testShell } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import { writeRealisticVault } from '../testing/realistic-vault'
import { cacheFile } from './index-cache'
import { IndexThread } from './index-thread'

const cheap: KdfCost = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 }
const PASSPHRASE = 'correct horse battery staple'

async function encryptedSession() {
  const root = await tempDir()
  await writeRealisticVault(root)
  const session = await VaultSession.start(root, { shell: testShell(), kdfCost: cheap })
  await session.encrypt(PASSPHRASE)
  return { root, session }
}

describe("an encrypted vault's search cache, sealed and opened on the index's thread", () => {
  it('is written sealed (nothing in the clear), and the next unlock opens the index from it', async () => {
    const { root, session } = await encryptedSession()
    const search = session.indexes.search
    await search.settled()
    expect(search.stats.cacheWrites).toBe(1)
    expect(await new IndexThread().onItsOwnThread()).toBe(true)

    const raw = await readFile(physicalPath(cacheFile(root)))
    expect(isSealed(raw)).toBe(true)
    for (const clear of ['Whitfield', 'Northwind', '"format"', 'minisearch']) expect(raw.includes(clear), clear).toBe(false)
    const before = (await search.query({ query: 'Whitfield' })).results.map((r) => r.title)
    expect(before.length).toBeGreaterThan(0)

    await session.lock()
    await session.unlock(PASSPHRASE)
    const reopened = session.indexes.search
    await reopened.indexed()
    expect(reopened.stats).toMatchObject({ opened: 'cache', cacheProblem: '', sourcesIndexed: 0 })
    expect((await reopened.query({ query: 'Whitfield' })).results.map((r) => r.title)).toEqual(before)
    session.close()
  })

  it("shares the content key with the index's thread only until the vault is locked", async () => {
    const { root, session } = await encryptedSession()
    const sealing = sealingOf(cacheFile(root))
    if (!sealing) throw new Error('the cache of an encrypted vault has no sealing')
    expect(sealing.boundTo).toBe('.rapport/cache/search-index.json')
    expect(sealing.key.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(sealing.key.some((byte) => byte !== 0)).toBe(true)
    await session.lock()
    // Zeroed by the lock, for every thread that shares it.
    expect(sealing.key.every((byte) => byte === 0)).toBe(true)
    // What the index's thread does with a key gone: it refuses, instead of sealing with zeroes.
    const thread = new IndexThread()
    await expect(
      thread.request({ op: 'cache-bytes', signatures: { count: 0, sources: '', signatures: '' }, now: new Date(0).toISOString(), sealing })
    ).rejects.toThrow(/locked/)
    await expect(thread.request({ op: 'load-cache', bytes: new Uint8Array(64), sealing })).resolves.toMatchObject({ kind: 'corrupt' })
    thread.close()
    session.close()
  })

  it('writes bytes sealed elsewhere only if they are sealed: plaintext is refused, never written', async () => {
    const { root, session } = await encryptedSession()
    const target = cacheFile(root)
    await expect(writeFileAtomic(target, new TextEncoder().encode('{"format":2}'), { sealedElsewhere: true })).rejects.toThrow(/not sealed/)
    await expect(writeFileAtomic(target, '{"format":2}', { sealedElsewhere: true })).rejects.toThrow(/not sealed/)
    session.close()
  })
})
