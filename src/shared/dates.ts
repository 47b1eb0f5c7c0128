/**
 * Dates and times as people read them, in one style for the whole app, the
 * CLI and the files Rapport writes: a day is "12 Nov" ("Tue 25 Nov" with its
 * weekday), with the year only when it is not this one; a time is "14:05" or
 * "2:05 pm", as the 12/24-hour setting says; a moment gone is "20 minutes ago".
 * Everything goes through `Intl` in the chosen locale, so a German reader gets
 * "12. Nov." from the same calls.
 *
 * Calendar days (`2026-11-12`) are already counted in the user's zone by the
 * core; they are formatted as UTC dates here, never through the computer's
 * zone, so a day cannot slip across midnight. Nothing here reads the clock:
 * "today" and "now" are passed in.
 */
import type { Due } from './contract/relationship'
import { count } from './words'

export interface DateStyle {
  /** A BCP 47 language tag ("en-GB", "de"); decides the order and the names of months and weekdays. */
  readonly locale: string
  /** `true` for "2:05 pm", `false` for "14:05", `undefined` for the locale's own habit. */
  readonly hour12: boolean | undefined
  /** The zone moments are shown in (the user's setting); the computer's when not given. */
  readonly timeZone?: string
}

/**
 * What the core and the CLI write, and what the app shows until the user's
 * settings are read: day before month, 24-hour clock.
 */
export const DEFAULT_DATE_STYLE: DateStyle = { locale: 'en-GB', hour12: false }

let current: DateStyle = DEFAULT_DATE_STYLE

/** The style the user's settings ask for; `computerLocale` where they choose no language. */
export function dateStyleOf(settings: { locale: string | null; clock: '12-hour' | '24-hour' | null; timeZone: string }, computerLocale: string): DateStyle {
  return {
    locale: supportedLocale(settings.locale ?? computerLocale),
    hour12: settings.clock ? settings.clock === '12-hour' : undefined,
    timeZone: settings.timeZone
  }
}

/** Sets the style every later call uses by default (the renderer does this from the settings). */
export function setDateStyle(style: DateStyle): void {
  current = { locale: supportedLocale(style.locale), hour12: style.hour12, ...(style.timeZone ? { timeZone: style.timeZone } : {}) }
}

export const dateStyle = (): DateStyle => current

/** The locale itself when `Intl` knows it, else the default one, so a hand-edited setting cannot break every date. */
export function supportedLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : DEFAULT_DATE_STYLE.locale
  } catch {
    return DEFAULT_DATE_STYLE.locale
  }
}

