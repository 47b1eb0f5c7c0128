import type { ExtractProposal } from '@shared/contract/templates'
import { weekdayDay } from '@shared/dates'
import { extractKindWords } from '@shared/words'

/** What each kind of proposal becomes in the client record, in the person's words. */
export const kindLabels = extractKindWords

export const proposalKey = (p: Pick<ExtractProposal, 'kind' | 'text'>) => `${p.kind}\u0000${p.text.trim().toLocaleLowerCase()}`

/**
 * Proposals the person said no to (or left unticked), per entry, for as long
 * as the app runs: an offer they turned down is not made again on every save.
 * Nothing is written for them, so the next session may offer them once more.
 */
const declined = new Map<string, Set<string>>()

export function decline(entryId: string, proposals: readonly ExtractProposal[]): void {
  const keys = declined.get(entryId) ?? new Set<string>()
  for (const p of proposals) keys.add(proposalKey(p))
  declined.set(entryId, keys)
}

export function notDeclined(entryId: string, proposals: readonly ExtractProposal[]): ExtractProposal[] {
  const keys = declined.get(entryId)
  return keys ? proposals.filter((p) => !keys.has(proposalKey(p))) : [...proposals]
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/** "Dana’s" from "Dana Whitfield": the record is spoken of by first name, as a person would. */
export function possessive(name: string): string {
  const first = name.trim().split(/\s+/)[0] ?? name
  return first.endsWith('s') ? `${first}’` : `${first}’s`
}

export function formatDue(iso: string): string {
  return weekdayDay(iso, iso)
}
