import { describe, expect, it } from 'vitest'
import type { RelationshipSettings } from '../../shared/contract/relationship'
import { dueNotifications } from './notifications'
import type { ClientData } from './stored-client'

const settings = (timeZone: string): RelationshipSettings => ({
  quietAfterDays: 30,
  remindDaysBefore: 3,
  timeZone,
  usesSystemTimeZone: false,
  coaching: true,
  keepEmptySections: false,
  locale: null,
  clock: null
})

const dana: ClientData = {
  id: 'c_dana',
  name: 'Dana Whitfield',
  data: {
    format: 1,
    id: 'c_dana',
    name: 'Dana Whitfield',
    followUp: '2026-11-23',
    person: { dates: [{ label: 'birthday', date: '1980-11-26' }] },
    commitments: [
      { id: 'k_scope', by: 'me', what: 'Send the revised scope', due: '2026-11-20', status: 'open', createdAt: '2026-11-10' },
      { id: 'k_sign', by: 'client', what: 'Sign the contract', due: '2026-11-23', status: 'renegotiated', createdAt: '2026-11-10' },
      { id: 'k_done', by: 'me', what: 'Intro to Sam', due: '2026-11-19', status: 'done', createdAt: '2026-11-10' },
      { id: 'k_later', by: 'me', what: 'Quarterly review', due: '2026-12-20', status: 'open', createdAt: '2026-11-10' }
    ]
  }
}

const keys = (list: { key: string }[]) => list.map((n) => n.key)

describe('desktop notifications', () => {
  it('wait until 09:00 and stop at 21:00 on the user’s clock', () => {
    expect(dueNotifications([dana], { now: new Date('2026-11-23T08:59:00Z'), settings: settings('Europe/London') }, new Set())).toEqual([])
    expect(dueNotifications([dana], { now: new Date('2026-11-23T09:00:00Z'), settings: settings('Europe/London') }, new Set())).not.toEqual([])
    expect(dueNotifications([dana], { now: new Date('2026-11-23T21:00:00Z'), settings: settings('Europe/London') }, new Set())).toEqual([])
    // 09:30 UTC is 04:30 in New York: too early there.
    expect(dueNotifications([dana], { now: new Date('2026-11-23T09:30:00Z'), settings: settings('America/New_York') }, new Set())).toEqual([])
    expect(dueNotifications([dana], { now: new Date('2026-11-23T14:00:00Z'), settings: settings('America/New_York') }, new Set())).not.toEqual([])
  })

  it('follow the local clock across DST: 09:00 in London on 29 March 2026 is 08:00 UTC', () => {
    const client: ClientData = { ...dana, data: { ...dana.data, followUp: '2026-03-29', commitments: [], person: {} } }
    expect(dueNotifications([client], { now: new Date('2026-03-29T07:59:00Z'), settings: settings('Europe/London') }, new Set())).toEqual([])
    expect(keys(dueNotifications([client], { now: new Date('2026-03-29T08:00:00Z'), settings: settings('Europe/London') }, new Set()))).toEqual([
      'follow-up:c_dana:2026-03-29:2026-03-29'
    ])
  })

  it('name the follow-up, commitments due or late (either side, overdue first), and the date reminder', () => {
    const list = dueNotifications([dana], { now: new Date('2026-11-23T10:00:00Z'), settings: settings('Europe/London') }, new Set())
    expect(list).toEqual([
      {
        key: 'follow-up:c_dana:2026-11-23:2026-11-23',
        title: 'Follow up with Dana Whitfield',
        body: 'Planned for today.',
        clientId: 'c_dana',
        item: 'follow-up'
      },
      {
        key: 'commitment:c_dana:k_scope:2026-11-23',
        title: 'Your promise to Dana Whitfield',
        body: 'Send the revised scope — was due 20 Nov (3 days ago)',
        clientId: 'c_dana',
        item: 'commitment:k_scope'
      },
      {
        key: 'commitment:c_dana:k_sign:2026-11-23',
        title: 'Dana Whitfield’s promise to you',
        body: 'Sign the contract — due today',
        clientId: 'c_dana',
        item: 'commitment:k_sign'
      },
      { key: 'date:c_dana:birthday:2026-11-26:reminder', title: 'Dana Whitfield: Birthday in 3 days (26 Nov)', body: '26 Nov — 46 years', clientId: 'c_dana' }
    ])
  })

  it('come once per item per day, and once for a date’s reminder and once on the day', () => {
    const at = (iso: string) => ({ now: new Date(iso), settings: settings('Europe/London') })
    const shown = new Set<string>()
    const show = (iso: string) => {
      const list = dueNotifications([dana], at(iso), shown)
      for (const key of keys(list)) shown.add(key)
      return keys(list)
    }
    expect(show('2026-11-23T10:00:00Z')).toHaveLength(4)
    expect(show('2026-11-23T15:00:00Z')).toEqual([])
    // The next day: still late, so said again once; the birthday reminder is not repeated.
    expect(show('2026-11-24T09:05:00Z')).toEqual([
      'follow-up:c_dana:2026-11-23:2026-11-24',
      'commitment:c_dana:k_scope:2026-11-24',
      'commitment:c_dana:k_sign:2026-11-24'
    ])
    expect(show('2026-11-26T09:05:00Z')).toContain('date:c_dana:birthday:2026-11-26:on-the-day')
  })
})
