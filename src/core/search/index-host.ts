/**
 * The search index and the work done on it — adding and removing documents,
 * ranking a query, putting a cached index together, writing it out — behind
 * plain messages, so it can live on a thread of its own (index-worker.ts)
 * while the process that answers the window only reads files and makes
 * documents. Everything that crosses is plain data (structured clone).
 */
import type { DocInfo, SearchDoc } from './documents'
import type { FilterSpec } from './filters'
import { acceptedBy } from './filters'
import { cacheBytes, parseCache } from './index-cache'
import type { QueryTerm, RankedDoc, SerializedIndex } from './inverted-index'
import { InvertedIndex } from './inverted-index'
import type { ParsedQuery } from './query'
import { queryTerms } from './query'

export type IndexRequest =
  | { op: 'update'; remove: readonly string[]; add: readonly SearchDoc[] }
  | { op: 'query'; parsed: ParsedQuery; filter: FilterSpec; limit: number }
  | { op: 'serialize' }
  | { op: 'cache-bytes'; signatures: ReadonlyArray<readonly [string, string]>; now: string }
  | { op: 'load-cache'; bytes: Uint8Array }

export type CacheLoad = { kind: 'loaded'; signatures: Array<[string, string]> } | { kind: 'stale' | 'corrupt'; reason: string }

export interface IndexAnswers {
  update: void
  query: { terms: QueryTerm[]; ranked: RankedDoc[]; total: number }
  serialize: SerializedIndex
  'cache-bytes': Uint8Array
  'load-cache': CacheLoad
}

const utf8 = new TextDecoder()

/** On its own thread nothing else waits, so the work runs through without pauses. */
const noPause = async (): Promise<void> => undefined

export class IndexHost {
  private index = new InvertedIndex()

  async handle<R extends IndexRequest>(request: R): Promise<IndexAnswers[R['op']]> {
    return (await this.answer(request)) as IndexAnswers[R['op']]
  }

  private async answer(request: IndexRequest): Promise<IndexAnswers[keyof IndexAnswers]> {
    switch (request.op) {
      case 'update':
        for (const source of request.remove) this.index.removeSource(source)
        for (const doc of request.add) this.index.add(doc)
        return undefined
      case 'query': {
        const terms = queryTerms(request.parsed, this.index)
        const accept: (doc: DocInfo) => boolean = acceptedBy(request.filter)
        return { terms, ...this.index.rank(terms, accept, request.limit) }
      }
      case 'serialize':
        return this.index.serialize(noPause)
      case 'cache-bytes':
        return cacheBytes(await this.index.serialize(noPause), new Map(request.signatures), noPause, new Date(request.now))
      case 'load-cache': {
        const cached = await parseCache(utf8.decode(request.bytes), noPause)
        if (cached.kind !== 'loaded') return { kind: cached.kind === 'missing' ? 'corrupt' : cached.kind, reason: cached.reason }
        this.index = cached.index
        return { kind: 'loaded', signatures: [...cached.signatures] }
      }
    }
  }
}

/** `bytes` with a buffer of its own, which can be transferred to or from the index's thread (a small Buffer shares the pool's). */
export function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
}
