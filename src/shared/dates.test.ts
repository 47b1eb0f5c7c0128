import { afterEach, describe, expect, it } from 'vitest'
import type { Due } from './contract/relationship'
import {
  DEFAULT_DATE_STYLE,
  calendarDayOf,
  dateStyle,
  dayAndTime,
  dayOfMoment,
  duePhrase,
  dueWords,
  longDay,
  monthName,
  monthYear,
  relativeDays,
  relativeTime,
  setDateStyle,
  shortDate,
  shortDay,
  timeOfDay,
  weekdayDay
} from './dates'
import type { DateStyle } from './dates'

const GB: DateStyle = { locale: 'en-GB', hour12: false, timeZone: 'Europe/London' }
const US: DateStyle = { locale: 'en-US', hour12: true, timeZone: 'America/New_York' }
const DE: DateStyle = { locale: 'de-DE', hour12: undefined, timeZone: 'Europe/Berlin' }
const TOKYO: DateStyle = { locale: 'en-GB', hour12: false, timeZone: 'Asia/Tokyo' }

afterEach(() => setDateStyle(DEFAULT_DATE_STYLE))

describe('calendar days', () => {
  it('are written in the locale, with the year only when it is not this one', () => {
    expect(shortDay('2026-11-12', '2026-12-01', {}, GB)).toBe('12 Nov')
    expect(shortDay('2025-11-12', '2026-12-01', {}, GB)).toBe('12 Nov 2025')
    expect(shortDay('2026-11-12', '2026-12-01', {}, US)).toBe('Nov 12')
    expect(shortDay('2026-11-12', '2026-12-01', {}, DE)).toBe('12. Nov.')
    expect(weekdayDay('2026-11-24', '2026-11-20', {}, GB)).toBe('Tue 24 Nov')
    expect(weekdayDay('2026-11-24', '2026-11-20', { year: true }, GB)).toBe('Tue, 24 Nov 2026')
    expect(longDay('2026-11-24', GB)).toBe('Tuesday 24 November')
    expect(monthYear('2026-11-24', {}, US)).toBe('November 2026')
    expect(monthName('2026-09-01', US)).toBe('Sep')
  })

  it('never slip across midnight, whatever the zone', () => {
    for (const style of [GB, US, DE, TOKYO, { ...US, timeZone: 'Pacific/Kiritimati' }, { ...US, timeZone: 'Pacific/Pago_Pago' }]) {
      expect(shortDay('2026-12-31', '2026-12-31', {}, style)).toMatch(/31/)
      expect(shortDay('2027-01-01', '2026-12-31', {}, style)).toMatch(/\b1\b.*2027|2027.*\b1\b/)
    }
  })

  it('at the end of a month and a year, count the year from today', () => {
    expect(shortDay('2026-12-31', '2027-01-01', {}, GB)).toBe('31 Dec 2026')
    expect(shortDay('2027-01-01', '2026-12-31', {}, GB)).toBe('1 Jan 2027')
    expect(shortDay('2026-02-28', '2026-03-01', {}, GB)).toBe('28 Feb')
    expect(shortDay('2028-02-29', '2028-03-01', {}, GB)).toBe('29 Feb')
  })

  it('give back what is not a day, rather than a wrong one', () => {
    expect(shortDay('soon', '2026-12-01', {}, GB)).toBe('soon')
  })
})

