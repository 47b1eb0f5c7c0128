import { describe, expect, it } from 'vitest'
import type { ClientFile } from '../../shared/domain'
import { placeholderContext } from './client-facts'

const now = new Date('2026-11-22T12:00:00Z')

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

describe('what placeholders know about a client', () => {
  it('takes the last real conversation up to now, not attempts or ones planned', () => {
    const context = placeholderContext(
      client({
        organisation: 'Northwind',
        interactions: [
          { id: 'i_1', at: '2026-11-10T10:00:00Z', channel: 'phone', direction: 'out', outcome: 'conversation' },
          { id: 'i_2', at: '2026-11-18T10:00:00Z', channel: 'video', direction: 'out', outcome: 'meeting' },
          { id: 'i_3', at: '2026-11-21T10:00:00Z', channel: 'email', direction: 'out', outcome: 'no-reply' },
          { id: 'i_4', at: '2026-11-25T10:00:00Z', channel: 'video', direction: 'out', outcome: 'meeting' }
        ]
      }),
      now
    )
    expect(context).toMatchObject({ today: '2026-11-22', client: { name: 'Dana', organisation: 'Northwind' }, lastConversation: '2026-11-18' })
  })

  it('lists open commitments, soonest due first, undated last', () => {
    const context = placeholderContext(
      client({
        commitments: [
          { id: 'k_1', by: 'me', what: 'Undated', status: 'open', createdAt: '2026-11-01' },
          { id: 'k_2', by: 'client', what: 'Later', due: '2026-12-01', status: 'open', createdAt: '2026-11-01' },
          { id: 'k_3', by: 'me', what: 'Done already', due: '2026-11-02', status: 'done', createdAt: '2026-11-01' },
          { id: 'k_4', by: 'me', what: 'Sooner', due: '2026-11-24', status: 'open', createdAt: '2026-11-01' }
        ]
      }),
      now
    )
    expect(context.openCommitments?.map((k) => k.what)).toEqual(['Sooner', 'Later', 'Undated'])
  })

  it('knows only the day when there is no client, and copes with lists a hand-written file leaves out', () => {
    expect(placeholderContext(null, now)).toEqual({ today: '2026-11-22' })
    const sparse = { format: 1, id: 'c_2', name: 'Sparse' } as ClientFile
    expect(placeholderContext(sparse, now)).toEqual({ today: '2026-11-22', client: { name: 'Sparse' }, openCommitments: [] })
  })
})
