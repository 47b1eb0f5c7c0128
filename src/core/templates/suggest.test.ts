import { describe, expect, it } from 'vitest'
import type { ClientFile } from '../../shared/domain'
import type { Orderable } from './suggest'
import { filterTemplates, likelyTemplates, orderTemplates } from './suggest'

const now = new Date('2026-11-22T12:00:00Z')

const templates: Orderable[] = [
  { id: 'after-difficult-meeting', name: 'After a difficult meeting', description: 'When a conversation went badly.', order: 10 },
  { id: 'failing-graciously', name: 'Failing graciously', description: 'When you got something wrong.', order: 20 },
  { id: 'before-a-call', name: 'Before a call', description: 'A few minutes before you talk.', order: 60 },
  { id: 'first-meeting', name: 'First meeting', description: 'Straight after you first meet someone.', order: 80 },
  { id: 'broken', name: 'Broken', description: '', order: 1, problem: 'It has no name.' },
  { id: 'cafe-notes', name: 'Café notes', description: 'Mine.', order: 1000 }
]

const client = (over: Partial<ClientFile> = {}): ClientFile => ({
  format: 1,
  id: 'c_1',
  name: 'Dana',
  commitments: [],
  interactions: [],
  people: [],
  tags: [],
  ...over
})
const interaction = (at: string, outcome: ClientFile['interactions'][number]['outcome']) =>
  ({ id: `i_${at}`, at, channel: 'video', direction: 'out', outcome }) as const

const ids = (likely: Map<string, string>) => orderTemplates(templates, likely).map((t) => t.id)

describe('suggesting templates', () => {
  it('puts "After a difficult meeting" first after a meeting logged in the last day, saying why', () => {
    const likely = likelyTemplates(client({ interactions: [interaction('2026-11-22T09:00:00Z', 'meeting')] }), now)
    const ordered = orderTemplates(templates, likely)
    expect(ordered.map((t) => t.id)).toEqual(['after-difficult-meeting', 'failing-graciously', 'before-a-call', 'first-meeting', 'cafe-notes', 'broken'])
    expect(ordered[0]?.suggested).toBe('You logged a meeting in the last day.')
    expect(ordered[1]?.suggested).toBeUndefined()
  })

  it('does not count an older meeting, or an attempt that got no reply', () => {
    expect(
      likelyTemplates(client({ interactions: [interaction('2026-11-20T09:00:00Z', 'meeting'), interaction('2026-11-22T09:00:00Z', 'no-reply')] }), now).size
    ).toBe(0)
  })

  it('puts "Before a call" first when a follow-up is today or tomorrow, or a call is planned', () => {
    expect(ids(likelyTemplates(client({ followUp: '2026-11-23', interactions: [interaction('2026-11-01T09:00:00Z', 'conversation')] }), now))[0]).toBe(
      'before-a-call'
    )
    expect(
      likelyTemplates(client({ followUp: '2026-11-22', interactions: [interaction('2026-11-01T09:00:00Z', 'conversation')] }), now).get('before-a-call')
    ).toBe('Your follow-up is today.')
    expect(ids(likelyTemplates(client({ interactions: [interaction('2026-11-25T09:00:00Z', 'meeting')] }), now))[0]).toBe('before-a-call')
    expect(likelyTemplates(client({ followUp: '2026-11-30', interactions: [interaction('2026-11-01T09:00:00Z', 'conversation')] }), now).size).toBe(0)
  })

  it('puts "First meeting" first when nothing is logged yet', () => {
    expect(ids(likelyTemplates(client(), now))[0]).toBe('first-meeting')
  })

  it('puts the most telling situation first when several apply', () => {
    const likely = likelyTemplates(client({ followUp: '2026-11-23', interactions: [interaction('2026-11-22T08:00:00Z', 'conversation')] }), now)
    expect(ids(likely).slice(0, 2)).toEqual(['after-difficult-meeting', 'before-a-call'])
  })

  it('orders by `order` then name without a client, broken ones last', () => {
    expect(ids(new Map())).toEqual(['after-difficult-meeting', 'failing-graciously', 'before-a-call', 'first-meeting', 'cafe-notes', 'broken'])
  })
})

