/**
 * The index kept between runs in `.rapport/cache/search-index.json`, so a
 * vault opens with search ready instead of reading every entry again.
 *
 *   {
 *     "format": 1,                       this file's layout and the tokenizer/weights it was built with
 *     "library": "minisearch@7.2.0",     the search library that was used
 *     "written": "2026-11-22T10:30:00.000Z",
 *     "sources": { "entry:e_…": "<file version> <client name>", "client:c_…": "<hash of client.json>" },
 *     "index": { "terms", "postings", "starts", "docs" }   see SerializedIndex
 *   }
 *
 * `sources` is the signature of what was indexed. A cache of another format
 * or library is stale, one that does not parse or hold together is corrupt;
 * either way it is rebuilt. It is only ever a cache: the files stay the truth.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../fs/atomic-write'
import { layout } from '../vault/layout'
import type { SerializedIndex } from './inverted-index'
import { InvertedIndex } from './inverted-index'

/** Raise whenever what is indexed, or how (words, weights, documents), changes: older caches are then rebuilt. */
export const INDEX_FORMAT = 1
/** The search library and version the index is built with (a test keeps it equal to the installed one). */
export const SEARCH_LIBRARY = 'minisearch@7.2.0'

export const cacheFile = (root: string): string => join(root, layout.appDir, 'cache', 'search-index.json')

interface CacheFile {
  format: number
  library: string
  written: string
  sources: Record<string, string>
  index: SerializedIndex
}

export type CacheRead =
  | { kind: 'loaded'; index: InvertedIndex; signatures: Map<string, string> }
  | { kind: 'missing' | 'stale' | 'corrupt'; reason: string }

export async function readCache(root: string): Promise<CacheRead> {
  let text: string
  try {
    text = await readFile(cacheFile(root), 'utf8')
  } catch {
    return { kind: 'missing', reason: 'there is no cache yet' }
  }
  let data: Partial<CacheFile>
  try {
    data = JSON.parse(text) as Partial<CacheFile>
  } catch {
    return { kind: 'corrupt', reason: 'the cache is not valid JSON' }
  }
  if (typeof data !== 'object' || data === null) return { kind: 'corrupt', reason: 'the cache is not an object' }
  if (data.format !== INDEX_FORMAT || data.library !== SEARCH_LIBRARY) {
    return { kind: 'stale', reason: `the cache was built as format ${String(data.format)} with ${String(data.library)}` }
  }
  const sources = data.sources
  const serialized = data.index
  if (typeof sources !== 'object' || sources === null || !isSerializedIndex(serialized)) return { kind: 'corrupt', reason: 'the cache is missing parts' }
  const signatures = new Map<string, string>()
  for (const [source, signature] of Object.entries(sources)) {
    if (typeof signature !== 'string') return { kind: 'corrupt', reason: `the signature of ${source} is not text` }
    signatures.set(source, signature)
  }
  let index: InvertedIndex
  try {
    index = InvertedIndex.fromJSON(serialized)
  } catch (error) {
    return { kind: 'corrupt', reason: (error as Error).message }
  }
  for (const source of index.sources()) {
    if (!signatures.has(source)) return { kind: 'corrupt', reason: `documents of ${source} have no signature` }
  }
  return { kind: 'loaded', index, signatures }
}

/** Writes the cache atomically. Returns false, writing nothing, when the vault folder itself is gone. */
export async function writeCache(root: string, index: SerializedIndex, signatures: ReadonlyMap<string, string>, now = new Date()): Promise<boolean> {
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
  const file: CacheFile = { format: INDEX_FORMAT, library: SEARCH_LIBRARY, written: now.toISOString(), sources: Object.fromEntries(signatures), index }
  await writeFileAtomic(cacheFile(root), JSON.stringify(file))
  return true
}

function isSerializedIndex(value: unknown): value is SerializedIndex {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.terms === 'string' && typeof v.postings === 'string' && typeof v.starts === 'string' && Array.isArray(v.docs) && v.docs.every(Array.isArray)
}
