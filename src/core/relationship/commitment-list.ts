import type { CommitmentListItem } from '../../shared/contract/relationship'
import { isActive, toCommitment } from './commitments'
import { byUrgency, dueOf } from './due'
import { commitmentNow } from './recurring-commitment'
import { snoozeKey, snoozedUntil } from './snoozes'
import type { ClientData } from './stored-client'
import { localDay } from './calendar'
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
      // A recurring promise is judged by the occurrence waiting; one whose every occurrence is dealt with is kept.
      const current = commitmentNow(stored, settings.timeZone)
      const still = active && !current.finished
      const due = current.due === undefined ? null : dueOf(current.due, now, settings.timeZone)
      const item: CommitmentListItem = {
        clientId,
        clientName,
        commitment: toCommitment(stored),
        due,
        overdue: still && due?.state === 'overdue',
        active: still
      }
      if (current.occurrence !== undefined) item.occurrence = current.occurrence
      if (current.repeatWords !== undefined) item.repeat = current.repeatWords
      const snoozed = snoozedUntil(data, snoozeKey.commitment(stored.id), localDay(now, settings.timeZone), settings.timeZone)
      if (snoozed !== null) item.snoozedUntil = snoozed
      if ((options.include ?? 'active') === 'active' && !still) continue
      items.push(item)
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