describe('filtering the picker by what is typed', () => {
  it('matches every typed word in the name or the description, ignoring case and accents', () => {
    expect(filterTemplates(templates, 'meet').map((t) => t.id)).toEqual(['after-difficult-meeting', 'first-meeting'])
    expect(filterTemplates(templates, 'FIRST meet').map((t) => t.id)).toEqual(['first-meeting'])
    expect(filterTemplates(templates, 'cafe').map((t) => t.id)).toEqual(['cafe-notes'])
    expect(filterTemplates(templates, 'wrong').map((t) => t.id)).toEqual(['failing-graciously'])
    expect(filterTemplates(templates, 'before-a-call,').map((t) => t.id)).toEqual(['before-a-call'])
    expect(filterTemplates(templates, '  ')).toHaveLength(templates.length)
    expect(filterTemplates(templates, 'zebra')).toEqual([])
  })
})

describe('the essays’ suggestions, with the user’s coaching settings', () => {
  const coaching = { quietAfterDays: 30, timeZone: 'Europe/London' }
  const spoke = interaction('2026-11-01T09:00:00Z', 'conversation')

  it('suggests failing graciously after an overdue promise of yours, saying which', () => {
    const likely = likelyTemplates(
      client({
        interactions: [spoke],
        commitments: [
          {
            id: 'k_1',
            by: 'me',
            what: 'Send the revised scope with the new phasing and the pricing options',
            due: '2026-11-20',
            status: 'open',
            createdAt: '2026-11-01'
          },
          { id: 'k_2', by: 'client', what: 'Their overdue one', due: '2026-11-01', status: 'open', createdAt: '2026-11-01' }
        ]
      }),
      now,
      coaching
    )
    expect([...likely]).toEqual([['failing-graciously', 'Your promise “Send the revised scope with the new…” is overdue.']])
    // Kept, not yet due, or theirs: no.
    expect(
      likelyTemplates(
        client({ interactions: [spoke], commitments: [{ id: 'k', by: 'me', what: 'x', due: '2026-11-20', status: 'done', createdAt: '2026-11-01' }] }),
        now,
        coaching
      ).size
    ).toBe(0)
    expect(
      likelyTemplates(
        client({ interactions: [spoke], commitments: [{ id: 'k', by: 'me', what: 'x', due: '2026-11-24', status: 'open', createdAt: '2026-11-01' }] }),
        now,
        coaching
      ).size
    ).toBe(0)
  })

  it('suggests perseverance for a client silent past the quiet threshold, and not for one paused', () => {
    const silent = client({ interactions: [interaction('2026-10-01T09:00:00Z', 'conversation'), interaction('2026-11-10T09:00:00Z', 'no-reply')] })
    expect(likelyTemplates(silent, now, coaching).get('perseverance')).toBe('No conversation for 52 days.')
    expect(likelyTemplates(silent, now, { ...coaching, quietAfterDays: 60 }).has('perseverance')).toBe(false)
    expect(likelyTemplates({ ...silent, stage: { current: 'paused', history: [] } }, now, coaching).has('perseverance')).toBe(false)
  })

  it('suggests the retrospective in the feedback stage', () => {
    expect(likelyTemplates(client({ interactions: [spoke], stage: { current: 'feedback', history: [] } }), now, coaching).get('feedback-retrospective')).toBe(
      'You are in the feedback stage.'
    )
  })

  it('makes none of these with coaching off, and puts the most telling first', () => {
    const busy = client({
      stage: { current: 'feedback', history: [] },
      followUp: '2026-11-22',
      interactions: [interaction('2026-09-01T09:00:00Z', 'conversation')],
      commitments: [{ id: 'k_1', by: 'me', what: 'Send it', due: '2026-11-20', status: 'open', createdAt: '2026-11-01' }]
    })
    expect([...likelyTemplates(busy, now).keys()]).toEqual(['before-a-call'])
    expect([...likelyTemplates(busy, now, coaching).keys()]).toEqual(['failing-graciously', 'before-a-call', 'perseverance', 'feedback-retrospective'])
  })
})
