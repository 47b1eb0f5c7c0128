import type { Quiet } from '../../shared/contract/relationship'
import type { Stage } from '../../shared/domain'
import { dayOf, daysBetween, localDay } from './calendar'

export const DEFAULT_QUIET_AFTER_DAYS = 30

/** A relationship on hold or over is not "quiet": silence is what was agreed. */
const RESTING: ReadonlySet<Stage> = new Set<Stage>(['paused', 'ended'])

export interface QuietInput {
  stage?: Stage | undefined
  /** The last conversation, meeting or contact from them (see outreach.ts). */
  lastSpokeAt?: string | undefined
  /** When the client was added: the start of the silence when you have never spoken. */
  createdAt?: string | undefined
}

/**
 * Gone quiet: no conversation for longer than the user's chosen number of
 * days, counted in calendar days in the user's zone (so a conversation
 * yesterday evening is "1 day" whatever the hour). With neither a
 * conversation nor a creation date there is nothing to measure from.
 */
export function quietOf(client: QuietInput, quietAfterDays: number, now: Date, timeZone: string): Quiet {
  const since = client.lastSpokeAt ?? client.createdAt
  const sinceDay = since === undefined ? null : dayOf(since, timeZone)
  if (since === undefined || sinceDay === null) return { quiet: false }
  const days = daysBetween(sinceDay, localDay(now, timeZone))
  const resting = client.stage !== undefined && RESTING.has(client.stage)
  return { quiet: !resting && days > quietAfterDays, since, days }
}
