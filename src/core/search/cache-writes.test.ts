import { afterEach, describe, expect, it, vi } from 'vitest'
import { openTestVault } from '../testing/open-vault'
import { harbourVault } from '../testing/harbour-vault'
import type { IndexRequest } from './index-host'
import { IndexThread } from './index-thread'

/** Every request the index's threads are sent, by operation. */
function countRequests(): Map<IndexRequest['op'], number> {
  const sent = new Map<IndexRequest['op'], number>()
  const request = IndexThread.prototype.request
  vi.spyOn(IndexThread.prototype, 'request').mockImplementation(function (this: IndexThread, asked) {
    sent.set(asked.op, (sent.get(asked.op) ?? 0) + 1)
    return request.call(this, asked) as never
  })
  return sent
}

async function save(v: Awaited<ReturnType<typeof openTestVault>>, id: string, words: string): Promise<void> {
  const entry = await v.vault.entries.read(id)
  await v.vault.entries.save({ id, title: entry.title, body: `${entry.body}\n${words}\n`, version: entry.version })
}

afterEach(() => vi.restoreAllMocks())

describe("the search cache is written when it is worth it, never in a save's way", () => {
  it('after a first full build: written at once; what saves changed after it is written when asked to settle', async () => {
    const dir = await harbourVault(210)
    const sent = countRequests()
    const v = await openTestVault(dir)
    await v.indexes.search.indexed()
    for (const id of ['e_1', 'e_2', 'e_3']) {
      await save(v, id, 'lighthouse')
      await v.indexes.search.indexed()
    }
    expect((await v.indexes.search.query({ query: 'lighthouse' })).total).toBe(3)
    await v.indexes.search.settled()
    // The full index at once, then what the saves changed when asked to settle: never one cache write per save.
    expect(sent.get('cache-bytes')).toBe(2)
    expect(v.indexes.search.stats.cacheWrites).toBe(2)
    v.indexes.close()
  })

  it('after a first full build, settling at once writes the cache once (the write already asked for is waited for)', async () => {
    const dir = await harbourVault(210)
    const sent = countRequests()
    const v = await openTestVault(dir)
    await v.indexes.search.indexed()
    await v.indexes.search.settled()
    expect(sent.get('cache-bytes')).toBe(1)
    expect(v.indexes.search.stats.cacheWrites).toBe(1)
    v.indexes.close()
  })

  it('after opening from the cache: a save is indexed without asking for a cache write (that waits for a quiet spell)', async () => {
    const dir = await harbourVault(210)
    const first = await openTestVault(dir)
    await first.indexes.search.settled()
    first.indexes.close()

    const sent = countRequests()
    const v = await openTestVault(dir)
    await v.indexes.search.indexed()
    expect(v.indexes.search.stats.opened).toBe('cache')
    await save(v, 'e_7', 'lighthouse')
    await v.indexes.search.indexed()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(sent.get('update')).toBe(1)
    expect(sent.get('cache-bytes')).toBeUndefined()
    expect((await v.indexes.search.query({ query: 'lighthouse' })).results.map((r) => r.title)).toEqual(['Note 7'])
    v.indexes.close()
  })
})