describe('moments', () => {
  const lateEvening = '2026-12-31T23:36:00Z'

  it('fall on the day of the user’s zone, not the computer’s', () => {
    expect(calendarDayOf(lateEvening, GB)).toBe('2026-12-31')
    expect(calendarDayOf(lateEvening, TOKYO)).toBe('2027-01-01')
    expect(calendarDayOf(lateEvening, US)).toBe('2026-12-31')
    expect(dayOfMoment(lateEvening, TOKYO)).toBe('1 Jan 2027')
    expect(shortDate(lateEvening, Date.parse('2026-12-31T12:00:00Z'), TOKYO)).toBe('1 Jan 2027')
    expect(shortDate(lateEvening, Date.parse('2027-01-01T12:00:00Z'), TOKYO)).toBe('1 Jan')
  })

  it('show their time on a 24-hour or 12-hour clock as asked, in the locale', () => {
    expect(timeOfDay(lateEvening, GB)).toBe('23:36')
    expect(timeOfDay(lateEvening, { ...GB, hour12: true })).toMatch(/^11:36\s?pm$/)
    expect(timeOfDay(lateEvening, US)).toMatch(/^6:36\s?PM$/)
    expect(timeOfDay(lateEvening, { ...US, hour12: false })).toBe('18:36')
    expect(timeOfDay(lateEvening, DE)).toBe('00:36')
    expect(dayAndTime(lateEvening, GB)).toBe('31 Dec 2026, 23:36')
    expect(timeOfDay('2026-06-01T08:05:00Z', GB)).toBe('09:05')
    expect(timeOfDay('2026-06-01T08:05:00Z', { ...GB, hour12: true })).toMatch(/^9:05\s?am$/)
  })

  it('follow the style set for the app', () => {
    setDateStyle({ locale: 'en-US', hour12: true, timeZone: 'UTC' })
    expect(timeOfDay('2026-06-01T15:05:00Z')).toMatch(/^3:05\s?PM$/)
    expect(shortDay('2026-06-01', '2026-06-01')).toBe('Jun 1')
  })

  it('fall back to the default language when the one set cannot be used', () => {
    setDateStyle({ locale: 'no such language!', hour12: false })
    expect(dateStyle().locale).toBe(DEFAULT_DATE_STYLE.locale)
  })
})

describe('relative times are true', () => {
  const now = Date.parse('2026-12-07T04:00:00Z')
  const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString()

  it('say how long ago, counted down', () => {
    expect(relativeTime(ago(10), now, GB)).toBe('just now')
    expect(relativeTime(ago(20 * 60), now, GB)).toBe('20 minutes ago')
    expect(relativeTime(ago(40 * 60), now, GB)).toBe('40 minutes ago')
    expect(relativeTime(ago(59 * 60 + 59), now, GB)).toBe('59 minutes ago')
    expect(relativeTime(ago(3 * 3600), now, GB)).toBe('3 hours ago')
    expect(relativeTime(ago(26 * 3600), now, GB)).toBe('yesterday')
    expect(relativeTime(ago(20 * 60), now, DE)).toBe('vor 20 Minuten')
  })

  it('tell two snapshots twenty minutes apart apart', () => {
    expect(relativeTime(ago(60), now, GB)).not.toBe(relativeTime(ago(21 * 60), now, GB))
  })

  it('read a moment a little ahead (another clock) as just now', () => {
    expect(relativeTime(ago(-90), now, GB)).toBe('just now')
  })
})

describe('due words', () => {
  const due = (day: string, days: number, state: Due['state']): Due => ({ day, days, state })

  it('say when, with words so colour is never the only signal', () => {
    expect(dueWords(due('2026-11-18', -3, 'overdue'), GB)).toBe('Overdue since Wed 18 Nov')
    expect(dueWords(due('2026-11-21', 0, 'overdue'), GB)).toBe('Overdue since earlier today')
    expect(dueWords(due('2026-11-21', 0, 'today'), GB)).toBe('Due today')
    expect(dueWords(due('2026-11-22', 1, 'this-week'), GB)).toBe('Due tomorrow')
    expect(dueWords(due('2026-11-25', 4, 'this-week'), GB)).toBe('Due Wed 25 Nov')
    expect(dueWords(due('2027-01-02', 3, 'this-week'), GB)).toBe('Due Sat, 2 Jan 2027')
    expect(duePhrase(due('2026-11-22', 1, 'this-week'), '2026-11-21', GB)).toBe('due 22 Nov (tomorrow)')
    expect(duePhrase(due('2026-11-18', -3, 'overdue'), '2026-11-21', GB)).toBe('was due 18 Nov (3 days ago)')
    expect(relativeDays(-1)).toBe('yesterday')
  })
})
