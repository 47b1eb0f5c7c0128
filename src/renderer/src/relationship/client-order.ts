import type { ClientSummary } from '@shared/domain'

export type ClientSort = 'name' | 'recent' | 'overdue' | 'reach-out'
export type ClientShow = 'all' | 'overdue' | 'follow-up' | 'quiet'

export const sortWords: Record<ClientSort, string> = { name: 'Name', recent: 'Recent activity', overdue: 'Overdue first', 'reach-out': 'Reach out first' }
export const showWords: Record<ClientShow, string> = { all: 'All clients', overdue: 'Only overdue', 'follow-up': 'Follow-up due', quiet: 'Gone quiet' }

const byName = (a: ClientSummary, b: ClientSummary) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })

/** The client list as the person asked to see it; the core's order (by name) is the tie-breaker. */
export function arrangeClients(clients: readonly ClientSummary[], sort: ClientSort, show: ClientShow): ClientSummary[] {
  const shown = clients.filter((c) => {
    if (show === 'overdue') return (c.overdueCommitments ?? 0) > 0
    if (show === 'follow-up') return c.followUpDue === true
    if (show === 'quiet') return c.quiet === true
    return true
  })
  // Furthest past their keep-in-touch cadence first; those with nothing to count from last.
  if (sort === 'reach-out') return shown.sort((a, b) => (b.cadenceProgress ?? -1) - (a.cadenceProgress ?? -1) || byName(a, b))
  if (sort === 'recent') return shown.sort((a, b) => (b.lastEntryAt ?? '').localeCompare(a.lastEntryAt ?? '') || byName(a, b))
  if (sort === 'overdue')
    return shown.sort(
      (a, b) => (b.overdueCommitments ?? 0) - (a.overdueCommitments ?? 0) || Number(b.followUpDue ?? false) - Number(a.followUpDue ?? false) || byName(a, b)
    )
  return shown.sort(byName)
}
