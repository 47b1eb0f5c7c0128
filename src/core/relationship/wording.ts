/** Small phrases shared by every line Rapport writes about time, so they read the same everywhere. */
import { relativeDays, shortDay } from '../../shared/dates'
import type { DateStyle } from '../../shared/dates'
import type { CalendarDay } from './calendar'

/** Counting and due dates are worded by the one dates module, for the app and the CLI alike. */
export { duePhrase, relativeDays } from '../../shared/dates'
export { count } from '../../shared/words'

/** `Birthday today`, `Birthday tomorrow (14 Mar)`, `Birthday in 3 days (14 Mar)`. */
export function datePhrase(label: string, next: CalendarDay, daysUntil: number, today: CalendarDay, style?: DateStyle): string {
  const name = label.trim() ? label.trim()[0]?.toUpperCase() + label.trim().slice(1) : 'Important date'
  return daysUntil === 0 ? `${name} today` : `${name} ${relativeDays(daysUntil)} (${shortDay(next, today, {}, style)})`
}
