import type { Due, TodayCommitment, TodayDate, TodayFollowUp, TodayList, TodayQuiet, TodayReachOut } from '../../shared/contract/relationship'
import type { CalendarDay } from './calendar'
import { WEEK_DAYS, dayOf, localDay, shortDay } from './calendar'
import { isActive } from './commitments'
import { byUrgency, dueOf, needsAttention } from './due'
import { upcomingDates } from './important-dates'
import { outreachOf } from './outreach'
import { quietOf } from './quiet'
import { byPastCadence, reachOutOf } from './reach-out'
import { commitmentNow } from './recurring-commitment'
import { snoozeKey, snoozedUntil } from './snoozes'
import type { ClientData } from './stored-client'
import { count, datePhrase, duePhrase, relativeDays } from './wording'
import type { Viewpoint } from './viewpoint'
import type { DateStyle } from '../../shared/dates'

const byName = (a: { clientName: string }, b: { clientName: string }): number =>
  a.clientName.localeCompare(b.clientName, undefined, { sensitivity: 'base', numeric: true })

function quietLine(days: number, lastSpokeAt: string | undefined, zone: string, today: CalendarDay, dates: DateStyle | undefined): string {
  const spoke = lastSpokeAt === undefined ? null : dayOf(lastSpokeAt, zone)
  if (spoke === null) return `No conversation in the ${count(days, 'day')} since they were added`
  return `No conversation for ${count(days, 'day')} — last on ${shortDay(spoke, today, {}, dates)}`
}

function followUpLine(due: Due, today: CalendarDay, dates: DateStyle | undefined): string {
  return due.days === 0 ? 'Follow up today' : `Follow up — planned for ${shortDay(due.day, today, {}, dates)} (${relativeDays(due.days)})`
}

/**
 * The Today list: what needs the user now, across every client — follow-ups
 * due or late, commitments due or late (the user's own apart from the
 * clients', late ones first), important dates in the coming week, and clients
 * gone quiet. Each item carries a short line for people.
 */
export function todayList(clients: readonly ClientData[], { now, settings, dates }: Viewpoint): TodayList {
  const zone = settings.timeZone
  const today = localDay(now, zone)
  const followUps: TodayFollowUp[] = []
  const mine: TodayCommitment[] = []
  const theirs: TodayCommitment[] = []
  const importantDates: TodayDate[] = []
  const quiet: TodayQuiet[] = []
  const reachOut: TodayReachOut[] = []

  for (const client of clients) {
    const { id: clientId, name: clientName, data } = client
    // A snoozed item waits for its day (issue #16).
    const snoozed = (key: string): boolean => snoozedUntil(data, key, today, zone) !== null
    const followUp = data.followUp === undefined ? null : dueOf(data.followUp, now, zone)
    if (needsAttention(followUp) && !snoozed(snoozeKey.followUp)) {
      followUps.push({ clientId, clientName, due: followUp, line: followUpLine(followUp, today, dates) })
    }

    for (const commitment of data.commitments ?? []) {
      const current = commitmentNow(commitment, zone)
      const due = current.due === undefined ? null : dueOf(current.due, now, zone)
      if (!isActive(commitment) || current.finished || !needsAttention(due) || snoozed(snoozeKey.commitment(commitment.id))) continue
      const who = commitment.by === 'me' ? 'You promised' : 'They promised'
      const repeat = current.repeatWords === undefined ? '' : ` (${current.repeatWords})`
      const item: TodayCommitment = {
        clientId,
        clientName,
        commitmentId: commitment.id,
        by: commitment.by,
        what: commitment.what,
        due,
        line: `${who} “${commitment.what}”${repeat} — ${duePhrase(due, today, dates)}`
      }
      if (current.occurrence !== undefined) item.occurrence = current.occurrence
      if (current.repeatWords !== undefined) item.repeat = current.repeatWords
      ;(commitment.by === 'me' ? mine : theirs).push(item)
    }

    for (const date of upcomingDates(data.person?.dates ?? [], today, settings.remindDaysBefore)) {
      if (date.daysUntil >= WEEK_DAYS) break
      if (snoozed(snoozeKey.date(date.label))) continue
      importantDates.push({
        clientId,
        clientName,
        label: date.label,
        next: date.next,
        daysUntil: date.daysUntil,
        line: datePhrase(date.label, date.next, date.daysUntil, today, dates)
      })
    }

    const outreach = outreachOf(data.interactions ?? [], now, zone, dates)
    const silence = quietOf({ stage: data.stage?.current, lastSpokeAt: outreach.lastSpokeAt, createdAt: data.createdAt }, settings.quietAfterDays, now, zone)
    if (silence.quiet && silence.days !== undefined && silence.since !== undefined) {
      quiet.push({ clientId, clientName, days: silence.days, since: silence.since, line: quietLine(silence.days, outreach.lastSpokeAt, zone, today, dates) })
    }
    reachOut.push(...reachOutOf(client, settings.quietAfterDays, now, zone, today))
  }

  const urgent = (a: { due: Due; clientName: string }, b: { due: Due; clientName: string }): number => byUrgency(a.due, b.due) || byName(a, b)
  return {
    day: today,
    timeZone: zone,
    followUps: followUps.sort(urgent),
    commitments: { mine: mine.sort(urgent), theirs: theirs.sort(urgent) },
    importantDates: importantDates.sort((a, b) => a.daysUntil - b.daysUntil || byName(a, b)),
    quiet: quiet.sort((a, b) => (b.days ?? 0) - (a.days ?? 0) || byName(a, b)),
    reachOut: reachOut.sort(byPastCadence)
  }
}
