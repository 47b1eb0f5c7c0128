import type { Interaction, TodayReachOut } from '../../shared/contract/relationship'
import type { Stage } from '../../shared/domain'
import type { CalendarDay } from './calendar'
import { dayOf, daysBetween, shortDay } from './calendar'
import type { Cadence } from './cadence'
import { cadenceDueDay, cadenceWords, readCadence } from './cadence'
import { outreachOf } from './outreach'
import { snoozeKey, snoozedUntil } from './snoozes'
import type { ClientData } from './stored-client'
import { count } from './wording'

/** A relationship on hold or over has no rhythm to keep. */
const RESTING: ReadonlySet<Stage> = new Set<Stage>(['paused', 'ended'])

/** The cadence a client's own `cadence` gives, or the vault-wide default (`quietAfterDays`) when it has none or it cannot be read. */
export function clientCadence(cadence: string | undefined, quietAfterDays: number): { cadence: Cadence; own: boolean } {
  const reading = cadence === undefined ? null : readCadence(cadence)
  return reading?.ok ? { cadence: reading.cadence, own: true } : { cadence: { count: quietAfterDays, unit: 'day' }, own: false }
}

interface Rhythm {
  since: string
  sinceDay: CalendarDay
  spoke: boolean
  cadence: Cadence
  interactions: readonly Interaction[]
}

function reachOutItem(
  client: ClientData,
  rhythm: Rhythm,
  today: CalendarDay,
  zone: string,
  now: Date,
  person?: { id: string; name: string }
): TodayReachOut | null {
  const dueDay = cadenceDueDay(rhythm.sinceDay, rhythm.cadence)
  if (dueDay > today) return null
  const key = snoozeKey.reachOut(person?.id)
  if (snoozedUntil(client.data, key, today, zone) !== null) return null
  const period = Math.max(1, daysBetween(rhythm.sinceDay, dueDay))
  const elapsed = daysBetween(rhythm.sinceDay, today)
  const outreach = outreachOf(rhythm.interactions, now, zone)
  const who = person === undefined ? client.name : `${person.name} (${client.name})`
  const last = rhythm.spoke ? `last spoke ${shortDay(rhythm.sinceDay, today)}` : `no conversation since added, ${shortDay(rhythm.sinceDay, today)}`
  const attempts = outreach.unanswered > 0 ? `${count(outreach.unanswered, 'attempt')} since you last spoke, ` : ''
  const item: TodayReachOut = {
    clientId: client.id,
    clientName: client.name,
    key,
    cadence: cadenceWords(rhythm.cadence),
    due: dueDay,
    daysPast: daysBetween(dueDay, today),
    pastCadence: elapsed / period,
    unanswered: outreach.unanswered,
    line: `Reach out to ${who} — ${cadenceWords(rhythm.cadence)}; ${attempts}${last}`
  }
  if (rhythm.spoke) item.lastSpokeAt = rhythm.since
  if (person) {
    item.personId = person.id
    item.personName = person.name
  }
  return item
}

/**
 * Who to reach out to: each client whose last real conversation is a
 * cadence or more ago (its own cadence, else the vault's `quietAfterDays`),
 * and each person with a cadence of their own, counted from the last
 * conversation logged with them (the client's, when none was). An attempt
 * resets nothing; a conversation does. Snoozed ones wait for their day.
 */
export function reachOutOf(client: ClientData, quietAfterDays: number, now: Date, zone: string, today: CalendarDay): TodayReachOut[] {
  const { data } = client
  if (data.stage?.current !== undefined && RESTING.has(data.stage.current)) return []
  const interactions = data.interactions ?? []
  const clientOutreach = outreachOf(interactions, now, zone)
  const clientSince = clientOutreach.lastSpokeAt ?? data.createdAt
  const clientSinceDay = clientSince === undefined ? null : dayOf(clientSince, zone)
  const items: TodayReachOut[] = []
  if (clientSince !== undefined && clientSinceDay !== null) {
    const { cadence } = clientCadence(data.cadence, quietAfterDays)
    const item = reachOutItem(
      client,
      { since: clientSince, sinceDay: clientSinceDay, spoke: clientOutreach.lastSpokeAt !== undefined, cadence, interactions },
      today,
      zone,
      now
    )
    if (item) items.push(item)
  }
  for (const person of data.people ?? []) {
    const reading = person.cadence === undefined ? null : readCadence(person.cadence)
    if (!reading?.ok) continue
    const theirs = interactions.filter((i) => i.person === person.id)
    const own = outreachOf(theirs, now, zone).lastSpokeAt
    const since = own ?? clientSince
    const sinceDay = since === undefined ? null : dayOf(since, zone)
    if (since === undefined || sinceDay === null) continue
    const rhythm = { since, sinceDay, spoke: own !== undefined || clientOutreach.lastSpokeAt !== undefined, cadence: reading.cadence, interactions: theirs }
    const item = reachOutItem(client, rhythm, today, zone, now, { id: person.id, name: person.name })
    if (item) items.push(item)
  }
  return items
}

/**
 * How far through its cadence the client is: the days since the last
 * conversation (or since it was added) over the cadence's days; 1 is due
 * today, 1.5 half a cadence late. Undefined for a paused or ended client, or
 * one with nothing to count from. The client list sorts by it.
 */
export function cadenceProgress(data: ClientData['data'], quietAfterDays: number, now: Date, zone: string, today: CalendarDay): number | undefined {
  if (data.stage?.current !== undefined && RESTING.has(data.stage.current)) return undefined
  const since = outreachOf(data.interactions ?? [], now, zone).lastSpokeAt ?? data.createdAt
  const sinceDay = since === undefined ? null : dayOf(since, zone)
  if (sinceDay === null) return undefined
  const due = cadenceDueDay(sinceDay, clientCadence(data.cadence, quietAfterDays).cadence)
  return daysBetween(sinceDay, today) / Math.max(1, daysBetween(sinceDay, due))
}

/** Furthest past its cadence first (two weeks late on a weekly rhythm before two weeks late on a quarterly one), then by name. */
export const byPastCadence = (a: TodayReachOut, b: TodayReachOut): number =>
  b.pastCadence - a.pastCadence ||
  a.clientName.localeCompare(b.clientName, undefined, { sensitivity: 'base', numeric: true }) ||
  (a.personName ?? '').localeCompare(b.personName ?? '')
