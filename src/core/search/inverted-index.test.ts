import { describe, expect, it } from 'vitest'
import type { SearchDoc } from './documents'
import { InvertedIndex } from './inverted-index'
import type { QueryTerm } from './inverted-index'

const doc = (id: string, title: string, body: string, source = `entry:${id}`): SearchDoc => ({
  kind: 'entry',
  id,
  source,
  clientId: null,
  tags: [],
  fields: { title, tags: '', keywords: '', mentions: '', body }
})
const exact = (...terms: string[]): QueryTerm[] => terms.map((t) => ({ text: t, variants: [{ term: t, weight: 1 }] }))
const ids = (index: InvertedIndex, query: QueryTerm[]) => index.rank(query, () => true, 10).ranked.map((r) => r.doc.id)

describe('the inverted index', () => {
  it('ranks by BM25 with field weights, requiring every word when some document has them all', () => {
    const index = new InvertedIndex()
    index.add(doc('a', 'Budget', 'other words'))
    index.add(doc('b', 'Notes', 'the budget and the budget again'))
    index.add(doc('c', 'Notes', 'spring budget'))
    expect(ids(index, exact('budget'))).toEqual(['a', 'b', 'c'])
    expect(ids(index, exact('budget', 'spring'))).toEqual(['c'])
    expect(ids(index, exact('spring', 'zebra'))).toEqual(['c'])
    expect(index.rank(exact('budget'), (d) => d.id !== 'a', 10).total).toBe(2)
  })

  it('finds words by prefix and by edit distance through its dictionary', () => {
    const index = new InvertedIndex()
    index.add(doc('a', 'Budget', 'budgetary matters'))
    expect(index.variantsOf('budg', { prefix: true, fuzzy: 0, maxPrefixExpansions: 10 }).map((v) => v.term)).toEqual(['budget', 'budgetary'])
    expect(index.variantsOf('bugdet', { prefix: false, fuzzy: 2, maxPrefixExpansions: 10 }).map((v) => v.term)).toEqual(['budget'])
  })

  it('forgets a source’s documents, and survives a round trip through its cache form compacted', async () => {
    const index = new InvertedIndex()
    index.add(doc('a', 'Alpha', 'shared words'))
    index.add(doc('b', 'Beta', 'shared words'))
    index.add(doc('k1', 'Promise', 'shared', 'client:c'))
    index.add(doc('k2', 'Another', 'shared', 'client:c'))
    index.removeSource('entry:a')
    index.removeSource('client:c')
    index.add(doc('a', 'Alpha again', 'shared words'))
    expect(index.size).toBe(2)
    expect(ids(index, exact('shared')).sort()).toEqual(['a', 'b'])
    const data = await index.serialize(async () => undefined)
    expect(data.docs.count).toBe(2)
    const loaded = await InvertedIndex.load(JSON.parse(JSON.stringify(data)), async () => undefined)
    expect(ids(loaded, exact('shared'))).toEqual(ids(index, exact('shared')))
    expect(ids(loaded, exact('promise'))).toEqual([])
    loaded.add(doc('c', 'Gamma', 'shared'))
    expect(ids(loaded, exact('shared')).sort()).toEqual(['a', 'b', 'c'])
    await expect(InvertedIndex.load({ ...data, starts: data.postings }, async () => undefined)).rejects.toThrow(/postings/)
    await expect(InvertedIndex.load({ ...data, docs: { ...data.docs, ids: 'only-one' } }, async () => undefined)).rejects.toThrow(/ids column/)
    const fewer = await new InvertedIndex().serialize(async () => undefined)
    await expect(InvertedIndex.load({ ...data, docs: { ...fewer.docs } }, async () => undefined)).rejects.toThrow(/points nowhere/)
  })
})
