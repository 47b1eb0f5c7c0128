import { afterEach, describe, expect, it } from 'vitest'
import { isRealIsoDate } from '../../shared/contract/relationship'
import { addDays, dayOf, daysBetween, instantOf, isPlainDay, isValidTimeZone, localDay, offsetMinutes, shortDay } from './calendar'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

describe('calendar days', () => {
  it('add and count days across months, years and leap days, with no DST in between', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31)
    expect(daysBetween('2026-11-02', '2026-11-01')).toBe(-1)
  })

  it('tell real dates from ones that only look like dates', () => {
    expect(dayOf('2028-02-29', 'UTC')).toBe('2028-02-29')
    expect(dayOf('2026-02-29', 'UTC')).toBeNull()
    expect(dayOf('2026-13-01', 'UTC')).toBeNull()
    expect(dayOf('2026-11-22T24:00', 'UTC')).toBeNull()
    expect(dayOf('2026-11-22T10:30:00+01:00', 'UTC')).toBe('2026-11-22')
    expect(dayOf('next tuesday', 'UTC')).toBeNull()
    for (const [text, real] of [
      ['2028-02-29', true],
      ['2026-02-29', false],
      ['2026-11-22T24:00', false],
      ['2026-11-22T23:59:59Z', true]
    ] as const) {
      expect(isRealIsoDate(text), text).toBe(real)
    }
    expect(isPlainDay('2026-11-22')).toBe(true)
    expect(isPlainDay('2026-11-22T10:30:00Z')).toBe(false)
  })

  it('write a day short, with the year only when it is not this year', () => {
    expect(shortDay('2026-10-12', '2026-11-23')).toBe('12 Oct')
    expect(shortDay('2025-10-12', '2026-11-23')).toBe('12 Oct 2025')
  })
})

describe('days and moments in a time zone', () => {
  it('know the day it is for the user, not for UTC', () => {
    const lateEvening = new Date('2026-11-24T03:30:00Z')
    expect(localDay(lateEvening, 'America/New_York')).toBe('2026-11-23')
    expect(localDay(lateEvening, 'Asia/Tokyo')).toBe('2026-11-24')
  })

  it('put a timestamp on the user’s day, and keep plain days and floating times as written', () => {
    expect(dayOf('2026-10-12T23:30:00Z', 'Europe/London')).toBe('2026-10-13')
    expect(dayOf('2026-10-12T23:30:00Z', 'America/New_York')).toBe('2026-10-12')
    expect(dayOf('2026-10-12T23:30:00+0100', 'UTC')).toBe('2026-10-12')
    expect(dayOf('2026-10-12', 'Pacific/Kiritimati')).toBe('2026-10-12')
    expect(dayOf('2026-10-12 23:30', 'Asia/Tokyo')).toBe('2026-10-12')
    expect(dayOf('2026-02-30', 'UTC')).toBeNull()
  })

  it('find the start of a day across the spring DST change in London', () => {
    expect(iso(instantOf('2026-03-29', 'Europe/London'))).toBe('2026-03-29T00:00:00.000Z')
    expect(iso(instantOf('2026-03-30', 'Europe/London'))).toBe('2026-03-29T23:00:00.000Z')
    // 01:30 does not exist that night; it is read as the moment the clocks jumped past.
    expect(iso(instantOf('2026-03-29T01:30', 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z')
    expect(offsetMinutes(new Date('2026-03-29T00:59:00Z'), 'Europe/London')).toBe(0)
    expect(offsetMinutes(new Date('2026-03-29T01:00:00Z'), 'Europe/London')).toBe(60)
  })

  it('take the first of the two 01:30s when New York falls back', () => {
    expect(iso(instantOf('2026-11-01T01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z')
    expect(iso(instantOf('2026-11-02', 'America/New_York'))).toBe('2026-11-02T05:00:00.000Z')
  })

  it('check zone names without throwing', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
})

describe('the process time zone', () => {
  const original = process.env.TZ
  afterEach(() => {
    if (original === undefined) delete process.env.TZ
    else process.env.TZ = original
  })

  it('changes nothing: every answer comes from the zone passed in', () => {
    const now = new Date('2026-11-02T04:30:00Z')
    const answers = () => [localDay(now, 'America/New_York'), dayOf('2026-11-01T23:30:00-05:00', 'Europe/London'), instantOf('2026-11-01', 'America/New_York')]
    process.env.TZ = 'Pacific/Kiritimati'
    const far = answers()
    process.env.TZ = 'America/Los_Angeles'
    expect(answers()).toEqual(far)
    expect(far[0]).toBe('2026-11-01')
  })
})
