/** Small phrases shared by every line Rapport writes about time, so they read the same everywhere. */
import type { Due } from '../../shared/contract/relationship'
import type { CalendarDay } from './calendar'
import { shortDay } from './calendar'

/** `1 attempt`, `3 attempts`. */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** `today`, `tomorrow`, `in 3 days`, `yesterday`, `3 days ago`, for a number of calendar days from today. */
export function relativeDays(days: number): string {
  if (days === 0) return 'today'
  if (days === 1) return 'tomorrow'
  if (days === -1) return 'yesterday'
  return days > 0 ? `in ${count(days, 'day')}` : `${count(-days, 'day')} ago`
}

/** `due today`, `due 14 Nov (tomorrow)`, `was due 12 Nov (3 days ago)`. */
export function duePhrase(due: Due, today: CalendarDay): string {
  if (due.days === 0) return due.state === 'overdue' ? 'was due earlier today' : 'due today'
  const when = `${shortDay(due.day, today)} (${relativeDays(due.days)})`
  return due.state === 'overdue' ? `was due ${when}` : `due ${when}`
}

/** `Birthday today`, `Birthday tomorrow (14 Mar)`, `Birthday in 3 days (14 Mar)`. */
export function datePhrase(label: string, next: CalendarDay, daysUntil: number, today: CalendarDay): string {
  const name = label.trim() ? label.trim()[0]?.toUpperCase() + label.trim().slice(1) : 'Important date'
  return daysUntil === 0 ? `${name} today` : `${name} ${relativeDays(daysUntil)} (${shortDay(next, today)})`
}
