import type { BriefLevel } from '../../shared/contract/brief'
import type { Stage, TrustLevel } from '../../shared/domain'
import { dayOf } from '../relationship/calendar'
import type { StoredClient } from '../relationship/stored-client'
import { timelineOf } from '../relationship/timeline'

export interface Standing {
  stage?: BriefLevel<Stage>
  trust?: BriefLevel<TrustLevel>
  clientSince?: string
}

/**
 * Where the relationship stands: the current stage and trust, each with the
 * day it was reached, and the first day Rapport knows of.
 *
 * The history is read by the timeline's rule (levels Rapport does not know
 * left out, oldest first, whatever order a hand edit left them in), so the
 * brief and the timeline never disagree. "Since" is the start of the latest
 * run of history items at the current level; when the history does not end
 * at that level (a hand edit changed `current` only), there is no "since".
 */
export function standingOf(client: StoredClient, timeZone: string): Standing {
  // Only the stage and trust histories are needed: the timeline is asked about a client that has nothing else.
  const levels = timelineOf({ format: client.format, id: client.id, name: client.name, stage: client.stage, trust: client.trust }, [], timeZone)
  const standing: Standing = {}
  const sinceOf = (kind: 'stage' | 'trust', current: string): string | undefined => {
    let since: string | undefined
    let previous: string | undefined
    for (const event of levels) {
      if (event.kind !== kind) continue
      const level = event.stage ?? event.trust
      since = level !== current ? undefined : previous === current ? since : event.day
      previous = level
    }
    return since
  }
  if (client.stage) {
    const since = sinceOf('stage', client.stage.current)
    standing.stage = since === undefined ? { level: client.stage.current } : { level: client.stage.current, since }
  }
  if (client.trust) {
    const since = sinceOf('trust', client.trust.current)
    standing.trust = since === undefined ? { level: client.trust.current } : { level: client.trust.current, since }
  }
  const known = [client.createdAt === undefined ? null : dayOf(client.createdAt, timeZone), levels[0]?.day ?? null]
  const first = known.filter((day): day is string => day !== null).sort()[0]
  if (first !== undefined) standing.clientSince = first
  return standing
}