// Formatters are costly to build and dates are formatted by the thousand (the timeline, search results).
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(style: DateStyle, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${style.locale}|${String(style.hour12)}|${style.timeZone ?? ''}|${JSON.stringify(options)}`
  let format = formatters.get(key)
  if (!format) {
    const zone = style.timeZone ? { timeZone: style.timeZone } : {}
    format = new Intl.DateTimeFormat(style.locale, { ...zone, ...options, ...(options.hour ? clockOptions(style) : {}) })
    formatters.set(key, format)
  }
  return format
}

/** A 24-hour clock always has two digits for the hour ("09:05", as people write it); a 12-hour one does not ("9:05 pm"). */
function clockOptions(style: DateStyle): Intl.DateTimeFormatOptions {
  const hour12 = style.hour12 ?? new Intl.DateTimeFormat(style.locale, { hour: 'numeric' }).resolvedOptions().hour12 === true
  return { hour12, hour: hour12 ? 'numeric' : '2-digit' }
}

const yearOf = (day: string): number => Number(day.slice(0, 4))

/** A calendar day (or the day part of a timestamp) as a UTC date; null when it is not one. */
function utcDate(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day)
  if (!match) return null
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return Number.isNaN(date.getTime()) ? null : date
}

/** `12 Nov`, or `12 Nov 2025` when it is not in the year of `today` (or `year` asks for it). */
export function shortDay(day: string, today: string, options: { year?: boolean } = {}, style = current): string {
  const date = utcDate(day)
  if (!date) return day
  const withYear = options.year === true || yearOf(day) !== yearOf(today)
  return formatter(style, { timeZone: 'UTC', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(date)
}

/** `Tue 25 Nov`, with the year as `shortDay` gives it: a day read at a glance. */
export function weekdayDay(day: string, today: string, options: { year?: boolean } = {}, style = current): string {
  const date = utcDate(day)
  if (!date) return day
  const withYear = options.year === true || yearOf(day) !== yearOf(today)
  return formatter(style, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(date)
}

/** `November 2026` (`Nov 2026` when `short`): a heading over a month of the timeline. */
export function monthYear(day: string, options: { short?: boolean } = {}, style = current): string {
  const date = utcDate(`${day.slice(0, 7)}-01`)
  return date ? formatter(style, { timeZone: 'UTC', month: options.short ? 'short' : 'long', year: 'numeric' }).format(date) : day
}

/** The calendar day (`2026-11-12`) a moment falls on in the style's zone; a plain day is its own. */
export function calendarDayOf(moment: string | number, style = current): string {
  if (typeof moment === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(moment)) return moment
  const date = new Date(moment)
  if (Number.isNaN(date.getTime())) return String(moment)
  const parts = formatter(
    { locale: 'en-CA', hour12: false, ...(style.timeZone ? { timeZone: style.timeZone } : {}) },
    { year: 'numeric', month: '2-digit', day: '2-digit' }
  ).formatToParts(date)
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** A day or a moment as `shortDay` says it, seen from `now` (the clock's time): `12 Nov`, `12 Nov 2025`. */
export function shortDate(dayOrMoment: string, now: number, style = current): string {
  return shortDay(calendarDayOf(dayOrMoment, style), calendarDayOf(now, style), {}, style)
}

/** `Nov`: a month on a chart's axis. */
export function monthName(day: string, style = current): string {
  const date = utcDate(`${day.slice(0, 7)}-01`)
  return date ? formatter(style, { timeZone: 'UTC', month: 'short' }).format(date) : day
}

/** `Tuesday 25 November`: today's heading. */
export function longDay(day: string, style = current): string {
  const date = utcDate(day)
  return date ? formatter(style, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(date) : day
}

/** A moment (an ISO timestamp) as its day, `6 Dec 2026`, in the style's zone; empty when it cannot be read. */
export function dayOfMoment(iso: string, style = current): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return formatter(style, { day: 'numeric', month: 'short', year: 'numeric' }).format(date)
}

/** A moment's time of day, `23:36` or `11:36 pm` as the style says. */
export function timeOfDay(iso: string, style = current): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return formatter(style, { hour: 'numeric', minute: '2-digit' }).format(date)
}

/** `6 Dec 2026, 23:36`: the full date and time, beside a relative time or in a title. */
export function dayAndTime(iso: string, style = current): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return formatter(style, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(date)
}

const RELATIVE_UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60]
]

/**
 * How long ago a moment was, from `now` (the app's clock): "just now" under a
 * minute, then "20 minutes ago", "3 hours ago", "yesterday"… Each unit is
 * counted down, never rounded up: 59 minutes is "59 minutes ago", not "1 hour ago".
 * A moment a little ahead (another device's clock) reads as "just now".
 */
export function relativeTime(iso: string, now: number, style = current): string {
  const then = new Date(iso).getTime()
  if (Number.isNaN(then)) return ''
  const seconds = Math.max(0, Math.floor((now - then) / 1000))
  const format = new Intl.RelativeTimeFormat(style.locale, { numeric: 'auto' })
  for (const [unit, size] of RELATIVE_UNITS) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit)
  }
  return 'just now'
}

/** `today`, `tomorrow`, `in 3 days`, `yesterday`, `3 days ago`, for a number of calendar days from today. */
export function relativeDays(days: number): string {
  if (days === 0) return 'today'
  if (days === 1) return 'tomorrow'
  if (days === -1) return 'yesterday'
  return days > 0 ? `in ${count(days, 'day')}` : `${count(-days, 'day')} ago`
}

/** The day `days` calendar days before `day`. */
const daysBefore = (day: string, days: number): string => {
  const date = utcDate(day)
  return date ? new Date(date.getTime() - days * 86_400_000).toISOString().slice(0, 10) : day
}

/** "Overdue since Tue 18 Nov", "Due today", "Due tomorrow", "Due Tue 25 Nov": words, so colour is never the only signal. */
export function dueWords(due: Due, style = current): string {
  const today = daysBefore(due.day, due.days)
  if (due.state === 'overdue') return `Overdue since ${due.days === 0 ? 'earlier today' : weekdayDay(due.day, today, {}, style)}`
  if (due.days === 0) return 'Due today'
  if (due.days === 1) return 'Due tomorrow'
  return `Due ${weekdayDay(due.day, today, {}, style)}`
}

/** `due today`, `due 14 Nov (tomorrow)`, `was due 12 Nov (3 days ago)`: the same, inside a sentence. */
export function duePhrase(due: Due, today: string, style = current): string {
  if (due.days === 0) return due.state === 'overdue' ? 'was due earlier today' : 'due today'
  const when = `${shortDay(due.day, today, {}, style)} (${relativeDays(due.days)})`
  return due.state === 'overdue' ? `was due ${when}` : `due ${when}`
}
