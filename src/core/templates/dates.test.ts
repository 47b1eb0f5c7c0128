import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, findDueDate, longDate, nextMonth } from './dates'

// 2026-11-22 is a Sunday; 2026-11-27 a Friday.
const SUNDAY = '2026-11-22'
const FRIDAY = '2026-11-27'

describe('calendar days', () => {
  it('are written out the same on every machine', () => {
    expect(longDate(SUNDAY)).toBe('Sunday 22 November 2026')
    expect(longDate('2027-01-01')).toBe('Friday 1 January 2027')
  })

  it('add and count across months, years and summer time', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(daysBetween('2026-10-20', SUNDAY)).toBe(33)
    expect(daysBetween(SUNDAY, '2026-11-21')).toBe(-1)
    expect(nextMonth('2026-12')).toBe('2027-01')
    expect(nextMonth('2026-01')).toBe('2026-02')
  })
})

describe('due dates written in an item', () => {
  it('read ISO dates and take a trailing date out of the text', () => {
    expect(findDueDate('Send the revised scope by 2026-11-30', SUNDAY)).toEqual({ due: '2026-11-30', text: 'Send the revised scope' })
    expect(findDueDate('Send the revised scope (due 2026-11-30).', SUNDAY)).toEqual({ due: '2026-11-30', text: 'Send the revised scope' })
  })

  it('read weekdays as the next one after the entry’s day', () => {
    expect(findDueDate('Call Dana by Friday', SUNDAY)).toEqual({ due: FRIDAY, text: 'Call Dana' })
    expect(findDueDate('Call Dana by fri', SUNDAY)?.due).toBe(FRIDAY)
    expect(findDueDate('Call Dana by this Friday', SUNDAY)?.due).toBe(FRIDAY)
    // Written on a Friday, "by Friday" is a week later: on the day itself people say "today".
    expect(findDueDate('Call Dana by Friday', FRIDAY)?.due).toBe('2026-12-04')
    expect(findDueDate('Call Dana by Monday', SUNDAY)?.due).toBe('2026-11-23')
  })

  it('read today, tomorrow and the end of the week or month', () => {
    expect(findDueDate('Apologise today', SUNDAY)).toBeNull()
    expect(findDueDate('Apologise by today', SUNDAY)?.due).toBe(SUNDAY)
    expect(findDueDate('Apologise by tomorrow', SUNDAY)?.due).toBe('2026-11-23')
    expect(findDueDate('Draft the plan by end of week', SUNDAY)?.due).toBe(FRIDAY)
    expect(findDueDate('Draft the plan by the end of the month', SUNDAY)?.due).toBe('2026-11-30')
  })

  it('read day and month in either order, with or without a year', () => {
    expect(findDueDate('Send the deck by 30 November', SUNDAY)?.due).toBe('2026-11-30')
    expect(findDueDate('Send the deck by 3rd Dec', SUNDAY)?.due).toBe('2026-12-03')
    expect(findDueDate('Send the deck by December 3, 2027', SUNDAY)?.due).toBe('2027-12-03')
    // A day already past this year means next year's.
    expect(findDueDate('Renewal talk due 10 January', SUNDAY)?.due).toBe('2027-01-10')
  })

  it('keep the date in the text when more follows it, and ignore what is not a date', () => {
    expect(findDueDate('By Friday, send Dana the deck', SUNDAY)).toEqual({ due: FRIDAY, text: 'By Friday, send Dana the deck' })
    expect(findDueDate('Stand by me', SUNDAY)).toBeNull()
    expect(findDueDate('Send it by next Friday', SUNDAY)).toBeNull()
    expect(findDueDate('Send it by 31 February', SUNDAY)).toBeNull()
    expect(findDueDate('Send it by 2026-02-30', SUNDAY)).toBeNull()
    expect(findDueDate('Go by Fridays', SUNDAY)).toBeNull()
    expect(findDueDate('by Friday', SUNDAY)).toEqual({ due: FRIDAY, text: 'by Friday' })
  })
})
