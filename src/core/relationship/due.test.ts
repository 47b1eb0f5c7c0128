import { describe, expect, it } from 'vitest'
import { byUrgency, dueOf, needsAttention } from './due'

describe('due dates in the user’s calendar', () => {
  it('treat a plain day as due all of that day in London, across the spring DST change', () => {
    const zone = 'Europe/London'
    // 23:30 GMT on the 28th: the due day is tomorrow.
    expect(dueOf('2026-03-29', new Date('2026-03-28T23:30:00Z'), zone)).toEqual({ day: '2026-03-29', state: 'this-week', days: 1 })
    // 23:59 BST on the 29th is 22:59 UTC: still the due day.
    expect(dueOf('2026-03-29', new Date('2026-03-29T22:59:00Z'), zone)?.state).toBe('today')
    // 00:00 BST on the 30th is 23:00 UTC on the 29th: overdue, though UTC still says the 29th.
    expect(dueOf('2026-03-29', new Date('2026-03-29T23:00:00Z'), zone)).toEqual({ day: '2026-03-29', state: 'overdue', days: -1 })
  })

  it('keep a New York day whole when the clocks go back on 1 November', () => {
    const zone = 'America/New_York'
    expect(dueOf('2026-11-01', new Date('2026-11-01T03:59:00Z'), zone)?.state).toBe('this-week') // 23:59 EDT on 31 Oct
    expect(dueOf('2026-11-01', new Date('2026-11-01T04:00:00Z'), zone)?.state).toBe('today') // 00:00 EDT
    expect(dueOf('2026-11-01', new Date('2026-11-02T04:59:00Z'), zone)?.state).toBe('today') // 23:59 EST, a 25-hour day
    expect(dueOf('2026-11-01', new Date('2026-11-02T05:00:00Z'), zone)?.state).toBe('overdue')
  })

  it('give the same due date a different answer for users in different zones at the same moment', () => {
    const now = new Date('2026-11-25T23:30:00Z')
    expect(dueOf('2026-11-25', now, 'America/New_York')?.state).toBe('today')
    expect(dueOf('2026-11-25', now, 'Europe/Berlin')?.state).toBe('overdue')
  })

  it('treat a timestamp as a deadline: overdue the moment it passes, even on the same day', () => {
    const due = '2026-11-25T17:00:00Z'
    expect(dueOf(due, new Date('2026-11-25T16:59:00Z'), 'UTC')?.state).toBe('today')
    expect(dueOf(due, new Date('2026-11-25T17:00:00Z'), 'UTC')).toEqual({ day: '2026-11-25', state: 'overdue', days: 0 })
  })

  it('count this week as today and the six days after', () => {
    const now = new Date('2026-11-23T12:00:00Z')
    expect(dueOf('2026-11-29', now, 'UTC')).toEqual({ day: '2026-11-29', state: 'this-week', days: 6 })
    expect(dueOf('2026-11-30', now, 'UTC')?.state).toBe('later')
    expect(dueOf('not a date', now, 'UTC')).toBeNull()
  })

  it('put overdue first, then the earliest, and no date last', () => {
    const now = new Date('2026-11-23T12:00:00Z')
    const dues = ['2026-11-30', '2026-11-20', '2026-11-23T08:00:00Z', '2026-11-23'].map((d) => dueOf(d, now, 'UTC'))
    const sorted = [...dues, null].sort(byUrgency).map((d) => d && `${d.day}:${d.state}`)
    expect(sorted).toEqual(['2026-11-20:overdue', '2026-11-23:overdue', '2026-11-23:today', '2026-11-30:later', null])
    expect(needsAttention(dues[0] ?? null)).toBe(false)
    expect(needsAttention(dues[3] ?? null)).toBe(true)
    expect(needsAttention(null)).toBe(false)
  })
})
