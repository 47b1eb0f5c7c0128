import { describe, expect, it } from 'vitest'
import { cadenceDueDay, cadenceText, readCadence } from './cadence'
import { dueOf } from './due'
import { missedSummary } from './missed'
import { reachOutOf } from './reach-out'
import { firstOccurrence, occurrencesOf, pendingOccurrence, readRule, ruleWords } from './recurrence'
import { commitmentNow } from './recurring-commitment'
import { setSnooze, snoozedUntil } from './snoozes'
import type { ClientData, StoredClient, StoredCommitment } from './stored-client'

const take = (rule: string, first: string, n: number): string[] => {
  const reading = readRule(rule)
  if (!reading.ok) throw new Error(reading.problem)
  const out: string[] = []
  for (const at of occurrencesOf(reading.recur, first)) {
    out.push(at)
    if (out.length === n) break
  }
  return out
}

describe('a keep-in-touch cadence', () => {
  it('reads the ways people write it, and says what is wrong with the rest', () => {
    expect(readCadence('2 weeks')).toEqual({ ok: true, cadence: { count: 2, unit: 'week' } })
    expect(readCadence('every 2 weeks')).toEqual({ ok: true, cadence: { count: 2, unit: 'week' } })
    expect(readCadence('Monthly')).toEqual({ ok: true, cadence: { count: 1, unit: 'month' } })
    expect(readCadence('quarterly')).toEqual({ ok: true, cadence: { count: 3, unit: 'month' } })
    expect(readCadence('10d')).toEqual({ ok: true, cadence: { count: 10, unit: 'day' } })
    expect(cadenceText({ count: 1, unit: 'month' })).toBe('1 month')
    const bad = readCadence('whenever')
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.problem).toContain('“whenever” is not a cadence')
    expect(readCadence('0 weeks').ok).toBe(false)
    expect(readCadence('11 years').ok).toBe(false)
  })

  it('falls due on real days across month ends, 29 February and New Year', () => {
    const monthly = { count: 1, unit: 'month' } as const
    expect(cadenceDueDay('2026-01-31', monthly)).toBe('2026-02-28')
    expect(cadenceDueDay('2028-01-31', monthly)).toBe('2028-02-29')
    expect(cadenceDueDay('2028-02-29', { count: 1, unit: 'year' })).toBe('2029-02-28')
    expect(cadenceDueDay('2026-12-31', monthly)).toBe('2027-01-31')
    expect(cadenceDueDay('2026-11-30', { count: 3, unit: 'month' })).toBe('2027-02-28')
    expect(cadenceDueDay('2026-12-25', { count: 2, unit: 'week' })).toBe('2027-01-08')
  })
})

