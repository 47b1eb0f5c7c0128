import { z } from 'zod'
import { stages } from '../domain'
import { id, returns } from './define'

/**
 * Search (issue #9): entries, client profiles, commitments and interactions,
 * with prefix and typo-tolerant matching, ranked, each result with a snippet
 * and where to open it. The index is built in the background when a vault
 * opens; until it is complete, answers come from what is indexed so far and
 * say how far indexing has got.
 */

export const searchKinds = ['entry', 'client', 'commitment', 'interaction'] as const
export type SearchKind = (typeof searchKinds)[number]

/** `[start, end)`: character offsets of a match in the string it belongs to. Plain offsets, never markup: the renderer marks them. */
export type HighlightRange = [start: number, end: number]

/** Where a result opens: an entry at its match (`offset` in the entry's Markdown body), or a client's profile, commitment or interaction. */
export type SearchTarget =
  | { kind: 'entry'; entryId: string; offset: number }
  | { kind: 'client'; clientId: string }
  | { kind: 'commitment'; clientId: string; commitmentId: string }
  | { kind: 'interaction'; clientId: string; interactionId: string }

export interface SearchResult {
  kind: SearchKind
  open: SearchTarget
  /** The entry's title, the client's name, what was promised, or the interaction in a few words. */
  title: string
  titleHighlights: HighlightRange[]
  /** Plain text around the best match (about 160 characters; `…` where it is cut). */
  snippet: string
  highlights: HighlightRange[]
  clientId: string | null
  clientName?: string
  /** When the item is from, ISO 8601: an entry's creation, an interaction's date, when a commitment was made. */
  date?: string
  score: number
}

/** How far the index has got: `indexing` while a vault is first read (or much of it changed), with counts of documents' sources. */
export interface SearchProgress {
  state: 'ready' | 'indexing'
  done: number
  total: number
}

export interface SearchAnswer {
  results: SearchResult[]
  /** How many items match in all (results holds at most `limit`); with a quoted phrase, how many were found to hold it (checking stops at `limit`). */
  total: number
  tookMs: number
  /** Present while indexing: the answer covers only what is indexed so far. */
  indexing?: SearchProgress
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date must look like 2026-11-30.')

export const searchFiltersSchema = z.object({
  clientId: id.optional(),
  /** Entries started from this template. */
  template: id.optional(),
  /** Entries and clients with this tag (case is ignored). */
  tag: z.string().trim().min(1).max(100).optional(),
  /** Created (entries, clients, commitments) or happened (interactions) on or after this day… */
  from: isoDay.optional(),
  /** …and on or before this one. */
  to: isoDay.optional(),
  /** Items of clients currently at this stage. */
  stage: z.enum(stages).optional(),
  kinds: z.array(z.enum(searchKinds)).min(1).max(searchKinds.length).optional()
})
export type SearchFilters = z.infer<typeof searchFiltersSchema>

export const searchContract = {
  /**
   * Words match by prefix and with typos (more allowed in longer words);
   * every word must match when some item matches them all; "a quoted phrase"
   * must appear as written.
   */
  'search:query': {
    input: z.object({
      query: z.string().max(1000, 'A search can be at most 1,000 characters.'),
      filters: searchFiltersSchema.optional(),
      limit: z.number().int().min(1).max(200).optional()
    }),
    output: returns<SearchAnswer>()
  },
  'search:status': { input: z.void(), output: returns<SearchProgress>() }
} as const
