/**
 * The search index: a dictionary of terms and, for each term, the documents
 * that contain it with a weight (how often, by field weight), ranked with
 * BM25. MiniSearch's radix tree (`SearchableMap`) holds the dictionary and
 * answers the prefix and typo-tolerant (edit distance) look-ups; the
 * postings are Rapport's own, as flat integer arrays, because MiniSearch's
 * search builds an object per matching document, which over a journal whose
 * common words are in nearly every entry is 5–20 times over the 10 ms a
 * query may take (see the bench and the notes on issue #9).
 *
 * Documents are numbered as they are added. A removed document is only
 * marked dead (its postings are skipped), and a changed one is added again
 * under a new number, so an update touches that document alone; `toJSON`
 * writes only the living, renumbered, which is how the index compacts.
 */
import SearchableMap from 'minisearch/SearchableMap'
import { searchKinds } from '../../shared/contract/search'
import type { DocInfo, SearchDoc } from './documents'
import { FIELD_NAMES, FIELD_WEIGHTS } from './documents'
import { forEachWord } from './words'

/** BM25's usual constants: how fast repeats stop counting, and how much a long document is discounted. */
const K1 = 1.2
const B = 0.75

/** One term of a query, with the dictionary terms it stands for (itself, longer words it begins, near misspellings) and how much each counts. */
export interface QueryTerm {
  text: string
  variants: Array<{ term: string; weight: number }>
}

export interface RankedDoc {
  doc: DocInfo
  score: number
}

/** The index as written to the cache: compact strings and numbers, quick to parse. */
export interface SerializedIndex {
  /** Every term, in term-number order, separated by newlines (a term never holds one). */
  terms: string
  /** Base64 of little-endian int32 pairs `[document, weight]`, term after term. */
  postings: string
  /** Base64 of int32: where each term's pairs start in `postings` (counted in int32s), and one past the last. */
  starts: string
  /** `[kind index, id, source, clientId, date, template, tags, length]` per document, in document-number order. */
  docs: Array<[number, string, string, string | null, string | null, string | null, string[], number]>
}

export class InvertedIndex {
  private readonly dictionary = new SearchableMap<number>()
  private readonly termIds = new Map<string, number>()
  private readonly terms: string[] = []
  /** Postings read from the cache, shared read-only; `frozenStart[t]…frozenStart[t + 1]` for terms known then. */
  private frozen: Int32Array<ArrayBufferLike> = new Int32Array(0)
  private frozenStart: Int32Array<ArrayBufferLike> = new Int32Array(1)
  /** Postings added since, per term, `[document, weight, …]`. */
  private readonly added: Array<number[] | undefined> = []
  private readonly docs: Array<DocInfo | null> = []
  private readonly lengths: number[] = []
  private readonly bySource = new Map<string, number[]>()
  private liveCount = 0
  private totalLength = 0
  // Scratch space for ranking, reused across queries (a query touches each array once per matching posting).
  private stamp = new Uint32Array(0)
  private best = new Float64Array(0)
  private sum = new Float64Array(0)
  private matched = new Uint16Array(0)
  private seen = new Uint32Array(0)
  private generation = 0

  /** Documents in the index. */
  get size(): number {
    return this.liveCount
  }

  /** How much of the index is documents removed or replaced since it was last compacted (0–1). */
  get deadShare(): number {
    return this.docs.length === 0 ? 0 : 1 - this.liveCount / this.docs.length
  }

  sources(): IterableIterator<string> {
    return this.bySource.keys()
  }

  add(doc: SearchDoc): void {
    const number = this.docs.length
    const weights = new Map<number, number>()
    let length = 0
    for (const field of FIELD_NAMES) {
      const weight = FIELD_WEIGHTS[field]
      forEachWord(doc.fields[field], (term) => {
        const id = this.termId(term)
        weights.set(id, (weights.get(id) ?? 0) + weight)
        length++
      })
    }
    for (const [id, weight] of weights) {
      let list = this.added[id]
      if (!list) this.added[id] = list = []
      list.push(number, weight)
    }
    const { fields: _fields, ...info } = doc
    this.admit(info, Math.max(length, 1))
  }

  /** Forgets every document made from `source` (an entry, or a client with its commitments and interactions). */
  removeSource(source: string): void {
    for (const number of this.bySource.get(source) ?? []) {
      if (this.docs[number] === null) continue
      this.docs[number] = null
      this.liveCount--
      this.totalLength -= this.lengths[number] ?? 0
    }
    this.bySource.delete(source)
  }

  hasSource(source: string): boolean {
    return this.bySource.has(source)
  }

