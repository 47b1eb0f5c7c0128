import { describe, expect, it } from 'vitest'
import { entryDoc } from './documents'
import { IndexHost, signatureColumns } from './index-host'
import { parseCache } from './index-cache'
import { parseQuery } from './query'

const doc = (i: number, word: string) =>
  entryDoc({ id: `e_${i}`, clientId: null, title: `Note ${i}`, created: '2025-03-01T10:00:00.000Z', tags: [] }, `${word} and more words ${i}`, null)

/** Yields to the event loop at every pause: the slices of a background request are as fine as they can be. */
const everyTime = () => () => new Promise<void>((resolve) => setImmediate(resolve))

describe('the index host', () => {
  it("writes a cache's bytes in the background: requests after it are answered meanwhile, and the bytes are the index as it was asked for", async () => {
    const host = new IndexHost(everyTime)
    const docs = Array.from({ length: 300 }, (_, i) => doc(i, i % 2 ? 'harbour' : 'lighthouse'))
    await host.handle({ op: 'update', remove: [], add: docs })
    const signatures = new Map(docs.map((d) => [d.source, `v1 ${d.id}`]))
    const order: string[] = []
    const bytes = host
      .handle({ op: 'cache-bytes', signatures: signatureColumns(signatures), now: new Date(0).toISOString(), sealing: null })
      .then((made) => (order.push('cache-bytes'), made))
    // Sent after it: an entry removed and one added, then a search.
    const update = host.handle({ op: 'update', remove: ['entry:e_0'], add: [doc(1000, 'lighthouse')] }).then(() => order.push('update'))
    const query = host.handle({ op: 'query', parsed: parseQuery('lighthouse'), filter: {}, limit: 500 }).then((answer) => {
      order.push('query')
      return answer
    })
    const [made, , answer] = await Promise.all([bytes, update, query])
    expect(order).toEqual(['update', 'query', 'cache-bytes'])
    expect(answer.total).toBe(150) // e_0 gone, e_1000 in
    // The cache holds the 300 documents and their signatures, as when it was asked for.
    const cached = await parseCache(new TextDecoder().decode(made), async () => undefined)
    if (cached.kind !== 'loaded') throw new Error(cached.reason)
    expect(cached.signatures).toEqual(signatures)
    expect([...cached.index.sources()].sort()).toEqual([...signatures.keys()].sort())
  })

  it("makes an entry's Markdown body plain text where it indexes it: a link's address and the markup are not searched", async () => {
    const host = new IndexHost(everyTime)
    const sent = entryDoc(
      { id: 'e_1', clientId: null, title: 'Kickoff', created: '2025-03-01T10:00:00.000Z', tags: [] },
      '## Plan\n\nSee [the **harbour** notes](https://example.com/zebra-notes) <span class="quokka">today</span>.\n',
      null
    )
    // Sent as Markdown (the thread that answers the window does not make the plain text).
    expect(sent.fields.body).toContain('](https://example.com/zebra-notes)')
    await host.handle({ op: 'update', remove: [], add: [sent] })
    const found = async (query: string) => (await host.handle({ op: 'query', parsed: parseQuery(query), filter: {}, limit: 5 })).total
    expect(await found('harbour')).toBe(1)
    expect(await found('today')).toBe(1)
    expect(await found('zebra')).toBe(0)
    expect(await found('quokka')).toBe(0)
    expect(await found('span')).toBe(0)
  })

  it('refuses signatures that do not add up, and says a cache it cannot open is corrupt', async () => {
    const host = new IndexHost(everyTime)
    await expect(
      host.handle({ op: 'cache-bytes', signatures: { count: 2, sources: 'entry:a', signatures: 'v' }, now: new Date(0).toISOString(), sealing: null })
    ).rejects.toThrow(/2 documents/)
    expect(await host.handle({ op: 'load-cache', bytes: new TextEncoder().encode('not json'), sealing: null })).toMatchObject({ kind: 'corrupt' })
  })
})
