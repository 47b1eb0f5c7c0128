import { describe, expect, it } from 'vitest'
import type { ClientSummary } from '../../../shared/domain'
import { arrangeClients } from './client-order'

const client = (name: string, extra: Partial<ClientSummary> = {}): ClientSummary => ({ id: name, name, entryCount: 0, path: `clients/${name}`, ...extra })

describe('arrangeClients', () => {
  const clients = [
    client('Omar', { overdueCommitments: 1, lastEntryAt: '2026-10-01T10:00:00Z' }),
    client('ada', { followUpDue: true, lastEntryAt: '2026-11-20T10:00:00Z' }),
    client('Lena', { quiet: true }),
    client('Dana', { overdueCommitments: 3, followUpDue: true })
  ]
  const names = (list: ClientSummary[]) => list.map((c) => c.name)

  it('sorts by name, ignoring case', () => {
    expect(names(arrangeClients(clients, 'name', 'all'))).toEqual(['ada', 'Dana', 'Lena', 'Omar'])
  })
  it('puts the most overdue first, then follow-ups due, then by name', () => {
    expect(names(arrangeClients(clients, 'overdue', 'all'))).toEqual(['Dana', 'Omar', 'ada', 'Lena'])
  })
  it('puts the furthest past their cadence first, clients without one last', () => {
    const rhythm = [client('Omar', { cadenceProgress: 0.5 }), client('ada'), client('Lena', { cadenceProgress: 2.25 }), client('Dana', { cadenceProgress: 1 })]
    expect(names(arrangeClients(rhythm, 'reach-out', 'all'))).toEqual(['Lena', 'Dana', 'Omar', 'ada'])
  })
  it('puts recent activity first; clients without entries last', () => {
    expect(names(arrangeClients(clients, 'recent', 'all'))).toEqual(['ada', 'Omar', 'Dana', 'Lena'])
  })
  it('filters to overdue, follow-up due or quiet, and leaves the input alone', () => {
    expect(names(arrangeClients(clients, 'name', 'overdue'))).toEqual(['Dana', 'Omar'])
    expect(names(arrangeClients(clients, 'name', 'follow-up'))).toEqual(['ada', 'Dana'])
    expect(names(arrangeClients(clients, 'name', 'quiet'))).toEqual(['Lena'])
    expect(names(clients)).toEqual(['Omar', 'ada', 'Lena', 'Dana'])
  })
})
