/**
 * The search index: a dictionary of terms and, for each term, the documents
 * that contain it with a weight (how often, by field weight), ranked with
 * BM25. MiniSearch's radix tree (`SearchableMap`) holds the dictionary and
 * answers the prefix and typo-tolerant (edit distance) look-ups; the
 * postings are Rapport's own, as flat integer arrays, because MiniSearch's
 * search builds an object per matching document: over the bench's 10,000
 * entries, whose common words are in nearly every one, it took 27 ms a
 * query (median) and 76 ms (p95) where 10 ms is allowed; this takes 1–3 ms
 * (the comparison is in the notes on issue #9).
 *
 * Documents are numbered as they are added. A removed document is only
 * marked dead (its postings are skipped), and a changed one is added again
 * under a new number, so an update touches that document alone; `serialize`
 * writes only the living, renumbered: the next start loads it compacted.
 */
import SearchableMap from 'minisearch/SearchableMap'
import { searchKinds } from '../../shared/contract/search'
import type { DocInfo, SearchDoc } from './documents'
import { FIELD_NAMES, FIELD_WEIGHTS } from './documents'
import { base64ToInt32, int32ToBase64, joinColumn, joinListColumn, splitColumn, splitListColumn } from './columns'
import { forEachWord } from './words'

/** Documents or terms put together between two chances to yield, when loading. */
const LOAD_CHUNK = 1024

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

