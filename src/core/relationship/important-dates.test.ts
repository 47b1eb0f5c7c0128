import { describe, expect, it } from 'vitest'
import { nextOccurrence, upcomingDates } from './important-dates'

describe('important dates', () => {
  it('recur yearly on their month and day, from the date itself on', () => {
    expect(nextOccurrence('1980-03-14', 'yearly', '2026-03-11')).toBe('2026-03-14')
    expect(nextOccurrence('1980-03-14', 'yearly', '2026-03-14')).toBe('2026-03-14')
    expect(nextOccurrence('1980-03-14', 'yearly', '2026-03-15')).toBe('2027-03-14')
    expect(nextOccurrence('2027-05-01', 'yearly', '2026-11-23')).toBe('2027-05-01')
    expect(nextOccurrence('1990-01-02', 'yearly', '2026-12-30')).toBe('2027-01-02')
  })

  it('put 29 February on the 28th in years without one', () => {
    expect(nextOccurrence('1984-02-29', 'yearly', '2026-01-10')).toBe('2026-02-28')
    expect(nextOccurrence('1984-02-29', 'yearly', '2027-03-01')).toBe('2028-02-29')
    expect(nextOccurrence('1984-02-29', 'yearly', '2028-02-29')).toBe('2028-02-29')
  })

  it('happen only once when they say so', () => {
    expect(nextOccurrence('2026-12-01', 'once', '2026-11-23')).toBe('2026-12-01')
    expect(nextOccurrence('2026-11-01', 'once', '2026-11-23')).toBeNull()
  })

  it('are listed soonest first, with the day to start reminding and the years', () => {
    const dates = [
      { label: 'wedding anniversary', date: '2010-06-20' },
      { label: 'birthday', date: '1980-03-14' },
      { label: 'contract renewal', date: '2026-01-01', repeats: 'once' },
      { label: 'launch', date: '2026-03-20', repeats: 'once', owner: 'them' }
    ]
    expect(upcomingDates(dates, '2026-03-11', 3)).toEqual([
      {
        index: 1,
        label: 'birthday',
        date: '1980-03-14',
        repeats: 'yearly',
        next: '2026-03-14',
        daysUntil: 3,
        remindOn: '2026-03-11',
        reminderDue: true,
        years: 46
      },
      { index: 3, label: 'launch', date: '2026-03-20', repeats: 'once', next: '2026-03-20', daysUntil: 9, remindOn: '2026-03-17', reminderDue: false },
      {
        index: 0,
        label: 'wedding anniversary',
        date: '2010-06-20',
        repeats: 'yearly',
        next: '2026-06-20',
        daysUntil: 101,
        remindOn: '2026-06-17',
        reminderDue: false,
        years: 16
      }
    ])
    expect(upcomingDates(dates, '2026-03-10', 3)[0]?.reminderDue).toBe(false)
    expect(upcomingDates(dates, '2026-03-14', 0)[0]).toMatchObject({ daysUntil: 0, remindOn: '2026-03-14', reminderDue: true })
  })

  it('skip what is not a date', () => {
    expect(upcomingDates([{ label: 'someday', date: '2026-02-30' }], '2026-01-01', 3)).toEqual([])
  })
})
