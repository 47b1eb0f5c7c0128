/**
 * Days and times in a named time zone, without the process's own zone.
 *
 * Every rule about "today", "overdue" or "09:00" is asked in the user's
 * zone (or a client's), passed in explicitly, so the answers are the same on
 * a laptop in London, a CI runner in UTC and a test that pretends to be in
 * New York. Calendar arithmetic is done on plain days (`YYYY-MM-DD`) with
 * UTC maths, which has no DST: adding one day is always one calendar day.
 */

/** A day on the calendar, `YYYY-MM-DD`, with no time and no zone. */
export type CalendarDay = string

/** Rolling "this week": today and the six days after it. No locale's week start is assumed. */
export const WEEK_DAYS = 7

const DAY_MS = 86_400_000

/** `2026-11-22`, `2026-11-22T10:30`, `2026-11-22 10:30:00.5Z`, `2026-11-22T10:30+01:00`, `…+0100`. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/

/**
 * A client list asks the same questions thousands of times (the same "now",
 * the same dates), and `Intl`'s `formatToParts` costs tens of microseconds:
 * the pure answers below are remembered, up to this many per cache, which is
 * simply emptied when full.
 */
const CACHE_SIZE = 10_000

/**
 * Remembers a pure answer per zone and text. A date's day or moment in a
 * zone never changes while the app runs, and lists ask for the same ones
 * over and over. Bounded; a full cache is simply emptied.
 */
function remembered<T>(compute: (text: string, timeZone: string) => T): (text: string, timeZone: string) => T {
  const byZone = new Map<string, Map<string, T>>()
  return (text, timeZone) => {
    let cache = byZone.get(timeZone)
    if (!cache) byZone.set(timeZone, (cache = new Map()))
    if (cache.has(text)) return cache.get(text) as T
    const value = compute(text, timeZone)
    if (cache.size >= CACHE_SIZE) cache.clear()
    cache.set(text, value)
    return value
  }
}

/** The zone this computer is set to, for when the user has not chosen one. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Formatters are costly to build and the lists ask thousands of times; one per zone is kept. */
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short'
    })
    formatters.set(timeZone, format)
  }
  return format
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone.trim()) return false
  try {
    wallClockFormat(timeZone)
    return true
  } catch {
    return false
  }
}

export interface WallClock {
  readonly day: CalendarDay
  readonly hour: number
  readonly minute: number
  readonly second: number
  /** `Mon` … `Sun`. */
  readonly weekday: string
}

/** Wall clocks already read, by zone and instant: a list asks for the same few moments (now, the starts of the same days) again and again. */
const wallClocks = new Map<string, Map<number, WallClock>>()

