import fuzzysort from 'fuzzysort'
import type { MentionCandidate } from '@shared/contract/people'

export const MENTION_LIMIT = 8

/**
 * The people and clients to offer for what was typed after `@`: fuzzy, so
 * `pri` and `prm` both find Priya Raman; a person's client and role count
 * too (`@north` offers Northwind and its people). With nothing typed yet,
 * people come first, in the order of the list.
 */
export function rankCandidates(query: string, candidates: readonly MentionCandidate[]): MentionCandidate[] {
  const q = query.trim()
  if (!q) return [...candidates].sort((a, b) => Number(a.kind === 'client') - Number(b.kind === 'client')).slice(0, MENTION_LIMIT)
  return fuzzysort
    .go(q, candidates, {
      keys: ['name', 'clientName', 'role'],
      limit: MENTION_LIMIT,
      threshold: 0.2,
      scoreFn: (r) => Math.max(r[0]?.score ?? 0, (r[1]?.score ?? 0) * 0.7, (r[2]?.score ?? 0) * 0.6)
    })
    .map((hit) => hit.obj)
}
