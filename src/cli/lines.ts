/** One-line descriptions the recording verbs print: ISO days (they sort and grep), with a relative phrase for people. */
import { instantOf, isPlainDay, wallClock } from '../core/relationship/calendar'
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

/** A stored moment as the user's clock shows it: `2026-11-23 10:00`; a plain day stays `2026-11-23`. */
export function onUsersClock(at: string, timeZone: string): string {
  const instant = isPlainDay(at) ? null : instantOf(at, timeZone)
  if (instant === null) return at.slice(0, 10)
  const clock = wallClock(instant, timeZone)
  return `${clock.day} ${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`
}
