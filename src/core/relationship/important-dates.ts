import type { UpcomingDate } from '../../shared/contract/relationship'
import type { CalendarDay } from './calendar'
import { addDays, dayOf, daysBetween, daysInMonth, formatDay, splitDay } from './calendar'

export const DEFAULT_REMIND_DAYS_BEFORE = 3

/**
 * The year a date without one is stored with. It is the year Apple Contacts
 * writes for a birthday without a year (`BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-14`),
 * so it survives every round trip through vCard 3.0; vCard 4.0 writes `--0314`.
 */
export const NO_YEAR = 1604

/** Whether a stored date (`YYYY-MM-DD…`) is one whose year is not known. */
export const hasNoYear = (date: string): boolean => date.startsWith(`${NO_YEAR}-`)

/** A `person.dates` item as it may be found in client.json. */
export interface StoredDate {
  label: string
  date: string
  repeats?: unknown
}

/** The day `month/day` falls on in `year`: Feb 29 is kept on Feb 28 when the year has none. */
function inYear(year: number, month: number, day: number): CalendarDay {
  return formatDay(year, month, Math.min(day, daysInMonth(year, month)))
}

/**
 * The next time an important date falls, today included. A yearly date
 * recurs on its month and day, but never before the stored date itself (a
 * date set in the future starts there); a one-off date is only itself.
 * Null once a one-off date has passed, or when the text is not a date.
 */
export function nextOccurrence(date: string, repeats: 'yearly' | 'once', today: CalendarDay): CalendarDay | null {
  // Dates of a person are days: a timestamp here means its day as written.
  const day = dayOf(date.slice(0, 10), 'UTC')
  if (day === null) return null
  if (day >= today) return day
  if (repeats === 'once') return null
  const [, month, dom] = splitDay(day)
  const year = splitDay(today)[0]
  const thisYear = inYear(year, month, dom)
  return thisYear >= today ? thisYear : inYear(year + 1, month, dom)
}

/**
 * The coming important dates of a person, soonest first, each with the day
 * to start reminding (`remindDaysBefore` days ahead) and whether that has come.
 */
export function upcomingDates(dates: readonly StoredDate[], today: CalendarDay, remindDaysBefore: number): UpcomingDate[] {
  const upcoming: UpcomingDate[] = []
  dates.forEach((item, index) => {
    const repeats = item.repeats === 'once' ? 'once' : 'yearly'
    const next = nextOccurrence(item.date, repeats, today)
    if (next === null) return
    const daysUntil = daysBetween(today, next)
    const remindOn = addDays(next, -remindDaysBefore)
    const result: UpcomingDate = { index, label: item.label, date: item.date, repeats, next, daysUntil, remindOn, reminderDue: daysUntil <= remindDaysBefore }
    const years = splitDay(next)[0] - splitDay(item.date.slice(0, 10))[0]
    // A date kept without its year (an imported birthday: see contacts/dates.ts) has no age to tell.
    if (repeats === 'yearly' && years > 0 && !hasNoYear(item.date)) result.years = years
    upcoming.push(result)
  })
  return upcoming.sort((a, b) => a.daysUntil - b.daysUntil || a.index - b.index)
}
