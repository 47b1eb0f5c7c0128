import type { ClientInsights } from '../../shared/contract/relationship'
import type { ClientSummary } from '../../shared/domain'
import { localDay } from './calendar'
import { clientLocalTime } from './client-time'
import { isActive } from './commitments'
import { dueOf, needsAttention } from './due'
import { upcomingDates } from './important-dates'
import { outreachOf } from './outreach'
import { quietOf } from './quiet'
import { commitmentNow } from './recurring-commitment'
import { cadenceProgress } from './reach-out'
import type { StoredClient } from './stored-client'
import type { Viewpoint } from './viewpoint'

function commitmentCounts(client: StoredClient, { now, settings }: Viewpoint): ClientInsights['commitments'] {
  const counts = { open: 0, overdue: 0, dueToday: 0 }
  for (const commitment of client.commitments ?? []) {
    const current = commitmentNow(commitment, settings.timeZone)
    if (!isActive(commitment) || current.finished) continue
    counts.open++
    const due = current.due === undefined ? null : dueOf(current.due, now, settings.timeZone)
    if (due?.state === 'overdue') counts.overdue++
    if (due?.state === 'today') counts.dueToday++
  }
  return counts
}

/** The recurring promises' rule in words and waiting occurrence, so the profile acts on one occurrence, not the series. */
function recurringOf(client: StoredClient, timeZone: string): ClientInsights['recurring'] {
  const recurring: ClientInsights['recurring'] = {}
  for (const commitment of client.commitments ?? []) {
    const current = commitmentNow(commitment, timeZone)
    if (current.repeatWords === undefined) continue
    recurring[commitment.id] = { repeat: current.repeatWords, ...(current.occurrence === undefined ? {} : { occurrence: current.occurrence }) }
  }
  return recurring
}

/** What the client list shows about the relationship: only what is cheap, since it runs for every client. */
export function summaryFields(client: StoredClient, view: Viewpoint): Partial<ClientSummary> {
  const { now, settings } = view
  const counts = commitmentCounts(client, view)
  const outreach = outreachOf(client.interactions ?? [], now, settings.timeZone)
  const fields: Partial<ClientSummary> = {
    openCommitments: counts.open,
    overdueCommitments: counts.overdue,
    unansweredAttempts: outreach.unanswered,
    followUpDue: needsAttention(client.followUp === undefined ? null : dueOf(client.followUp, now, settings.timeZone)),
    quiet: quietOf(
      { stage: client.stage?.current, lastSpokeAt: outreach.lastSpokeAt, createdAt: client.createdAt },
      settings.quietAfterDays,
      now,
      settings.timeZone
    ).quiet
  }
  const progress = cadenceProgress(client, settings.quietAfterDays, now, settings.timeZone, localDay(now, settings.timeZone))
  if (progress !== undefined) fields.cadenceProgress = Math.round(progress * 100) / 100
  if (client.trust) fields.trust = client.trust.current
  if (client.followUp !== undefined) fields.followUp = client.followUp
  return fields
}

/** Everything worked out about one client for its page, seen from the user's moment and zone. */
export function clientInsights(client: StoredClient, { now, settings, dates }: Viewpoint): ClientInsights {
  const zone = settings.timeZone
  const outreach = outreachOf(client.interactions ?? [], now, zone, dates)
  return {
    outreach,
    quiet: quietOf({ stage: client.stage?.current, lastSpokeAt: outreach.lastSpokeAt, createdAt: client.createdAt }, settings.quietAfterDays, now, zone),
    localTime: clientLocalTime(client.style?.timeZone, zone, now, dates),
    importantDates: upcomingDates(client.person?.dates ?? [], localDay(now, zone), settings.remindDaysBefore),
    followUp: client.followUp === undefined ? null : dueOf(client.followUp, now, zone),
    commitments: commitmentCounts(client, { now, settings }),
    recurring: recurringOf(client, zone)
  }
}
