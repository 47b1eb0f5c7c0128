import type { TimelineEvent } from '../../shared/contract/relationship'
import type { EntrySummary, Stage, TrustLevel } from '../../shared/domain'
import { dayOf, instantOf, shortDay } from './calendar'
import { additionsOf } from './commitments'
import type { StoredClient, StoredInteraction } from './stored-client'
import { channelWords as channelNames, outcomeWords as outcomeNames, stageWords as stageNames, trustWords as trustNames } from '../../shared/words'

type Draft = Omit<TimelineEvent, 'day'>

/** `Phone, you reached out: no reply`; `Email from them: conversation`; value given reads as such: `You added value (email)`. */
const interactionLabel = (i: StoredInteraction): string =>
  i.outcome === 'value-shared'
    ? `${i.direction === 'out' ? 'You added value' : 'They added value'} (${channelNames[i.channel].toLowerCase()})`
    : `${channelNames[i.channel]}${i.direction === 'out' ? ', you reached out' : ' from them'}: ${outcomeNames[i.outcome]}`

/** Stage or trust changes from their history; items naming a level Rapport does not know are left out. */
function levelEvents<K extends 'stage' | 'trust'>(
  history: ReadonlyArray<Readonly<Record<string, unknown>>> | undefined,
  key: K,
  names: Record<string, string>
): Draft[] {
  const events: Draft[] = []
  for (const item of history ?? []) {
    const { [key]: level, at, note } = item
    if (typeof level !== 'string' || !Object.hasOwn(names, level) || typeof at !== 'string') continue
    const event: Draft = { kind: key, at, label: `${key === 'stage' ? 'Stage' : 'Trust'}: ${names[level]}` }
    if (key === 'stage') event.stage = level as Stage
    else event.trust = level as TrustLevel
    if (typeof note === 'string' && note) event.note = note
    events.push(event)
  }
  return events
}

function commitmentEvents(client: StoredClient, zone: string): Draft[] {
  const events: Draft[] = []
  for (const c of client.commitments ?? []) {
    const target = { type: 'commitment', id: c.id } as const
    const mine = c.by === 'me'
    events.push({ kind: 'commitment-made', at: c.createdAt, label: `${mine ? 'You promised' : 'They promised'}: ${c.what}`, target })
    const { closedAt, history } = additionsOf(c)
    // Each history item is the state before a change; the state after it is the next item, or the commitment as it is now.
    history.forEach((before, index) => {
      const after = index + 1 < history.length ? history[index + 1]?.due : c.due
      if (before.due === undefined || after === undefined || before.due === after) return
      const from = dayOf(before.due, zone) ?? before.due
      const to = dayOf(after, zone) ?? after
      const event: Draft = { kind: 'commitment-moved', at: before.at, label: `Moved: ${c.what} — from ${shortDay(from, to)} to ${shortDay(to, to)}`, target }
      if (before.note) event.note = before.note
      events.push(event)
    })
    if (closedAt !== undefined && (c.status === 'done' || c.status === 'dropped')) {
      const kept = c.status === 'done'
      events.push({
        kind: kept ? 'commitment-kept' : 'commitment-dropped',
        at: closedAt,
        label: `${kept ? (mine ? 'Kept' : 'They kept') : 'Dropped'}: ${c.what}`,
        target
      })
    }
  }
  return events
}

/**
 * The relationship over time, oldest first: entries, interactions, stage and
 * trust changes, and commitments made, moved, kept or dropped. Each event
 * says what it opens (an entry, a commitment, an interaction). Events at the
 * same moment keep the order above; a plain day counts as its start.
 */
export function timelineOf(client: StoredClient, entries: readonly EntrySummary[], timeZone: string): TimelineEvent[] {
  const drafts: Draft[] = [
    ...levelEvents(client.stage?.history, 'stage', stageNames),
    ...levelEvents(client.trust?.history, 'trust', trustNames),
    ...entries.map((e): Draft => ({ kind: 'entry', at: e.created, label: e.title.trim() || 'Untitled entry', target: { type: 'entry', id: e.id } })),
    ...(client.interactions ?? []).map((i): Draft => ({
      kind: 'interaction',
      at: i.at,
      label: interactionLabel(i),
      target: { type: 'interaction', id: i.id },
      ...(i.note ? { note: i.note } : {})
    })),
    ...commitmentEvents(client, timeZone)
  ]
  return drafts
    .map((event, order) => ({ event, order, instant: instantOf(event.at, timeZone) ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => a.instant - b.instant || a.order - b.order)
    .map(({ event }) => ({ ...event, day: dayOf(event.at, timeZone) ?? event.at.slice(0, 10) }))
}
