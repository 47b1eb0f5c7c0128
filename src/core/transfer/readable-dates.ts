import { dayOf, instantOf, isPlainDay, wallClock } from '../relationship/calendar'
import { longDate } from '../templates/dates'

/**
 * Dates in exported Markdown, for people: the same words on every machine,
 * in the user's time zone (the one the app judges "today" by).
 */

/** `Sunday 22 November 2026`; the text itself when it is not a date. */
export function readableDay(iso: string, timeZone: string): string {
  const day = dayOf(iso, timeZone)
  return day ? longDate(day) : iso
}

/** `22 November 2026`: for tables, where the weekday is noise. */
export function shortReadableDay(iso: string, timeZone: string): string {
  const day = dayOf(iso, timeZone)
  return day ? longDate(day).replace(/^\S+ /, '') : iso
}

/** `Sunday 22 November 2026 at 10:30`, or only the day for a date with no time. */
export function readableMoment(iso: string, timeZone: string): string {
  const instant = instantOf(iso, timeZone)
  if (instant === null) return iso
  if (isPlainDay(iso)) return readableDay(iso, timeZone)
  const clock = wallClock(instant, timeZone)
  return `${longDate(clock.day)} at ${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`
}