  /** The dictionary terms a query word may stand for: itself, words it begins (`prefix`), words within `fuzzy` edits. */
  variantsOf(term: string, options: { prefix: boolean; fuzzy: number; maxPrefixExpansions: number }): QueryTerm['variants'] {
    const found = new Map<string, number>()
    if (this.termIds.has(term)) found.set(term, 1)
    if (options.prefix) {
      const longer: string[] = []
      for (const key of this.dictionary.atPrefix(term).keys()) {
        if (key !== term) longer.push(key)
        if (longer.length >= options.maxPrefixExpansions * 4) break
      }
      // The closest completions count most: "budg" is nearly "budget", less "budgetary".
      longer.sort((a, b) => a.length - b.length)
      for (const key of longer.slice(0, options.maxPrefixExpansions)) found.set(key, 0.5 + (0.4 * term.length) / key.length)
    }
    if (options.fuzzy > 0) {
      for (const [key, [, distance]] of this.dictionary.fuzzyGet(term, options.fuzzy)) {
        const weight = 0.6 - 0.2 * distance
        if ((found.get(key) ?? 0) < weight) found.set(key, weight)
      }
    }
    return [...found].map(([variant, weight]) => ({ term: variant, weight }))
  }

  /**
   * The best `limit` documents for the query, by BM25 summed over the query's
   * terms (each term counting its best variant). Documents that match more
   * of the terms always come first: when some document matches them all,
   * only those are results. `accept` filters documents before ranking.
   */
  rank(query: readonly QueryTerm[], accept: (doc: DocInfo) => boolean, limit: number): { ranked: RankedDoc[]; total: number } {
    if (query.length === 0 || this.liveCount === 0) return { ranked: [], total: 0 }
    this.ensureScratch()
    const candidates: number[] = []
    const queryGeneration = ++this.generation
    const averageLength = this.totalLength / this.liveCount
    for (const queryTerm of query) {
      const termGeneration = ++this.generation
      const touched: number[] = []
      for (const { term, weight } of queryTerm.variants) {
        const id = this.termIds.get(term)
        if (id === undefined) continue
        const idf = Math.log(1 + (this.liveCount - this.documentFrequency(id) + 0.5) / (this.documentFrequency(id) + 0.5))
        const visit = (number: number, tf: number): void => {
          if (this.docs[number] === null) return
          const norm = 1 - B + (B * (this.lengths[number] ?? 0)) / averageLength
          const score = (weight * idf * (tf * (K1 + 1))) / (tf + K1 * norm)
          if (this.stamp[number] !== termGeneration) {
            this.stamp[number] = termGeneration
            this.best[number] = score
            touched.push(number)
          } else if (score > (this.best[number] ?? 0)) this.best[number] = score
        }
        this.forEachPosting(id, visit)
      }
      for (const number of touched) {
        if (this.seen[number] !== queryGeneration) {
          this.seen[number] = queryGeneration
          this.sum[number] = 0
          this.matched[number] = 0
          candidates.push(number)
        }
        this.sum[number] = (this.sum[number] ?? 0) + (this.best[number] ?? 0)
        this.matched[number] = (this.matched[number] ?? 0) + 1
      }
    }
    const accepted = candidates.filter((number) => {
      const doc = this.docs[number]
      return doc !== null && doc !== undefined && accept(doc)
    })
    let most = 0
    for (const number of accepted) most = Math.max(most, this.matched[number] ?? 0)
    const top: number[] = []
    let total = 0
    const scoreOf = (number: number): number => this.sum[number] ?? 0
    for (const number of accepted) {
      if (this.matched[number] !== most) continue
      total++
      if (top.length === limit && scoreOf(number) <= scoreOf(top[top.length - 1] ?? number)) continue
      let at = top.length
      while (at > 0 && scoreOf(top[at - 1] ?? number) < scoreOf(number)) at--
      top.splice(at, 0, number)
      if (top.length > limit) top.pop()
    }
    return { ranked: top.flatMap((number) => (this.docs[number] ? [{ doc: this.docs[number], score: scoreOf(number) }] : [])), total }
  }

  toJSON(): SerializedIndex {
    const renumber = new Int32Array(this.docs.length).fill(-1)
    const docs: SerializedIndex['docs'] = []
    this.docs.forEach((doc, number) => {
      if (!doc) return
      renumber[number] = docs.length
      docs.push([searchKinds.indexOf(doc.kind), doc.id, doc.source, doc.clientId, doc.date ?? null, doc.template ?? null, doc.tags, this.lengths[number] ?? 1])
    })
    const terms: string[] = []
    const starts: number[] = []
    const pairs: number[] = []
    this.terms.forEach((term, id) => {
      const start = pairs.length
      this.forEachPosting(id, (number, weight) => {
        const renumbered = renumber[number] ?? -1
        if (renumbered >= 0) pairs.push(renumbered, weight)
      })
      if (pairs.length === start) return
      terms.push(term)
      starts.push(start)
    })
    starts.push(pairs.length)
    return { terms: terms.join('\n'), postings: toBase64(Int32Array.from(pairs)), starts: toBase64(Int32Array.from(starts)), docs }
  }

