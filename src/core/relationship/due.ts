import type { Due, DueState } from '../../shared/contract/relationship'
import { WEEK_DAYS, daysBetween, dayOf, instantOf, isPlainDay, localDay } from './calendar'

/**
 * When something falls due, seen from the user's own calendar.
 *
 * A plain day (`2026-11-25`) is due all of that day wherever the user is:
 * overdue only once their calendar shows the 26th. A timestamp is a deadline
 * at that moment: overdue as soon as it has passed, even on the same day.
 * "This week" is today and the next six days. Null for text that is not a date.
 */
export function dueOf(due: string, now: Date, timeZone: string): Due | null {
  const day = dayOf(due, timeZone)
  if (day === null) return null
  const days = daysBetween(localDay(now, timeZone), day)
  const deadline = isPlainDay(due) ? null : instantOf(due, timeZone)
  const passed = days < 0 || (deadline !== null && deadline <= now.getTime())
  const state: DueState = passed ? 'overdue' : days === 0 ? 'today' : days < WEEK_DAYS ? 'this-week' : 'later'
  return { day, state, days }
}

/** Needs doing now: due today or already late. */
export const needsAttention = (due: Due | null): due is Due => due !== null && (due.state === 'overdue' || due.state === 'today')

/** Overdue first, then the earliest day; for lists where the most pressing item comes first. */
export function byUrgency(a: Due | null, b: Due | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  const late = Number(b.state === 'overdue') - Number(a.state === 'overdue')
  return late || a.days - b.days
}
