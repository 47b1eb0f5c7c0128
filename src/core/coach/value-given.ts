import type { ValueGiven } from '../../shared/contract/coach'
import { dayOf, instantOf } from '../relationship/calendar'
import type { StoredInteraction } from '../relationship/stored-client'

/**
 * Value given, both ways: an interaction whose outcome is `value-shared` —
 * an article passed on, an introduction made, a hard question asked, feedback
 * asked for. `direction: out` is what you gave, `in` what they did for you.
 * Built on the documented interaction fields, so no new field is needed.
 */
export function valueGivenOf(interactions: readonly StoredInteraction[], now: Date, timeZone: string): ValueGiven {
  const result: ValueGiven = { given: 0, received: 0 }
  let lastOut = Number.NEGATIVE_INFINITY
  let lastIn = Number.NEGATIVE_INFINITY
  for (const i of interactions) {
    if (i.outcome !== 'value-shared') continue
    const at = instantOf(i.at, timeZone)
    // One logged for later has not been given yet.
    if (at === null || at > now.getTime()) continue
    const day = dayOf(i.at, timeZone) ?? i.at.slice(0, 10)
    const mark = { day, interactionId: i.id, channel: i.channel, ...(i.note?.trim() ? { note: i.note.trim() } : {}) }
    if (i.direction === 'out') {
      result.given++
      if (at >= lastOut) [lastOut, result.lastGiven] = [at, mark]
    } else {
      result.received++
      if (at >= lastIn) [lastIn, result.lastReceived] = [at, mark]
    }
  }
  return result
}
