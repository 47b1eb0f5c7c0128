import type { ClientFile } from '../../shared/domain'
import { isConversation } from '../relationship/outreach'
import { dayOf, localDay } from './dates'
import type { PlaceholderContext } from './placeholders'

/**
 * Facts about a client that templates use, read from client.json as it is on
 * disk (lowdb's data, not the schema's output: a hand-written file may leave
 * out a list), never written.
 */

type Interaction = ClientFile['interactions'][number]

/** The moment of an interaction, or null when its date cannot be read. */
export function momentOf(i: Interaction): number | null {
  const t = Date.parse(i.at)
  return Number.isNaN(t) ? null : t
}

/**
 * The day of the last real conversation up to now, by the same rule as the
 * client's outreach count (`isConversation`), so "days since" agrees with it.
 * One logged for the future has not happened yet.
 */
export function lastConversationDay(client: ClientFile, now: Date): string | undefined {
  let last: Interaction | undefined
  let lastAt = -Infinity
  for (const i of client.interactions ?? []) {
    const at = momentOf(i)
    if (at === null || at > now.getTime() || !isConversation(i)) continue
    if (at > lastAt) [last, lastAt] = [i, at]
  }
  return last ? (dayOf(last.at) ?? undefined) : undefined
}

/** Open commitments, both ways, the soonest due first and those with no date last. */
export function openCommitmentsOf(client: ClientFile): NonNullable<PlaceholderContext['openCommitments']> {
  return (client.commitments ?? [])
    .filter((k) => k.status === 'open')
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.createdAt.localeCompare(b.createdAt))
    .map((k) => ({ by: k.by, what: k.what, ...(k.due ? { due: dayOf(k.due) ?? k.due } : {}) }))
}

/** Everything placeholders can show for an entry started now, for this client (or none). */
export function placeholderContext(client: ClientFile | null, now: Date): PlaceholderContext {
  const context: PlaceholderContext = { today: localDay(now) }
  if (!client) return context
  context.client = client.organisation ? { name: client.name, organisation: client.organisation } : { name: client.name }
  const last = lastConversationDay(client, now)
  if (last) context.lastConversation = last
  context.openCommitments = openCommitmentsOf(client)
  return context
}
