import { describe, expect, it } from 'vitest'
import type { EntrySummary } from '../../shared/domain'
import type { StoredClient } from './stored-client'
import { timelineOf } from './timeline'

const client: StoredClient = {
  format: 1,
  id: 'c_1',
  name: 'Dana',
  stage: {
    current: 'engaged',
    history: [
      { stage: 'first-contact', at: '2026-01-10' },
      { stage: 'engaged', at: '2026-03-02T09:00:00Z', note: 'Signed the pilot' }
    ]
  },
  trust: { current: 'friend', history: [{ trust: 'friend', at: '2026-03-01T18:00:00Z' }] },
  commitments: [
    {
      id: 'k_1',
      by: 'me',
      what: 'Send the revised scope',
      due: '2026-03-20',
      status: 'done',
      createdAt: '2026-03-02T10:00:00Z',
      closedAt: '2026-03-19T16:00:00Z',
      history: [
        { at: '2026-03-05T08:00:00Z', due: '2026-03-10', status: 'open', note: 'They asked for more time' },
        { at: '2026-03-19T16:00:00Z', due: '2026-03-20', status: 'renegotiated' }
      ]
    },
    { id: 'k_2', by: 'client', what: 'Intro to finance', status: 'dropped', createdAt: '2026-03-02T10:00:00Z', closedAt: 'not a date?' }
  ],
  interactions: [
    { id: 'i_2', at: '2026-03-01T17:00:00Z', channel: 'email', direction: 'in', outcome: 'conversation', note: 'Replied to the proposal' },
    { id: 'i_1', at: '2026-02-20', channel: 'phone', direction: 'out', outcome: 'no-reply' }
  ]
}

const entry = (id: string, created: string, title: string): EntrySummary => ({
  id,
  clientId: 'c_1',
  title,
  created,
  updated: created,
  tags: [],
  excerpt: '',
  path: `clients/dana/journal/${id}.md`
})

describe('the timeline', () => {
  it('puts entries, interactions, stage and trust changes and commitments in the order they happened', () => {
    const events = timelineOf(client, [entry('e_1', '2026-03-02T09:30:00Z', 'Pilot signed'), entry('e_2', '2026-01-09T12:00:00Z', '  ')], 'Europe/London')
    expect(events.map((e) => [e.day, e.kind, e.label, e.target?.id ?? null])).toEqual([
      ['2026-01-09', 'entry', 'Untitled entry', 'e_2'],
      ['2026-01-10', 'stage', 'Stage: First contact', null],
      ['2026-02-20', 'interaction', 'Phone, you reached out: no reply', 'i_1'],
      ['2026-03-01', 'interaction', 'Email from them: conversation', 'i_2'],
      ['2026-03-01', 'trust', 'Trust: Friend', null],
      ['2026-03-02', 'stage', 'Stage: Engaged', null],
      ['2026-03-02', 'entry', 'Pilot signed', 'e_1'],
      ['2026-03-02', 'commitment-made', 'You promised: Send the revised scope', 'k_1'],
      ['2026-03-02', 'commitment-made', 'They promised: Intro to finance', 'k_2'],
      ['2026-03-05', 'commitment-moved', 'Moved: Send the revised scope — from 10 Mar to 20 Mar', 'k_1'],
      ['2026-03-19', 'commitment-kept', 'Kept: Send the revised scope', 'k_1']
    ])
    expect(events.find((e) => e.kind === 'stage' && e.stage === 'engaged')?.note).toBe('Signed the pilot')
    expect(events.find((e) => e.kind === 'commitment-moved')?.note).toBe('They asked for more time')
    expect(events.find((e) => e.kind === 'trust')?.trust).toBe('friend')
  })

  it('says value given, both ways, as value given, with what it was', () => {
    const valued: StoredClient = {
      format: 1,
      id: 'c_3',
      name: 'Dana',
      interactions: [
        { id: 'i_1', at: '2026-11-03T10:00:00Z', channel: 'email', direction: 'out', outcome: 'value-shared', note: 'Introduced her to Lee' },
        { id: 'i_2', at: '2026-11-10T10:00:00Z', channel: 'in-person', direction: 'in', outcome: 'value-shared', note: 'Recommended us to Fabrikam' }
      ]
    }
    expect(timelineOf(valued, [], 'Europe/London').map((e) => [e.label, e.note])).toEqual([
      ['You added value (email)', 'Introduced her to Lee'],
      ['They added value (in person)', 'Recommended us to Fabrikam']
    ])
  })

  it('is empty for a new client', () => {
    expect(timelineOf({ format: 1, id: 'c_2', name: 'New' }, [], 'UTC')).toEqual([])
  })
})
