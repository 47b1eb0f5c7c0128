/** Pure helpers for the hand-drawn reflection charts; kept apart so they can be tested without a DOM. */
import { calendarDayOf, monthName, monthYear, shortDay } from '../../../shared/dates'

/** Maps a value in [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0)
}

/** "Nov" for a month key like 2026-11, with the year when it is January or the first column. */
export function monthLabel(month: string, withYear: boolean): string {
  const [year, m] = month.split('-').map(Number)
  if (!year || !m) return month
  return withYear ? monthYear(month, { short: true }) : monthName(month)
}

export function dayLabel(iso: string): string {
  const day = calendarDayOf(iso)
  return shortDay(day, day)
}

/** The last `count` months of a list (the strip stays readable; older ones are summed into the total). */
export function lastMonths<T>(months: readonly T[], count: number): T[] {
  return months.slice(Math.max(0, months.length - count))
}

/** How strongly to shade a cell: 0 for none, then steps up to 1 for the busiest month. */
export function intensity(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0
  return 0.25 + 0.75 * (count / max)
}

/** The first day of every month after `from` up to `to` (times in ms), labelled "Sep", for the chart's x axis. */
export function monthTicks(from: number, to: number): Array<{ time: number; label: string }> {
  const ticks: Array<{ time: number; label: string }> = []
  if (!Number.isFinite(from) || !Number.isFinite(to)) return ticks
  const start = new Date(from)
  const cursor = new Date(start.getFullYear(), start.getMonth() + 1, 1)
  while (cursor.getTime() <= to && ticks.length < 36) {
    ticks.push({ time: cursor.getTime(), label: monthName(`${cursor.getFullYear()}-${String(cursor.getMonth() + 1).padStart(2, '0')}`) })
    cursor.setMonth(cursor.getMonth() + 1)
  }
  return ticks
}
