/**
 * The search index and the work done on it — adding and removing documents,
 * ranking a query, putting a cached index together, writing it out — behind
 * plain messages, so it can live on a thread of its own (index-worker.ts)
 * while the process that answers the window only reads files and makes
 * documents. Everything that crosses is plain data (structured clone), and
 * large lists cross as one string a column (columns.ts): one long string is
 * copied in a blink, ten thousand small ones cost the receiving thread
 * milliseconds in one piece.
 *
 * In an encrypted vault the cache's bytes are opened and sealed here too,
 * with the key shared for it (vault-files.ts `sealingOf`): 10 MB of
 * XChaCha20 is 80 ms of work that must not run where the window is answered.
 */
import { openFile, sealFile } from '../crypto/envelope'
import type { Sealing } from '../fs/vault-files'
import type { DocInfo, SearchDoc } from './documents'
import { indexedDoc } from './documents'
import type { FilterSpec } from './filters'
import { acceptedBy } from './filters'
import { joinColumn, splitColumn } from './columns'
import { cacheBytes, parseCache } from './index-cache'
import type { QueryTerm, RankedDoc, SerializedIndex } from './inverted-index'
import { InvertedIndex } from './inverted-index'
import type { ParsedQuery } from './query'
import { queryTerms } from './query'

/** Sources and their signatures, as two columns of as many lines. */
export interface SignatureColumns {
  count: number
  sources: string
  signatures: string
}

export type IndexRequest =
  | { op: 'update'; remove: readonly string[]; add: readonly SearchDoc[] }
  | { op: 'query'; parsed: ParsedQuery; filter: FilterSpec; limit: number }
  | { op: 'serialize' }
  /** Made in the background, between later requests (see IndexHost.background); sealed when `sealing` is given. */
  | { op: 'cache-bytes'; signatures: SignatureColumns; now: string; sealing: Sealing | null }
  | { op: 'load-cache'; bytes: Uint8Array; sealing: Sealing | null }

export type CacheLoad = { kind: 'loaded'; signatures: SignatureColumns } | { kind: 'stale' | 'corrupt'; reason: string }

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

/** Longest stretch of a background request's work before the requests that came after it are let in. */
const BACKGROUND_SLICE_MS = 4

/** A pause that lets other requests (and timers) in once `ms` of work has run since the last one. */
export function yieldingPause(ms = BACKGROUND_SLICE_MS): () => Promise<void> {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < ms) return
    await new Promise<void>((resolve) => setImmediate(resolve))
    since = performance.now()
  }
}

export class IndexHost {
  private index = new InvertedIndex()

  /** `pauses` makes the pause of each background request (a test makes one that always yields). */
  constructor(private readonly pauses: () => () => Promise<void> = () => yieldingPause()) {}

  /**
   * Requests answered in the background: they take what they need from the
   * index the moment they begin (a cache's bytes: a snapshot, see
   * `InvertedIndex.serialize`) and then run in slices, so an update or a
   * query sent after them is answered meanwhile instead of waiting ~100 ms
   * behind the whole index being written out.
   */
  static background(request: IndexRequest): boolean {
    return request.op === 'cache-bytes'
  }

  async handle<R extends IndexRequest>(request: R): Promise<IndexAnswers[R['op']]> {
    return (await this.answer(request)) as IndexAnswers[R['op']]
  }

  private async answer(request: IndexRequest): Promise<IndexAnswers[keyof IndexAnswers]> {
    switch (request.op) {
      case 'update':
        for (const source of request.remove) this.index.removeSource(source)
        for (const doc of request.add) this.index.add(indexedDoc(doc))
        return undefined
      case 'query': {
        const terms = queryTerms(request.parsed, this.index)
        const accept: (doc: DocInfo) => boolean = acceptedBy(request.filter)
        return { terms, ...this.index.rank(terms, accept, request.limit) }
      }
      case 'serialize':
        return this.index.serialize(noPause)
      case 'cache-bytes': {
        const pause = this.pauses()
        const { signatures: columns } = request
        const sources = splitColumn(columns.sources, columns.count, 'sources')
        const values = splitColumn(columns.signatures, columns.count, 'signatures')
        const signatures = new Map(sources.map((source, i) => [source, values[i] ?? '']))
        const bytes = await cacheBytes(await this.index.serialize(pause), signatures, pause, new Date(request.now))
        if (!request.sealing) return bytes
        await pause()
        return sealFile(usableKey(request.sealing), bytes, request.sealing.boundTo)
      }
      case 'load-cache': {
        let plain = request.bytes
        if (request.sealing) {
          try {
            plain = openFile(usableKey(request.sealing), request.bytes, request.sealing.boundTo)
          } catch (error) {
            return { kind: 'corrupt', reason: (error as Error).message }
          }
        }
        const cached = await parseCache(utf8.decode(plain), noPause)
        if (cached.kind !== 'loaded') return { kind: cached.kind === 'missing' ? 'corrupt' : cached.kind, reason: cached.reason }
        this.index = cached.index
        return { kind: 'loaded', signatures: signatureColumns(cached.signatures) }
      }
    }
  }
}

/** A shared key reads as zeroes once the vault is locked (VaultKey.lock): nothing is sealed or opened with that. */
function usableKey(sealing: Sealing): Uint8Array {
  if (sealing.key.every((byte) => byte === 0)) throw new Error('the vault was locked')
  return sealing.key
}

export function signatureColumns(signatures: ReadonlyMap<string, string>): SignatureColumns {
  return { count: signatures.size, sources: joinColumn([...signatures.keys()]), signatures: joinColumn([...signatures.values()]) }
}
