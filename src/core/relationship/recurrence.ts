import ICAL from 'ical.js'
import { isPlainDay, instantOf, wallClock } from './calendar'

/**
 * Recurring commitments ("a status note every Thursday"): the rule is an
 * RFC 5545 RRULE kept in the commitment's `repeat`, its first occurrence is
 * the commitment's `due`, and each occurrence dealt with is recorded in
 * `occurrences` (done or skipped). Occurrences are expanded by ical.js's
 * recurrence engine (the one Thunderbird uses), never by date arithmetic here.
 *
 * Occurrences are wall-clock times in the user's zone ("floating" in RFC 5545
 * terms): a promise every Thursday at 09:00 stays at 09:00 across a DST
 * change, and a plain-day promise is simply a day. A due date with an offset
 * (`…Z`) is first read as the user's wall clock.
 */

const FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'])
const PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYYEARDAY', 'BYWEEKNO', 'BYSETPOS', 'WKST'])
/** Enough for a daily promise kept for 27 years; a rule that needs more to reach today is not one a person made. */
const MAX_STEPS = 10_000

export type RuleReading = { ok: true; rule: string; recur: ICAL.Recur } | { ok: false; problem: string }

/**
 * Reads an RRULE (with or without the `RRULE:` prefix). ical.js accepts some
 * text it then misreads (an unknown part, `UNTIL=2026-01-01`), so the parts
 * are checked here first and every problem is said in words.
 */
export function readRule(text: string): RuleReading {
  const known = readings.get(text)
  if (known) return known
  const reading = readRuleOnce(text)
  // Rules repeat across commitments ("FREQ=WEEKLY" a thousand times): each text is read once. Bounded; emptied when full.
  if (readings.size >= 1_000) readings.clear()
  readings.set(text, reading)
  return reading
}

/** Readings by rule text. A reading is never changed after it is made (iterators are built fresh from it). */
const readings = new Map<string, RuleReading>()

function readRuleOnce(text: string): RuleReading {
  const rule = text.trim().replace(/^RRULE:/i, '')
  const bad = (why: string): RuleReading => ({ ok: false, problem: `the repeat rule “${text.slice(0, 80)}” ${why}` })
  if (rule === '') return bad('is empty')
  const parts = new Map<string, string>()
  for (const part of rule.split(';')) {
    const [key = '', value, extra] = part.split('=')
    const name = key.trim().toUpperCase()
    if (value === undefined || extra !== undefined || value.trim() === '') return bad(`has “${part}”, which is not NAME=VALUE`)
    if (!PARTS.has(name)) return bad(`has ${name}, which is not part of an RFC 5545 rule`)
    if (parts.has(name)) return bad(`says ${name} twice`)
    parts.set(name, value.trim().toUpperCase())
  }
  const freq = parts.get('FREQ')
  if (freq === undefined) return bad('has no FREQ (DAILY, WEEKLY, MONTHLY or YEARLY)')
  if (!FREQUENCIES.has(freq)) return bad(`repeats ${freq}; a promise repeats DAILY, WEEKLY, MONTHLY or YEARLY`)
  const until = parts.get('UNTIL')
  if (until !== undefined && !/^\d{8}(T\d{6}Z?)?$/.test(until)) return bad('has an UNTIL that is not written 20261231 or 20261231T170000Z')
  if (parts.has('COUNT') && parts.has('UNTIL')) return bad('has both COUNT and UNTIL; RFC 5545 allows one')
  const normal = [...parts].map(([k, v]) => `${k}=${v}`).join(';')
  try {
    return { ok: true, rule: normal, recur: ICAL.Recur.fromString(normal) }
  } catch (error) {
    return bad(`cannot be read (${(error as Error).message})`)
  }
}

/** The occurrence's wall time, as stored in `occurrences[].on`: `2026-12-03`, or `2026-12-03T09:00` for a timed promise. */
export type OccurrenceAt = string