/** What a clock on the wall in `timeZone` shows at `instant`. Throws RangeError for an unknown zone. */
export function wallClock(instant: Date | number, timeZone: string): WallClock {
  const ms = typeof instant === 'number' ? instant : instant.getTime()
  let cache = wallClocks.get(timeZone)
  if (!cache) wallClocks.set(timeZone, (cache = new Map()))
  const known = cache.get(ms)
  if (known) return known
  const parts: Record<string, string> = {}
  for (const part of wallClockFormat(timeZone).formatToParts(ms)) parts[part.type] = part.value
  const clock: WallClock = {
    day: `${(parts.year ?? '').padStart(4, '0')}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: parts.weekday ?? ''
  }
  if (cache.size >= CACHE_SIZE) cache.clear()
  cache.set(ms, clock)
  return clock
}

/** The calendar day it is at `instant` in `timeZone`. */
export const localDay = (instant: Date | number, timeZone: string): CalendarDay => wallClock(instant, timeZone).day

/** Minutes `timeZone` is ahead of UTC at `instant` (negative west of Greenwich). */
export function offsetMinutes(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime()
  const wall = wallClock(ms, timeZone)
  const [y, m, d] = splitDay(wall.day)
  const asUtc = Date.UTC(y, m - 1, d, wall.hour, wall.minute, wall.second)
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000)
}

interface IsoParts {
  readonly y: number
  readonly m: number
  readonly d: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly ms: number
  readonly hasTime: boolean
  /** Minutes ahead of UTC when the text names its offset (`Z`, `+01:00`); null for a date or a floating local time. */
  readonly offset: number | null
}

/** An ISO date's parts, or null when it is not a real date; remembered by text (the zone plays no part). */
const parseIso = (text: string): IsoParts | null => parsedIso(text, '')
const parsedIso = remembered((text: string): IsoParts | null => {
  const match = ISO.exec(text.trim())
  if (!match) return null
  const [, ys, ms, ds, hs, mins, ss, frac, zone] = match
  const y = Number(ys)
  const m = Number(ms)
  const d = Number(ds)
  if (!isRealDay(y, m, d)) return null
  const hour = Number(hs ?? 0)
  const minute = Number(mins ?? 0)
  const second = Number(ss ?? 0)
  if (hour > 23 || minute > 59 || second > 59) return null
  let offset: number | null = null
  if (zone === 'Z') offset = 0
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    const oh = Number(digits.slice(0, 2))
    const om = Number(digits.slice(2))
    if (oh > 23 || om > 59) return null
    offset = sign * (oh * 60 + om)
  }
  return { y, m, d, hour, minute, second, ms: Number(`0.${frac ?? '0'}`) * 1000, hasTime: hs !== undefined, offset }
})

/** True when the text is a plain day, with no time: such a date means the whole of that day, wherever the user is. */
export const isPlainDay = (text: string): boolean => parseIso(text)?.hasTime === false

/**
 * The calendar day an ISO date falls on for someone in `timeZone`.
 * A plain day is that day; a time without an offset is a local time there
 * already; a time with an offset is converted. Null for text that is not a real date.
 */
export const dayOf = remembered((text: string, timeZone: string): CalendarDay | null => {
  const parts = parseIso(text)
  if (!parts) return null
  if (parts.offset === null) return formatDay(parts.y, parts.m, parts.d)
  return localDay(instantFromParts(parts, timeZone), timeZone)
})

/**
 * The moment an ISO date names, in epoch milliseconds, for ordering events.
 * A plain day is its first moment (midnight where the user is); a floating
 * time is read as the user's wall clock. Null for text that is not a real date.
 */
export const instantOf = remembered((text: string, timeZone: string): number | null => {
  const parts = parseIso(text)
  return parts ? instantFromParts(parts, timeZone) : null
})

function instantFromParts(p: IsoParts, timeZone: string): number {
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.hour, p.minute, p.second, p.ms)
  if (p.offset !== null) return asUtc - p.offset * 60_000
  return zonedToInstant(asUtc, timeZone)
}

/**
 * The instant at which a wall clock in `timeZone` shows the time `wallAsUtc`
 * (that wall time written as if it were UTC). The offset is looked up twice
 * because the first guess can land on the other side of a DST change.
 */
function zonedToInstant(wallAsUtc: number, timeZone: string): number {
  const first = offsetMinutes(wallAsUtc, timeZone)
  const guess = wallAsUtc - first * 60_000
  const second = offsetMinutes(guess, timeZone)
  return second === first ? guess : wallAsUtc - second * 60_000
}

export function isRealDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false
  return d <= daysInMonth(y, m)
}

export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate()

export const formatDay = (y: number, m: number, d: number): CalendarDay =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

/** `[year, month, day]` of a calendar day (month 1–12). */
export function splitDay(day: CalendarDay): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))]
}

const dayNumber = (day: CalendarDay): number => {
  const [y, m, d] = splitDay(day)
  return Date.UTC(y, m - 1, d) / DAY_MS
}

/** The day `n` calendar days after `day` (before it when negative). */
export function addDays(day: CalendarDay, n: number): CalendarDay {
  const date = new Date((dayNumber(day) + n) * DAY_MS)
  return formatDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
}

/** Whole calendar days from `from` to `to`: 1 from today to tomorrow, -1 to yesterday. */
export const daysBetween = (from: CalendarDay, to: CalendarDay): number => dayNumber(to) - dayNumber(from)

/** `12 Oct`, or `12 Oct 2025` when it is not in the year of `today`; from the one dates module. */
export { shortDay } from '../../shared/dates'
