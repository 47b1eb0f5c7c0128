import { describe, expect, it } from 'vitest'
import { openTestVault } from '../testing/open-vault'
import { harbourVault } from '../testing/harbour-vault'
import { entryDoc } from './documents'
import { IndexThread } from './index-thread'
import { parseQuery } from './query'

describe('a search index whose thread stops on its own (a crash, out of memory)', () => {
  it('is opened again on a new thread, from the cache and the files, and searches go on answering in full', async () => {
    const v = await openTestVault(await harbourVault(210))
    const search = v.indexes.search
    await search.settled()
    expect((await search.query({ query: 'harbour' })).total).toBe(210)

    await search.index.endThread()
    // Written while there was no index: found once it is back.
    await v.vault.entries.create({
      clientId: 'c_dana',
      folder: 'clients/dana/journal',
      title: 'Lighthouse visit',
      body: 'The harbour master showed us the lighthouse.\n'
    })
    // Before, a search sent after the thread stopped waited for an answer that never came.
    // Now it is answered, and an answer given before the index is back in full says the index is still being made.
    const meanwhile = await search.query({ query: 'harbour' })
    expect(meanwhile.total === 211 || meanwhile.indexing?.state === 'indexing').toBe(true)
    await search.indexed()
    expect((await search.query({ query: 'harbour' })).total).toBe(211)
    expect((await search.query({ query: 'lighthouse' })).results.map((r) => r.title)).toEqual(['Lighthouse visit'])
    // From the cache, not every file again.
    expect(search.stats.opened).toBe('cache')
    expect(await search.index.onItsOwnThread()).toBe(true)
    v.indexes.close()
  })
})

describe('a worker lane whose thread keeps stopping', () => {
  it('starts it again three times, then does the work on this thread; nothing waits for a thread that is gone', async () => {
    let lost = 0
    const thread = new IndexThread('worker', () => lost++)
    const doc = entryDoc({ id: 'e_1', clientId: null, title: 'Harbour call', created: '2026-01-01T10:00:00.000Z', tags: [] }, 'about the harbour', null)
    const found = async (): Promise<number> => {
      await thread.request({ op: 'update', remove: [], add: [doc] })
      return (await thread.request({ op: 'query', parsed: parseQuery('harbour'), filter: {}, limit: 10 })).total
    }
    for (let stop = 1; stop <= 4; stop++) {
      expect(await found()).toBe(1)
      expect(await thread.onItsOwnThread()).toBe(true)
      await thread.endThread()
      expect(lost).toBe(stop)
    }
    // The fourth stop: from now on the index is kept here, and works the same.
    expect(await thread.onItsOwnThread()).toBe(false)
    expect(await found()).toBe(1)
    thread.close()
  })
})