  /** Reads an index written by `toJSON`; throws on anything inconsistent, so a damaged cache is rebuilt rather than trusted. */
  static fromJSON(data: SerializedIndex): InvertedIndex {
    const index = new InvertedIndex()
    const terms = data.terms === '' ? [] : data.terms.split('\n')
    const postings = fromBase64(data.postings)
    const starts = fromBase64(data.starts)
    if (starts.length !== terms.length + 1 || starts[0] !== 0 || starts[terms.length] !== postings.length || postings.length % 2 !== 0) {
      throw new Error('the postings do not match the terms')
    }
    for (const [number, row] of data.docs.entries()) {
      const [kind, id, source, clientId, date, template, tags, length] = row
      const kindName = searchKinds[kind]
      if (!kindName || typeof id !== 'string' || typeof source !== 'string' || !Array.isArray(tags) || !(length > 0)) throw new Error(`document ${number} is malformed`)
      index.admit(
        { kind: kindName, id, source, clientId, ...(date ? { date } : {}), ...(template ? { template } : {}), tags },
        length
      )
    }
    for (let t = 0; t < terms.length; t++) {
      const from = starts[t] ?? 0
      const to = starts[t + 1] ?? 0
      if (to < from || (to - from) % 2 !== 0) throw new Error(`term ${t} has broken postings`)
      const term = terms[t] ?? ''
      if (term === '' || index.termIds.has(term)) throw new Error(`term ${t} is empty or repeated`)
      index.termId(term)
    }
    for (let i = 0; i < postings.length; i += 2) {
      if ((postings[i] ?? -1) < 0 || (postings[i] ?? 0) >= data.docs.length || (postings[i + 1] ?? 0) <= 0) throw new Error('a posting points nowhere')
    }
    index.frozen = postings
    index.frozenStart = starts
    return index
  }

  private admit(info: DocInfo, length: number): void {
    const number = this.docs.length
    this.docs.push(info)
    this.lengths.push(length)
    this.liveCount++
    this.totalLength += length
    const numbers = this.bySource.get(info.source)
    if (numbers) numbers.push(number)
    else this.bySource.set(info.source, [number])
  }

  private termId(term: string): number {
    let id = this.termIds.get(term)
    if (id === undefined) {
      id = this.terms.length
      this.terms.push(term)
      this.termIds.set(term, id)
      this.dictionary.set(term, id)
    }
    return id
  }

  /** Postings including those of removed documents; counted once, it is close enough for IDF and costs nothing. */
  private documentFrequency(id: number): number {
    const frozen = id + 1 < this.frozenStart.length ? ((this.frozenStart[id + 1] ?? 0) - (this.frozenStart[id] ?? 0)) / 2 : 0
    return frozen + (this.added[id]?.length ?? 0) / 2
  }

  private forEachPosting(id: number, visit: (number: number, weight: number) => void): void {
    if (id + 1 < this.frozenStart.length) {
      const end = this.frozenStart[id + 1] ?? 0
      for (let i = this.frozenStart[id] ?? 0; i < end; i += 2) visit(this.frozen[i] ?? 0, this.frozen[i + 1] ?? 0)
    }
    const list = this.added[id]
    if (list) for (let i = 0; i < list.length; i += 2) visit(list[i] ?? 0, list[i + 1] ?? 0)
  }

  private ensureScratch(): void {
    const size = this.docs.length
    if (this.stamp.length >= size) return
    const capacity = Math.max(size, Math.ceil(this.stamp.length * 1.5), 64)
    this.stamp = new Uint32Array(capacity)
    this.seen = new Uint32Array(capacity)
    this.best = new Float64Array(capacity)
    this.sum = new Float64Array(capacity)
    this.matched = new Uint16Array(capacity)
    this.generation = 0
  }
}

/** Little-endian, as every platform Rapport ships on (x64, arm64) is. */
function toBase64(values: Int32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64')
}

function fromBase64(text: string): Int32Array<ArrayBufferLike> {
  const bytes = Buffer.from(text, 'base64')
  if (bytes.byteLength % 4 !== 0) throw new Error('the postings are cut short')
  // A Buffer may start at any byte of a shared pool; an Int32Array view needs a multiple of 4, so an unaligned one is copied.
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
  return new Int32Array(new Uint8Array(bytes).buffer)
}