/** The commitment's first occurrence as wall time in the user's zone, or null when `due` is not a date. */
export function firstOccurrence(due: string, timeZone: string): OccurrenceAt | null {
  if (isPlainDay(due)) return due.trim()
  const instant = instantOf(due, timeZone)
  if (instant === null) return null
  const wall = wallClock(instant, timeZone)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${wall.day}T${pad(wall.hour)}:${pad(wall.minute)}`
}

const toIcalTime = (at: OccurrenceAt): ICAL.Time => (at.length === 10 ? ICAL.Time.fromDateString(at) : ICAL.Time.fromDateTimeString(`${at.slice(0, 16)}:00`))

const fromIcalTime = (time: ICAL.Time, timed: boolean): OccurrenceAt => (timed ? time.toString().slice(0, 16) : time.toString().slice(0, 10))

/**
 * Occurrences from the first, in order, while `keepGoing` says so; stops at
 * the rule's own end (COUNT, UNTIL) and after MAX_STEPS.
 */
export function* occurrencesOf(recur: ICAL.Recur, first: OccurrenceAt): Generator<OccurrenceAt> {
  const timed = first.length > 10
  const iterator = withImpliedParts(recur, first).iterator(toIcalTime(first))
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = iterator.next()
    if (!next) return
    yield fromIcalTime(next, timed)
  }
}

/**
 * RFC 5545 takes a yearly rule's month and day from DTSTART when the rule
 * names none; ical.js instead rolls 29 February over to 1 March in other
 * years. Saying them explicitly gives the RFC's answer: leap years only.
 */
function withImpliedParts(recur: ICAL.Recur, first: OccurrenceAt): ICAL.Recur {
  const text = recur.toString()
  if (recur.freq !== 'YEARLY' || /BY(MONTH|MONTHDAY|DAY|YEARDAY|WEEKNO|SETPOS)=/.test(text)) return recur
  return ICAL.Recur.fromString(`${text};BYMONTH=${Number(first.slice(5, 7))};BYMONTHDAY=${Number(first.slice(8, 10))}`)
}

/** Two wall times of one commitment compare as text: they share one shape (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`). */
const after = (a: OccurrenceAt, b: OccurrenceAt): boolean => a > b

/**
 * The occurrence now waiting: the first one after the latest occurrence
 * dealt with (done or skipped), so marking this Thursday done brings next
 * Thursday. Null when the rule has ended and every occurrence was dealt with.
 */
export function pendingOccurrence(recur: ICAL.Recur, first: OccurrenceAt, dealtWith: readonly OccurrenceAt[]): OccurrenceAt | null {
  const latest = dealtWith.reduce<OccurrenceAt | null>((max, on) => (max === null || after(on, max) ? on : max), null)
  for (const at of occurrencesOf(recur, first)) {
    if (latest === null || after(at, latest)) return at
  }
  return null
}

/** True when `at` is one of the rule's occurrences (so a done mark names a real one). */
export function isOccurrence(recur: ICAL.Recur, first: OccurrenceAt, at: OccurrenceAt): boolean {
  for (const candidate of occurrencesOf(recur, first)) {
    if (candidate === at) return true
    if (after(candidate, at)) return false
  }
  return false
}

const DAY_NAMES: Readonly<Record<string, string>> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' }
const UNIT: Readonly<Record<string, string>> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' }
const ORDINAL = (n: number): string =>
  n === -1 ? 'last' : `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`

/** A short phrase for people: "every Thursday", "every 2 weeks", "every month on the last day"; the rule itself for anything richer. */
export function ruleWords(rule: string): string {
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]))
  const freq = parts.get('FREQ') ?? ''
  const interval = Number(parts.get('INTERVAL') ?? '1')
  const unit = UNIT[freq]
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'WKST'])
  if (!unit || [...parts.keys()].some((k) => !known.has(k))) return `repeats (${rule})`
  const every = interval > 1 ? `every ${interval} ${unit}s` : `every ${unit}`
  const byDay = parts.get('BYDAY')
  if (byDay && freq === 'WEEKLY' && /^[A-Z]{2}(,[A-Z]{2})*$/.test(byDay)) {
    const days = byDay
      .split(',')
      .map((d) => DAY_NAMES[d] ?? d)
      .join(' and ')
    return interval > 1 ? `${every} on ${days}` : `every ${days}`
  }
  const byMonthDay = parts.get('BYMONTHDAY')
  if (byMonthDay && !byDay && /^-?\d{1,2}$/.test(byMonthDay)) return `${every} on the ${ORDINAL(Number(byMonthDay))}${byMonthDay === '-1' ? ' day' : ''}`
  if (byDay || byMonthDay) return `repeats (${rule})`
  return every
}