/** The index as written to the cache: a few long strings, quick to parse (see columns.ts). */
export type SerializedIndex = {
  /** Every term, in term-number order, a line each. */
  terms: string
  /** Base64 of int32 pairs `[document, weight]`, term after term. */
  postings: string
  /** Base64 of int32: where each term's pairs start in `postings` (counted in int32s), and one past the last. */
  starts: string
  /** The documents, in document-number order, a column per field. */
  docs: {
    count: number
    /** One digit per document: its kind's place in `searchKinds`. */
    kinds: string
    ids: string
    sources: string
    /** Empty for none, as are dates and templates. */
    clients: string
    dates: string
    templates: string
    tags: string
    /** Base64 of int32: each document's length in words. */
    lengths: string
  }
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
  /** Reused by `add`, so indexing 10,000 entries does not make 10,000 maps for the collector. */
  private readonly weights = new Map<number, number>()
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

  sources(): IterableIterator<string> {
    return this.bySource.keys()
  }

  add(doc: SearchDoc): void {
    const number = this.docs.length
    const weights = this.weights
    weights.clear()
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
      this.lengths[number] = 0 // how ranking tells a removed document, without looking it up
    }
    this.bySource.delete(source)
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
    const { best, sum, matched, seen } = this
    const candidates: number[] = []
    const queryGeneration = ++this.generation
    const averageLength = this.totalLength / this.liveCount
    for (const queryTerm of query) {
      const termGeneration = ++this.generation
      const touched: number[] = []
      for (const { term, weight } of queryTerm.variants) {
        const id = this.termIds.get(term)
        if (id === undefined) continue
        // Postings of removed documents are counted too (cheaper than keeping counts); never more than there are documents.
        const df = Math.min(this.documentFrequency(id), this.liveCount)
        const idf = Math.log(1 + (this.liveCount - df + 0.5) / (df + 0.5))
        const frozenEnd = id + 1 < this.frozenStart.length ? (this.frozenStart[id + 1] ?? 0) : 0
        const frozenFrom = id + 1 < this.frozenStart.length ? (this.frozenStart[id] ?? 0) : 0
        this.scorePostings(this.frozen, frozenFrom, frozenEnd, weight * idf, averageLength, termGeneration, touched)
        const added = this.added[id]
        if (added) this.scorePostings(added, 0, added.length, weight * idf, averageLength, termGeneration, touched)
      }
      for (const number of touched) {
        if (seen[number] !== queryGeneration) {
          seen[number] = queryGeneration
          sum[number] = 0
          matched[number] = 0
          candidates.push(number)
        }
        sum[number] = (sum[number] ?? 0) + (best[number] ?? 0)
        matched[number] = (matched[number] ?? 0) + 1
      }
    }
    const accepted: number[] = []
    let most = 0
    for (const number of candidates) {
      const doc = this.docs[number]
      if (!doc || !accept(doc)) continue
      accepted.push(number)
      most = Math.max(most, matched[number] ?? 0)
    }
    // The `limit` best, kept in order as they are found: far cheaper than sorting thousands of candidates.
    const top: number[] = []
    let floor = -1
    let total = 0
    for (const number of accepted) {
      if (matched[number] !== most) continue
      total++
      const score = sum[number] ?? 0
      if (top.length === limit && score <= floor) continue
      let at = top.length
      while (at > 0 && (sum[top[at - 1] ?? 0] ?? 0) < score) at--
      top.splice(at, 0, number)
      if (top.length > limit) top.pop()
      floor = sum[top[top.length - 1] ?? 0] ?? 0
    }
    return {
      ranked: top.flatMap((number) => {
        const doc = this.docs[number]
        return doc ? [{ doc, score: sum[number] ?? 0 }] : []
      }),
      total
    }
  }

  /** BM25 of one dictionary term's postings `[from, to)`, keeping each document's best over the variants of a query word. */
  private scorePostings(
    postings: ArrayLike<number>,
    from: number,
    to: number,
    weightedIdf: number,
    averageLength: number,
    generation: number,
    touched: number[]
  ): void {
    const { lengths, stamp, best } = this
    const numerator = weightedIdf * (K1 + 1)
    const constant = K1 * (1 - B)
    const perLength = (K1 * B) / averageLength
    for (let i = from; i < to; i += 2) {
      const number = postings[i] ?? 0
      const length = lengths[number] ?? 0
      if (length === 0) continue // removed
      const tf = postings[i + 1] ?? 0
      const score = (numerator * tf) / (tf + constant + perLength * length)
      if (stamp[number] !== generation) {
        stamp[number] = generation
        best[number] = score
        touched.push(number)
      } else if (score > (best[number] ?? 0)) best[number] = score
    }
  }

  /**
   * The living documents, renumbered from 0, as the cache stores them. It
   * runs in slices (`pause` between them) and is a snapshot of the index as
   * it was when called: documents added or removed meanwhile are left as
   * they were (added ones have higher numbers; removed ones were copied
   * as alive), so it always matches the signatures taken at the same moment.
   */
  async serialize(pause: () => Promise<void>): Promise<SerializedIndex> {
    const count = this.docs.length
    const termCount = this.terms.length
    const renumber = new Int32Array(count).fill(-1)
    const living: DocInfo[] = []
    const lengths: number[] = []
    for (let number = 0; number < count; number++) {
      const doc = this.docs[number]
      if (!doc) continue
      renumber[number] = living.length
      living.push(doc)
      lengths.push(this.lengths[number] ?? 1)
    }
    let room = this.frozen.length
    for (let id = 0; id < termCount; id++) room += this.added[id]?.length ?? 0
    const pairs = new Int32Array(room)
    let used = 0
    const copy = (from: ArrayLike<number>, start: number, end: number): void => {
      for (let i = start; i < end; i += 2) {
        const number = from[i] ?? -1
        const renumbered = number < count ? (renumber[number] ?? -1) : -1
        if (renumbered < 0) continue
        pairs[used++] = renumbered
        pairs[used++] = from[i + 1] ?? 0
      }
    }
    const terms: string[] = []
    const starts: number[] = []
    for (let id = 0; id < termCount; id++) {
      const start = used
      if (id + 1 < this.frozenStart.length) copy(this.frozen, this.frozenStart[id] ?? 0, this.frozenStart[id + 1] ?? 0)
      const added = this.added[id]
      if (added) copy(added, 0, added.length)
      if (used > start) {
        terms.push(this.terms[id] ?? '')
        starts.push(start)
      }
      await pause()
    }
    starts.push(used)
    // Each column is made in its own slice: together they are tens of milliseconds for 10,000 entries.
    const column = <T>(make: () => T): Promise<T> => inSlice(make, pause)
    return {
      terms: await column(() => joinColumn(terms)),
      postings: await int32ToBase64(pairs.subarray(0, used), pause),
      starts: await int32ToBase64(Int32Array.from(starts), pause),
      docs: {
        count: living.length,
        kinds: await column(() => living.map((d) => searchKinds.indexOf(d.kind)).join('')),
        ids: await column(() => joinColumn(living.map((d) => d.id))),
        sources: await column(() => joinColumn(living.map((d) => d.source))),
        clients: await column(() => joinColumn(living.map((d) => d.clientId ?? ''))),
        dates: await column(() => joinColumn(living.map((d) => d.date ?? ''))),
        templates: await column(() => joinColumn(living.map((d) => d.template ?? ''))),
        tags: await column(() => joinListColumn(living.map((d) => d.tags))),
        lengths: await int32ToBase64(Int32Array.from(lengths), pause)
      }
    }
  }

  /**
   * Reads an index written by `serialize`, in slices like it; throws on
   * anything inconsistent, so a damaged cache is rebuilt rather than trusted.
   */
  static async load(data: SerializedIndex, pause: () => Promise<void>): Promise<InvertedIndex> {
    const index = new InvertedIndex()
    const { docs } = data
    const count = docs.count
    if (!Number.isInteger(count) || count < 0 || docs.kinds.length !== count) throw new Error('the documents do not add up')
    const ids = await inSlice(() => splitColumn(docs.ids, count, 'ids'), pause)
    const sources = await inSlice(() => splitColumn(docs.sources, count, 'sources'), pause)
    const clients = await inSlice(() => splitColumn(docs.clients, count, 'clients'), pause)
    const dates = await inSlice(() => splitColumn(docs.dates, count, 'dates'), pause)
    const templates = await inSlice(() => splitColumn(docs.templates, count, 'templates'), pause)
    const tags = await inSlice(() => splitListColumn(docs.tags, count, 'tags'), pause)
    const lengths = await base64ToInt32(docs.lengths, 'lengths', pause)
    if (lengths.length !== count) throw new Error('the document lengths do not add up')
    // Each piece of work is a plain loop in a function of its own: V8 optimises a loop with an `await` inside it poorly (ten times slower here).
    const admitDocs = (from: number, to: number): void => {
      for (let number = from; number < to; number++) {
        const kind = searchKinds[docs.kinds.charCodeAt(number) - 48]
        const length = lengths[number] ?? 0
        if (!kind || length <= 0) throw new Error(`document ${number} is malformed`)
        const date = dates[number]
        const template = templates[number]
        const info: DocInfo = { kind, id: ids[number] ?? '', source: sources[number] ?? '', clientId: clients[number] || null, tags: tags[number] ?? [] }
        if (date) info.date = date
        if (template) info.template = template
        index.admit(info, length)
      }
    }
    for (let from = 0; from < count; from += LOAD_CHUNK) {
      admitDocs(from, Math.min(count, from + LOAD_CHUNK))
      await pause()
    }
    const terms = await inSlice(() => (data.terms === '' ? [] : data.terms.split('\n')), pause)
    const postings = await base64ToInt32(data.postings, 'postings', pause)
    const starts = await base64ToInt32(data.starts, 'term starts', pause)
    if (starts.length !== terms.length + 1 || starts[0] !== 0 || starts[terms.length] !== postings.length || postings.length % 2 !== 0) {
      throw new Error('the postings do not match the terms')
    }
    const addTerms = (from: number, to: number): void => {
      for (let t = from; t < to; t++) {
        if ((starts[t + 1] ?? 0) < (starts[t] ?? 0) || ((starts[t + 1] ?? 0) - (starts[t] ?? 0)) % 2 !== 0) throw new Error(`term ${t} has broken postings`)
        const term = terms[t] ?? ''
        if (term === '' || index.termIds.has(term)) throw new Error(`term ${t} is empty or repeated`)
        index.termId(term)
      }
    }
    for (let from = 0; from < terms.length; from += LOAD_CHUNK) {
      addTerms(from, Math.min(terms.length, from + LOAD_CHUNK))
      await pause()
    }
    const checkPostings = (from: number, to: number): void => {
      for (let i = from; i < to; i += 2) {
        if ((postings[i] ?? -1) < 0 || (postings[i] ?? 0) >= count || (postings[i + 1] ?? 0) <= 0) throw new Error('a posting points nowhere')
      }
    }
    for (let from = 0; from < postings.length; from += LOAD_CHUNK * 256) {
      checkPostings(from, Math.min(postings.length, from + LOAD_CHUNK * 256))
      await pause()
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

  /** Postings including those of removed documents: close enough for IDF, and it costs nothing. */
  private documentFrequency(id: number): number {
    const frozen = id + 1 < this.frozenStart.length ? ((this.frozenStart[id + 1] ?? 0) - (this.frozenStart[id] ?? 0)) / 2 : 0
    return frozen + (this.added[id]?.length ?? 0) / 2
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

/** Does one piece of work, then lets the event loop in. */
async function inSlice<T>(work: () => T, pause: () => Promise<void>): Promise<T> {
  const done = work()
  await pause()
  return done
}
