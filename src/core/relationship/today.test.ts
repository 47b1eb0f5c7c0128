import { describe, expect, it } from 'vitest'
import type { RelationshipSettings } from '../../shared/contract/relationship'
import type { ClientData } from './stored-client'
import { todayList } from './today'

const settings: RelationshipSettings = {
  quietAfterDays: 30,
  remindDaysBefore: 3,
  timeZone: 'Europe/London',
  usesSystemTimeZone: false,
  coaching: true,
  keepEmptySections: false,
  locale: null,
  clock: null
}
const now = new Date('2026-11-23T10:00:00Z')

const client = (id: string, name: string, data: Partial<ClientData['data']>): ClientData => ({ id, name, data: { format: 1, id, name, ...data } })

const clients = [
  client('c_b', 'Bea', {
    followUp: '2026-11-23',
    commitments: [
      { id: 'k_b1', by: 'me', what: 'Send the deck', due: '2026-11-23', status: 'open', createdAt: '2026-11-01' },
      { id: 'k_b2', by: 'client', what: 'Share the budget', due: '2026-11-10', status: 'open', createdAt: '2026-11-01' }
    ],
    interactions: [{ id: 'i_b', at: '2026-11-20T10:00:00Z', channel: 'phone', direction: 'out', outcome: 'conversation' }],
    person: {
      dates: [
        { label: 'birthday', date: '1975-11-29' },
        { label: 'launch', date: '2026-12-01', repeats: 'once' }
      ]
    }
  }),
  client('c_a', 'Aaron', {
    followUp: '2026-11-18',
    commitments: [
      { id: 'k_a1', by: 'me', what: 'Intro to Sam', due: '2026-11-19', status: 'open', createdAt: '2026-11-01' },
      { id: 'k_a2', by: 'me', what: 'Old promise', due: '2026-11-01', status: 'dropped', createdAt: '2026-10-01' },
      { id: 'k_a3', by: 'me', what: 'Next month', due: '2026-12-20', status: 'open', createdAt: '2026-11-01' }
    ],
    interactions: [{ id: 'i_a', at: '2026-10-12', channel: 'email', direction: 'in', outcome: 'conversation' }],
    person: { dates: [{ label: 'anniversary', date: '2012-11-23' }] }
  }),
  client('c_c', 'Cora', { stage: { current: 'paused', history: [] }, createdAt: '2025-01-01', followUp: '2026-11-24' }),
  client('c_d', 'Dev', { createdAt: '2026-09-01T09:00:00Z' })
]

describe('the Today list', () => {
  it('gathers what needs the user today, most pressing first', () => {
    const today = todayList(clients, { now, settings })
    expect(today.day).toBe('2026-11-23')
    expect(today.timeZone).toBe('Europe/London')
    expect(today.followUps.map((f) => [f.clientName, f.line])).toEqual([
      ['Aaron', 'Follow up — planned for 18 Nov (5 days ago)'],
      ['Bea', 'Follow up today']
    ])
    expect(today.commitments.mine.map((c) => [c.clientName, c.line])).toEqual([
      ['Aaron', 'You promised “Intro to Sam” — was due 19 Nov (4 days ago)'],
      ['Bea', 'You promised “Send the deck” — due today']
    ])
    expect(today.commitments.theirs.map((c) => [c.clientName, c.commitmentId, c.due.state])).toEqual([['Bea', 'k_b2', 'overdue']])
    expect(today.importantDates.map((d) => [d.clientName, d.line])).toEqual([
      ['Aaron', 'Anniversary today'],
      ['Bea', 'Birthday in 6 days (29 Nov)']
    ])
    expect(today.quiet.map((q) => [q.clientName, q.days, q.line])).toEqual([
      ['Dev', 83, 'No conversation in the 83 days since they were added'],
      ['Aaron', 42, 'No conversation for 42 days — last on 12 Oct']
    ])
  })

  it('is empty, not broken, for a vault with nothing due', () => {
    expect(todayList([client('c_x', 'X', {})], { now, settings })).toEqual({
      day: '2026-11-23',
      timeZone: 'Europe/London',
      followUps: [],
      commitments: { mine: [], theirs: [] },
      importantDates: [],
      quiet: [],
      reachOut: []
    })
  })

  it('is seen from the user’s day: late on 23 November in New York, tomorrow is not due yet', () => {
    const evening = new Date('2026-11-24T03:00:00Z')
    const ny = todayList(clients, { now: evening, settings: { ...settings, timeZone: 'America/New_York' } })
    expect(ny.day).toBe('2026-11-23')
    expect(ny.followUps.map((f) => f.clientName)).toEqual(['Aaron', 'Bea'])
    const london = todayList(clients, { now: evening, settings })
    expect(london.day).toBe('2026-11-24')
    expect(london.followUps.find((f) => f.clientName === 'Bea')?.line).toBe('Follow up — planned for 23 Nov (yesterday)')
  })
})
