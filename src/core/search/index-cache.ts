/**
 * The index kept between runs in `.rapport/cache/search-index.json`, so a
 * vault opens with search ready instead of reading every entry again.
 *
 *   {
 *     "format": 2,                       this file's layout and the tokenizer/weights it was built with
 *     "library": "minisearch@7.2.0",     the search library that was used
 *     "written": "2026-11-22T10:30:00.000Z",
 *     "sources": {                       what was indexed, a line per source:
 *       "count": 10500,
 *       "keys": "entry:e_…\nclient:c_…",
 *       "signatures": "<entry's file version> <client name>\n<hash of the client's client.json>"
 *                                    (an entry that mentions people: "<version>+<JSON of its client's name and [id, name] of each>")
 *     },
 *     "index": { "terms", "postings", "starts", "docs": { "count", "kinds", "ids", … } }   see SerializedIndex
 *   }
 *
 * `sources` is the signature of what was indexed. A cache of another format
 * or library is stale, one that does not parse or hold together is corrupt;
 * either way it is rebuilt. It is only ever a cache: the files stay the truth.
 */
import { join } from 'node:path'
import { mkdir, readSealedFile, sealingOf } from '../fs/vault-files'
import type { Sealing } from '../fs/vault-files'
import { writeFileAtomic } from '../fs/atomic-write'
import { layout } from '../fs/layout'
import type { SerializedIndex } from './inverted-index'
import { joinColumn, splitColumn } from './columns'
import { InvertedIndex } from './inverted-index'
import { parseByLines, stringifyByLines } from './json-by-lines'

/**
 * Raise whenever what is indexed, or how (words, weights, documents), changes: older caches are then rebuilt.
 * 2: entries hold the current names of those they mention (a `mentions` field), and their signatures those names.
 */
export const INDEX_FORMAT = 2
/** The search library and version the index is built with (a test keeps it equal to the installed one). */
export const SEARCH_LIBRARY = 'minisearch@7.2.0'

export const cacheFile = (root: string): string => join(root, layout.appDir, 'cache', 'search-index.json')

type CacheFile = {
  format: number
  library: string
  written: string
  sources: { count: number; keys: string; signatures: string }
  index: SerializedIndex
}

export type CacheRead = { kind: 'loaded'; index: InvertedIndex; signatures: Map<string, string> } | { kind: 'missing' | 'stale' | 'corrupt'; reason: string }

/**
 * The cache file's bytes as on disk, with how they are sealed in an encrypted vault (they are opened on the index's
 * thread: index-host.ts); null when there is none (or it cannot be read: it is only a cache).
 */
export async function readCacheBytes(root: string): Promise<{ bytes: Buffer; sealing: Sealing | null } | null> {
  try {
    return await readSealedFile(cacheFile(root))
  } catch {
    return null
  }
}

/** How the cache's bytes must be sealed to be written (null in a plain vault). */
export const cacheSealing = (root: string): Sealing | null => sealingOf(cacheFile(root))

/** Checks a cache's text and puts its index together (on the index's own thread: see index-thread.ts). */
export async function parseCache(text: string, pause: () => Promise<void>): Promise<CacheRead> {
  let data: Partial<CacheFile>
  try {
    data = (await parseByLines(text, pause)) as Partial<CacheFile>
  } catch {
    return { kind: 'corrupt', reason: 'the cache is not valid JSON' }
  }
  if (typeof data !== 'object' || data === null) return { kind: 'corrupt', reason: 'the cache is not an object' }
  if (data.format !== INDEX_FORMAT || data.library !== SEARCH_LIBRARY) {
    return { kind: 'stale', reason: `the cache was built as format ${String(data.format)} with ${String(data.library)}` }
  }
  const sources = data.sources
  const serialized = data.index
  if (!isSources(sources) || !isSerializedIndex(serialized)) return { kind: 'corrupt', reason: 'the cache is missing parts' }
  let index: InvertedIndex
  const signatures = new Map<string, string>()
  try {
    const keys = splitColumn(sources.keys, sources.count, 'source')
    const values = splitColumn(sources.signatures, sources.count, 'signature')
    keys.forEach((key, i) => signatures.set(key, values[i] ?? ''))
    await pause()
    index = await InvertedIndex.load(serialized, pause)
  } catch (error) {
    return { kind: 'corrupt', reason: (error as Error).message }
  }
  for (const source of index.sources()) {
    if (!signatures.has(source)) return { kind: 'corrupt', reason: `documents of ${source} have no signature` }
  }
  return { kind: 'loaded', index, signatures }
}

/**
 * Writes the cache's bytes (see `cacheBytes`; in an encrypted vault sealed already, with `cacheSealing`) atomically.
 * Returns false, writing nothing, when the vault folder itself is gone.
 */
export async function writeCache(root: string, bytes: Uint8Array, sealed: boolean): Promise<boolean> {
  // Folders are made one by one, never the vault's own: a vault removed meanwhile is not brought back as an empty `.rapport`.
  for (const folder of [join(root, layout.appDir), join(root, layout.appDir, 'cache')]) {
    try {
      await mkdir(folder)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return false
      if (code !== 'EEXIST') throw error
    }
  }
  await writeFileAtomic(cacheFile(root), bytes, { sealedElsewhere: sealed })
  return true
}

/** The cache file's bytes for an index and the signatures of what it holds (made on the index's thread). */
export async function cacheBytes(index: SerializedIndex, signatures: ReadonlyMap<string, string>, pause: () => Promise<void>, now: Date): Promise<Buffer> {
  const sources = { count: signatures.size, keys: joinColumn([...signatures.keys()]), signatures: joinColumn([...signatures.values()]) }
  const file: CacheFile = { format: INDEX_FORMAT, library: SEARCH_LIBRARY, written: now.toISOString(), sources, index }
  return stringifyByLines(file, pause)
}

const strings = (object: unknown, keys: string[]): boolean =>
  typeof object === 'object' && object !== null && keys.every((key) => typeof (object as Record<string, unknown>)[key] === 'string')

function isSources(value: unknown): value is CacheFile['sources'] {
  return strings(value, ['keys', 'signatures']) && typeof (value as { count?: unknown }).count === 'number'
}

function isSerializedIndex(value: unknown): value is SerializedIndex {
  if (!strings(value, ['terms', 'postings', 'starts'])) return false
  const docs = (value as { docs?: unknown }).docs
  return (
    strings(docs, ['kinds', 'ids', 'sources', 'clients', 'dates', 'templates', 'tags', 'lengths']) && typeof (docs as { count?: unknown }).count === 'number'
  )
}
