/** One-line descriptions the recording verbs print: ISO days (they sort and grep), with a relative phrase for people. */
import { relativeDays } from '../core/relationship/wording'
import type { Commitment, Due } from '../shared/contract/relationship'

/** `due 2026-12-01 (in 3 days)`, `was due 2026-11-28 (3 days ago)`. */
export const dueWords = (due: Due): string => `${due.state === 'overdue' ? 'was due' : 'due'} ${due.day} (${relativeDays(due.days)})`

/** `k_01J…  You: Send the revised scope — due 2026-12-01 (in 3 days)`; a kept or dropped one says so. */
export function commitmentLine(commitment: Commitment, due: Due | null, clientName?: string): string {
  const who = commitment.by === 'me' ? 'You' : 'They'
  const status = commitment.status === 'open' ? '' : ` [${commitment.status}]`
  const when = commitment.status === 'done' || commitment.status === 'dropped' || !due ? '' : ` — ${dueWords(due)}`
  return `${commitment.id}  ${clientName ? `${clientName}: ` : ''}${who} promised “${commitment.what}”${when}${status}`
}
