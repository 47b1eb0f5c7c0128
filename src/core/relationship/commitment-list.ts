import type { CommitmentListItem } from '../../shared/contract/relationship'
import { isActive, toCommitment } from './commitments'
import { byUrgency, dueOf } from './due'
import type { ClientData } from './stored-client'
import type { Viewpoint } from './viewpoint'

export interface CommitmentListOptions {
  /** `active` (the default): open and renegotiated only. */
  include?: 'active' | 'all' | undefined
  by?: 'me' | 'client' | undefined
}

/**
 * Commitments across all clients, for the Commitments view: the ones still
 * to keep first — overdue before everything else, then by due date, those
 * without a date after — and closed ones (when asked for) last.
 */
export function listCommitments(clients: readonly ClientData[], { now, settings }: Viewpoint, options: CommitmentListOptions = {}): CommitmentListItem[] {
  const items: CommitmentListItem[] = []
  for (const { id: clientId, name: clientName, data } of clients) {
    for (const stored of data.commitments ?? []) {
      const active = isActive(stored)
      if ((options.include ?? 'active') === 'active' && !active) continue
      if (options.by !== undefined && stored.by !== options.by) continue
      const due = stored.due === undefined ? null : dueOf(stored.due, now, settings.timeZone)
      items.push({ clientId, clientName, commitment: toCommitment(stored), due, overdue: active && due?.state === 'overdue', active })
    }
  }
  return items.sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      byUrgency(a.due, b.due) ||
      a.clientName.localeCompare(b.clientName, undefined, { sensitivity: 'base', numeric: true }) ||
      a.commitment.createdAt.localeCompare(b.commitment.createdAt)
  )
}
