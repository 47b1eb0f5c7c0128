import type { Interaction, Outreach } from '../../shared/contract/relationship'
import { dayOf, instantOf, localDay, shortDay } from './calendar'
import type { DateStyle } from '../../shared/dates'
import { count } from './wording'

/** Outcomes that mean the two of you actually connected. */
const SPOKE = new Set<Interaction['outcome']>(['conversation', 'meeting', 'value-shared'])

/**
 * A real conversation: one where you connected, or any contact they started
 * (a reply, a call back) — after that the next move is yours, not another
 * unanswered attempt.
 */
export const isConversation = (i: Pick<Interaction, 'direction' | 'outcome'>): boolean => i.direction === 'in' || SPOKE.has(i.outcome)

/** An attempt of yours that did not reach them. */
const isAttempt = (i: Pick<Interaction, 'direction' | 'outcome'>): boolean =>
  i.direction === 'out' && (i.outcome === 'no-reply' || i.outcome === 'left-message')

/**
 * Interactions in the order they happened. A plain day counts as its first
 * moment in the user's zone; ties keep the order of the file, which is the
 * order they were added.
 */
export function chronological<T extends Pick<Interaction, 'at'>>(interactions: readonly T[], timeZone: string): T[] {
  return interactions
    .map((item, index) => ({ item, index, at: instantOf(item.at, timeZone) ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ item }) => item)
}

/**
 * Unanswered attempts since the last real conversation, and when that was.
 * It usually takes several attempts before one conversation; the count is
 * there to make that visible, never to scold.
 */
export function outreachOf(interactions: readonly Interaction[], now: Date, timeZone: string, dates?: DateStyle): Outreach {
  let unanswered = 0
  let lastSpokeAt: string | undefined
  for (const interaction of chronological(interactions, timeZone)) {
    if (isConversation(interaction)) {
      unanswered = 0
      lastSpokeAt = interaction.at
    } else if (isAttempt(interaction)) unanswered++
  }
  const result: Outreach = { unanswered }
  if (lastSpokeAt !== undefined) result.lastSpokeAt = lastSpokeAt
  const sentence = outreachSentence(unanswered, lastSpokeAt, now, timeZone, dates)
  if (sentence) result.sentence = sentence
  return result
}

/**
 * One calm line about outreach, stating facts only: "3 attempts since you
 * last spoke, on 12 Oct", "No conversation yet — 2 attempts so far".
 * Nothing when there is nothing to say (no attempts waiting).
 */
export function outreachSentence(unanswered: number, lastSpokeAt: string | undefined, now: Date, timeZone: string, dates?: DateStyle): string | undefined {
  if (unanswered === 0) return undefined
  const attempts = count(unanswered, 'attempt')
  const spokeDay = lastSpokeAt === undefined ? null : dayOf(lastSpokeAt, timeZone)
  if (spokeDay === null) return `No conversation yet — ${attempts} so far`
  return `${attempts} since you last spoke, on ${shortDay(spokeDay, localDay(now, timeZone), {}, dates)}`
}
