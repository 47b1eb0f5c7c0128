import type { HandlersFor } from '../../shared/api'
import type { ClientDetail } from '../../shared/contract/relationship'
import type { rhythmContract } from '../../shared/contract/rhythm'
import type { ClientRecord } from '../clients/client-store'
import { RapportError } from '../errors'
import type { CalendarFeedFile } from '../calendar/feed-file'
import { feedBlocked } from '../calendar/reminder-settings'
import type { Vault } from '../vault/vault'
import { addDays, localDay } from './calendar'
import { readCadence } from './cadence'
import { findCommitment, isActive, toCommitment, updateCommitment } from './commitments'
import { commitmentNow } from './recurring-commitment'
import { missedSummary } from './missed'
import type { NotifiedLog } from './notified-log'
import type { DesktopNotification } from '../../shared/contract/relationship'
import { firstOccurrence, isOccurrence, readRule } from './recurrence'
import { setSnooze, snoozeKey } from './snoozes'
import type { StoredClient } from './stored-client'
import type { Viewpoint } from './viewpoint'

/** What the relationship handlers lend: their one way of changing a client file, and of showing one. */
export interface ClientChanges {
  change<T>(clientId: string, apply: (client: StoredClient, at: Viewpoint) => T): Promise<{ result: T; record: ClientRecord; at: Viewpoint }>
  detail(record: ClientRecord, at?: Viewpoint): ClientDetail
  /** What would be notified now, not shown before. */
  dueNow(): Promise<{ at: Viewpoint; due: DesktopNotification[] }>
  notified: NotifiedLog
}

/** Sets or removes a cadence on the client or one of its people; a cadence Rapport cannot read is refused. */
function setCadence(client: StoredClient, personId: string | undefined, cadence: string | null): void {
  if (cadence !== null) {
    const reading = readCadence(cadence)
    if (!reading.ok) throw new RapportError('invalid-input', `${reading.problem.replace(/^./, (c) => c.toUpperCase())}.`)
  }
  const target: { cadence?: string | undefined } =
    personId === undefined ? client : ((client.people ?? []).find((p) => p.id === personId) ?? missingPerson(client, personId))
  // Stored as typed (trimmed): `2 weeks` reads the same to a person editing the file and to Rapport.
  if (cadence === null) delete target.cadence
  else target.cadence = cadence.trim()
}

function missingPerson(client: StoredClient, personId: string): never {
  throw new RapportError('not-found', `${client.name} has no person with the id ${personId}.`)
}

/** Records one occurrence of a recurring commitment as done or skipped (again: the later mark wins). */
function markOccurrence(client: StoredClient, id: string, on: string, status: 'done' | 'skipped', note: string | undefined, at: Viewpoint) {
  const commitment = findCommitment(client, id)
  if (commitment.repeat === undefined) throw new RapportError('invalid-input', `“${commitment.what}” does not repeat; mark it done instead.`)
  const rule = readRule(commitment.repeat)
  const first = commitment.due === undefined ? null : firstOccurrence(commitment.due, at.settings.timeZone)
  if (!rule.ok || first === null)
    throw new RapportError(
      'broken-file',
      `“${commitment.what}” cannot be used: ${rule.ok ? 'it has no due date' : rule.problem}. Fix it in client.json (rapport doctor shows where).`
    )
  if (!isActive(commitment)) throw new RapportError('invalid-input', `“${commitment.what}” is ${commitment.status}; open it again first.`)
  if (!isOccurrence(rule.recur, first, on)) throw new RapportError('invalid-input', `${on} is not an occurrence of “${commitment.what}”.`)
  const list = (Array.isArray(commitment.occurrences) ? commitment.occurrences : (commitment.occurrences = [])).filter((o) => o.on !== on)
  list.push({ on, status, at: at.now.toISOString(), ...(note?.trim() ? { note: note.trim() } : {}) })
  commitment.occurrences = list
  // A snooze of the occurrence just dealt with does not carry over to the next one.
  setSnooze(client, `commitment:${id}`, null, localDay(at.now, at.settings.timeZone), at.settings.timeZone)
  return commitment
}

/** Done or Snooze from a notification: the same changes as the Today row's buttons, decided here so the shell only passes them on. */
function actOn(client: StoredClient, item: string, action: 'done' | 'snooze', at: Viewpoint): void {
  const zone = at.settings.timeZone
  const today = localDay(at.now, zone)
  if (action === 'snooze') return setSnooze(client, item, addDays(today, 1), today, zone)
  if (item === snoozeKey.followUp) {
    delete client.followUp
    return setSnooze(client, item, null, today, zone)
  }
  const commitmentId = item.startsWith('commitment:') ? item.slice('commitment:'.length) : null
  if (commitmentId === null) throw new RapportError('invalid-input', `A notification cannot mark “${item}” done.`)
  const current = commitmentNow(findCommitment(client, commitmentId), zone)
  if (current.occurrence !== undefined) markOccurrence(client, commitmentId, current.occurrence, 'done', undefined, at)
  else updateCommitment(client, commitmentId, { status: 'done' }, at.now)
}

/**
 * Cadences, occurrences, snoozes, the calendar feed and what the shell asks
 * for at start. Every change to a client goes through the relationship
 * handlers' `change`, then refreshes the feed (when it is on).
 */
export function rhythmHandlers(vault: Vault, clients: ClientChanges, feed: CalendarFeedFile): HandlersFor<typeof rhythmContract> {
  return {
    'cadence:set': async ({ clientId, personId, cadence }) => {
      const { record, at } = await clients.change(clientId, (client) => setCadence(client, personId, cadence))
      return clients.detail(record, at)
    },
    'commitments:occurrence': async ({ clientId, id, on, status, note }) => {
      const { result, record, at } = await clients.change(clientId, (client, view) => markOccurrence(client, id, on, status, note, view))
      return { commitment: toCommitment(result), client: clients.detail(record, at) }
    },
    'today:snooze': async ({ clientId, key, until }) => {
      await clients.change(clientId, (client, { now, settings }) => {
        const today = localDay(now, settings.timeZone)
        if (until !== null && until <= today) throw new RapportError('invalid-input', `Snooze until a day after today (${today}).`)
        setSnooze(client, key, until, today, settings.timeZone)
      })
    },
    'reminders:get': async () => feed.settings(),
    'reminders:update': async (patch) => {
      const changed = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
      if (Object.keys(changed).length > 0) await vault.updateSettings(changed)
      await feed.refresh()
      return feed.settings()
    },
    'calendar:write': async () => {
      const blocked = feedBlocked(feed.settings(), vault.root)
      if (blocked !== null) throw new RapportError('invalid-input', blocked)
      vault.assertWritable()
      const written = await feed.refresh()
      if (written === null) throw new RapportError('invalid-input', 'The calendar feed was not written.')
      return written
    },
    'notifications:act': async ({ clientId, item, action }) => {
      await clients.change(clientId, (client, at) => actOn(client, item, action, at))
    },
    'notifications:missed': async () => {
      const { at, due } = await clients.dueNow()
      const summary = missedSummary(due)
      if (due.length > 0)
        await clients.notified.record(
          due.map((n) => n.key),
          at.now
        )
      return { summary }
    }
  }
}