describe('a repeat rule (RFC 5545 RRULE, expanded by ical.js)', () => {
  it('refuses what it cannot read, in words', () => {
    const problem = (rule: string) => {
      const r = readRule(rule)
      return r.ok ? null : r.problem
    }
    expect(problem('FREQ=WEEKLY;BYDAY=TH')).toBeNull()
    expect(problem('RRULE:FREQ=MONTHLY;BYMONTHDAY=-1')).toBeNull()
    expect(problem('every thursday')).toContain('not NAME=VALUE')
    expect(problem('FOO=BAR')).toContain('FOO, which is not part of an RFC 5545 rule')
    expect(problem('INTERVAL=2')).toContain('has no FREQ')
    expect(problem('FREQ=HOURLY')).toContain('DAILY, WEEKLY, MONTHLY or YEARLY')
    expect(problem('FREQ=WEEKLY;BYDAY=XX')).toContain('cannot be read')
    expect(problem('FREQ=WEEKLY;UNTIL=2026-01-01')).toContain('UNTIL')
  })

  it('keeps the 31st on months that have one, and the last day with BYMONTHDAY=-1', () => {
    expect(take('FREQ=MONTHLY', '2026-01-31', 3)).toEqual(['2026-01-31', '2026-03-31', '2026-05-31'])
    expect(take('FREQ=MONTHLY;BYMONTHDAY=-1', '2026-01-31', 3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31'])
    expect(ruleWords('FREQ=MONTHLY;BYMONTHDAY=-1')).toBe('every month on the last day')
  })

  it('puts a 29 February promise on leap years only, and crosses New Year', () => {
    expect(take('FREQ=YEARLY', '2028-02-29', 3)).toEqual(['2028-02-29', '2032-02-29', '2036-02-29'])
    expect(take('FREQ=WEEKLY;BYDAY=TH', '2026-12-24', 3)).toEqual(['2026-12-24', '2026-12-31', '2027-01-07'])
  })

  it('keeps a timed promise at the same wall-clock time across a DST change', () => {
    // 09:00 in London on Thursday 26 March 2026 (GMT), then 2 April (BST, after the 29 March change).
    const first = firstOccurrence('2026-03-26T09:00:00Z', 'Europe/London')
    expect(first).toBe('2026-03-26T09:00')
    const [, second] = take('FREQ=WEEKLY', first ?? '', 2)
    expect(second).toBe('2026-04-02T09:00')
    // Read back in London, that is 08:00 UTC: the promise did not move an hour.
    expect(dueOf(second ?? '', new Date('2026-04-02T07:30:00Z'), 'Europe/London')?.state).toBe('today')
    expect(dueOf(second ?? '', new Date('2026-04-02T07:59:00Z'), 'Europe/London')?.state).toBe('today')
    expect(dueOf(second ?? '', new Date('2026-04-02T08:00:01Z'), 'Europe/London')?.state).toBe('overdue')
    // New York changes on 8 March: a Monday 10:00 promise stays 10:00 there.
    expect(take('FREQ=WEEKLY', '2026-03-02T10:00', 2)).toEqual(['2026-03-02T10:00', '2026-03-09T10:00'])
  })

  it('waits on the first occurrence after the latest one dealt with', () => {
    const reading = readRule('FREQ=WEEKLY;BYDAY=TH')
    if (!reading.ok) throw new Error(reading.problem)
    expect(pendingOccurrence(reading.recur, '2026-12-03', [])).toBe('2026-12-03')
    expect(pendingOccurrence(reading.recur, '2026-12-03', ['2026-12-03'])).toBe('2026-12-10')
    expect(pendingOccurrence(reading.recur, '2026-12-03', ['2026-12-10', '2026-12-03'])).toBe('2026-12-17')
    const counted = readRule('FREQ=WEEKLY;COUNT=2')
    if (!counted.ok) throw new Error(counted.problem)
    expect(pendingOccurrence(counted.recur, '2026-12-03', ['2026-12-10'])).toBeNull()
  })

  it('says the common rules in words', () => {
    expect(ruleWords('FREQ=WEEKLY;BYDAY=TH')).toBe('every Thursday')
    expect(ruleWords('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO')).toBe('every 2 weeks on Monday')
    expect(ruleWords('FREQ=MONTHLY')).toBe('every month')
    expect(ruleWords('FREQ=MONTHLY;BYDAY=1MO')).toBe('repeats (FREQ=MONTHLY;BYDAY=1MO)')
  })
})

const commitment = (fields: Partial<StoredCommitment>): StoredCommitment => ({
  id: 'k_1',
  by: 'me',
  what: 'Status note',
  status: 'open',
  createdAt: '2026-11-01',
  ...fields
})

describe('a recurring commitment now', () => {
  it('is judged by the occurrence waiting, and ends with its rule', () => {
    const weekly = commitment({
      due: '2026-12-03',
      repeat: 'FREQ=WEEKLY;BYDAY=TH',
      occurrences: [{ on: '2026-12-03', status: 'done', at: '2026-12-03T10:00:00Z' }]
    })
    expect(commitmentNow(weekly, 'Europe/London')).toEqual({ due: '2026-12-10', occurrence: '2026-12-10', repeatWords: 'every Thursday', finished: false })
    const twice = commitment({
      due: '2026-12-03',
      repeat: 'FREQ=WEEKLY;COUNT=2',
      occurrences: [{ on: '2026-12-10', status: 'skipped', at: '2026-12-10T10:00:00Z' }]
    })
    expect(commitmentNow(twice, 'Europe/London').finished).toBe(true)
  })

  it('falls back to its due date when the rule was broken by hand', () => {
    const broken = commitment({ due: '2026-12-03', repeat: 'every thursday' })
    expect(commitmentNow(broken, 'Europe/London')).toMatchObject({ due: '2026-12-03', finished: false, problem: expect.stringContaining('every thursday') })
    expect(commitmentNow(commitment({ repeat: 'FREQ=WEEKLY' }), 'UTC').problem).toContain('needs a due date')
  })
})

const client = (data: Partial<StoredClient>, name = 'Dana'): ClientData => ({ id: `c_${name}`, name, data: { format: 1, id: `c_${name}`, name, ...data } })
const at = (iso: string) => new Date(iso)

describe('reach out', () => {
  it('counts from the last conversation; attempts reset nothing', () => {
    const dana = client({
      cadence: '2 weeks',
      createdAt: '2026-10-01',
      interactions: [
        { id: 'i1', at: '2026-11-10T10:00:00Z', channel: 'phone', direction: 'out', outcome: 'conversation' },
        { id: 'i2', at: '2026-11-20T10:00:00Z', channel: 'email', direction: 'out', outcome: 'no-reply' },
        { id: 'i3', at: '2026-11-23T10:00:00Z', channel: 'phone', direction: 'out', outcome: 'left-message' }
      ]
    })
    expect(reachOutOf(dana, 30, at('2026-11-23T12:00:00Z'), 'UTC', '2026-11-23')).toEqual([])
    const [item] = reachOutOf(dana, 30, at('2026-11-24T12:00:00Z'), 'UTC', '2026-11-24')
    expect(item).toMatchObject({
      key: 'reach-out',
      due: '2026-11-24',
      daysPast: 0,
      unanswered: 2,
      cadence: 'every 2 weeks',
      line: 'Reach out to Dana — every 2 weeks; 2 attempts since you last spoke, last spoke 10 Nov'
    })
    const spoke = client({
      ...dana.data,
      interactions: [...(dana.data.interactions ?? []), { id: 'i4', at: '2026-11-24T09:00:00Z', channel: 'phone', direction: 'in', outcome: 'conversation' }]
    })
    expect(reachOutOf(spoke, 30, at('2026-11-24T12:00:00Z'), 'UTC', '2026-11-24')).toEqual([])
  })

  it('uses the vault default without a cadence, a person’s own cadence for them, and rests paused clients', () => {
    const quiet = client({ createdAt: '2026-10-01' })
    expect(reachOutOf(quiet, 30, at('2026-10-30T12:00:00Z'), 'UTC', '2026-10-30')).toEqual([])
    expect(reachOutOf(quiet, 30, at('2026-10-31T12:00:00Z'), 'UTC', '2026-10-31')).toHaveLength(1)
    const withPriya = client({
      createdAt: '2026-11-01',
      cadence: 'quarterly',
      people: [{ id: 'p_1', name: 'Priya', cadence: 'weekly' }],
      interactions: [{ id: 'i1', at: '2026-11-02T10:00:00Z', channel: 'phone', direction: 'out', outcome: 'conversation', person: 'p_1' }]
    })
    const items = reachOutOf(withPriya, 30, at('2026-11-10T12:00:00Z'), 'UTC', '2026-11-10')
    expect(items).toEqual([expect.objectContaining({ key: 'reach-out:p_1', personName: 'Priya', due: '2026-11-09' })])
    expect(reachOutOf(client({ ...quiet.data, stage: { current: 'paused', history: [] } }), 30, at('2027-01-01T12:00:00Z'), 'UTC', '2027-01-01')).toEqual([])
  })

  it('an unreadable cadence falls back to the default', () => {
    const odd = client({ createdAt: '2026-10-01', cadence: 'whenever' })
    expect(reachOutOf(odd, 30, at('2026-10-20T12:00:00Z'), 'UTC', '2026-10-20')).toEqual([])
    expect(reachOutOf(odd, 30, at('2026-11-02T12:00:00Z'), 'UTC', '2026-11-02')[0]?.cadence).toBe('every 30 days')
  })
})

describe('snoozes', () => {
  it('hide an item until its day, and old ones are dropped when a new one is set', () => {
    const data: StoredClient = { format: 1, id: 'c', name: 'Dana', snoozes: { 'follow-up': '2026-12-01' } }
    expect(snoozedUntil(data, 'follow-up', '2026-11-30', 'UTC')).toBe('2026-12-01')
    expect(snoozedUntil(data, 'follow-up', '2026-12-01', 'UTC')).toBeNull()
    setSnooze(data, 'commitment:k_1', '2027-01-04', '2026-12-31', 'UTC')
    expect(data.snoozes).toEqual({ 'commitment:k_1': '2027-01-04' })
    setSnooze(data, 'commitment:k_1', null, '2026-12-31', 'UTC')
    expect(data.snoozes).toBeUndefined()
  })
})

describe('missed while closed', () => {
  it('is one notification, not a burst', () => {
    const n = (i: number) => ({ key: `k${i}`, title: `Item ${i}`, body: '', clientId: 'c' })
    expect(missedSummary([])).toBeNull()
    expect(missedSummary([n(1)])).toEqual(n(1))
    expect(missedSummary([n(1), n(2), n(3), n(4), n(5)])).toMatchObject({
      title: '5 reminders while Rapport was closed',
      body: 'Item 1; Item 2; Item 3, and 2 more. Today lists them all.'
    })
  })
})
