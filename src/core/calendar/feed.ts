import type { CalendarDetail } from '../../shared/contract/rhythm'
import { dayOf } from '../relationship/calendar'
import { cadenceDueDay } from '../relationship/cadence'
import { isActive } from '../relationship/commitments'
import { outreachOf } from '../relationship/outreach'
import { clientCadence } from '../relationship/reach-out'
import { readCadence } from '../relationship/cadence'
import { dealtWith, repeatProblem } from '../relationship/recurring-commitment'
import { firstOccurrence, readRule } from '../relationship/recurrence'
import type { ClientData } from '../relationship/stored-client'
import { contentLines, escapeText } from './ics-lines'
import { zoneDefinition } from './vtimezone'

/**
 * The iCalendar feed (RFC 5545): follow-ups, open commitments (recurring ones
 * with their RRULE, occurrences dealt with as EXDATEs), important dates
 * (yearly ones repeating) and the days each cadence falls due. A calendar app
 * that subscribes to or imports the file reminds the user on every device it
 * syncs to, with no Rapport server.
 *
 * The feed is a pure function of the clients: no "now" goes in (DTSTAMP is
 * when the item was made), so an unchanged vault gives the same bytes and the
 * file is not rewritten. Content lines are written by ics-lines.ts (escaping,
 * folding); tests read every feed back with ical.js, an independent parser.
 */
export interface FeedOptions {
  detail: CalendarDetail
  /** The user's zone: timed promises are wall-clock times there. */
  timeZone: string
}

const EPOCH = new Date(Date.UTC(2000, 0, 1))

/** `20261203` from `2026-12-03`; `20261203T090000` from `2026-12-03T09:00`. */
const compact = (at: string): string => (at.length > 10 ? `${at.slice(0, 16).replace(/[-:]/g, '')}00` : at.replace(/-/g, ''))
/** DTSTAMP: when the item was made, in UTC (`20261120T100000Z`). */
const stampOf = (iso: string | undefined): string => {
  const time = iso === undefined ? Number.NaN : Date.parse(iso)
  return `${(Number.isNaN(time) ? EPOCH : new Date(time)).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
}

/** The VEVENTs being written, as content lines. */
type Lines = string[]

function event(lines: Lines, uid: string, stamp: string, start: string, summary: string, rules: readonly string[] = []): void {
  lines.push('BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:${stamp}`, start, ...rules, `SUMMARY:${escapeText(summary)}`, 'END:VEVENT')
}

/** How much each event says: a calendar syncs to places the journal does not, so `private` names no one. */
function words(detail: CalendarDetail) {
  const full = detail === 'full'
  return {
    followUp: (name: string) => (full ? `Follow up with ${name}` : 'Rapport: follow up with a client'),
    promise: (name: string, what: string, mine: boolean) =>
      full ? (mine ? `Promise to ${name}: ${what}` : `${name} promised: ${what}`) : 'Rapport: a promise is due',
    date: (name: string, label: string) => (full ? `${name}: ${label}` : 'Rapport: an important date'),
    reachOut: (who: string) => (full ? `Reach out to ${who}` : 'Rapport: time to reach out to a client')
  }
}

function allDay(lines: Lines, uid: string, day: string, summary: string, stamp: string, rules?: readonly string[]): void {
  event(lines, uid, stamp, `DTSTART;VALUE=DATE:${compact(day)}`, summary, rules)
}

/**
 * How a timed promise's wall-clock time is written: with the zone's TZID when
 * its definition is known (the feed then carries that VTIMEZONE), floating
 * (the same clock time wherever the calendar is) when it is not.
 */
interface WallTime {
  /** `;TZID=Europe/London`, or nothing for floating times. */
  parameter: string
  /** Set once a timed event has used the zone: the feed adds its VTIMEZONE. */
  used: boolean
}

function addCommitments(lines: Lines, { id: clientId, name, data }: ClientData, say: ReturnType<typeof words>, zone: string, wall: WallTime): void {
  for (const commitment of data.commitments ?? []) {
    if (!isActive(commitment) || commitment.due === undefined) continue
    const first = firstOccurrence(commitment.due, zone)
    if (first === null) continue
    const summary = say.promise(name, commitment.what, commitment.by === 'me')
    const uid = `${commitment.id}.${clientId}@rapport`
    const stamp = stampOf(commitment.createdAt)
    const rule = commitment.repeat !== undefined && repeatProblem(commitment) === null ? readRule(commitment.repeat) : null
    const timed = first.length > 10
    if (timed) wall.used = true
    const rules: string[] = []
    if (rule?.ok) {
      rules.push(`RRULE:${rule.rule}`)
      // Occurrences dealt with (done or skipped) leave the calendar.
      const done = dealtWith(commitment).filter((on) => on.length === first.length)
      if (done.length > 0) rules.push(`EXDATE${timed ? wall.parameter : ';VALUE=DATE'}:${done.map(compact).join(',')}`)
    }
    // A timed promise is a wall-clock time in the user's zone, so it stays at 09:00 across a DST change.
    event(lines, uid, stamp, timed ? `DTSTART${wall.parameter}:${compact(first)}` : `DTSTART;VALUE=DATE:${compact(first)}`, summary, rules)
  }
}

/** The feed's text for these clients. */
export function calendarFeed(clients: readonly ClientData[], { detail, timeZone }: FeedOptions, quietAfterDays: number): string {
  const lines: Lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rapport//Rapport//EN', 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:Rapport']
  const say = words(detail)
  const definition = zoneDefinition(timeZone)
  const wall: WallTime = { parameter: definition ? `;TZID=${definition.tzid}` : '', used: false }
  const header = lines.length
  for (const client of clients) {
    const { id, name, data } = client
    const created = stampOf(data.createdAt)
    const followUp = data.followUp === undefined ? null : dayOf(data.followUp, timeZone)
    if (followUp !== null) allDay(lines, `follow-up.${id}@rapport`, followUp, say.followUp(name), created)

    addCommitments(lines, client, say, timeZone, wall)

    for (const [index, date] of (data.person?.dates ?? []).entries()) {
      const day = dayOf(date.date, timeZone)
      if (day === null) continue
      allDay(lines, `date-${index}.${id}@rapport`, day, say.date(name, date.label), created, date.repeats === 'once' ? [] : ['RRULE:FREQ=YEARLY'])
    }

    // A cadence of the user's own choosing falls due a cadence after the last conversation.
    if (data.stage?.current === 'paused' || data.stage?.current === 'ended') continue
    const interactions = data.interactions ?? []
    const spoke = outreachOf(interactions, EPOCH, timeZone).lastSpokeAt ?? data.createdAt
    const spokeDay = spoke === undefined ? null : dayOf(spoke, timeZone)
    const own = clientCadence(data.cadence, quietAfterDays)
    if (own.own && spokeDay !== null) allDay(lines, `reach-out.${id}@rapport`, cadenceDueDay(spokeDay, own.cadence), say.reachOut(name), created)
    for (const person of data.people ?? []) {
      const reading = person.cadence === undefined ? null : readCadence(person.cadence)
      if (!reading?.ok) continue
      const theirs =
        outreachOf(
          interactions.filter((i) => i.person === person.id),
          EPOCH,
          timeZone
        ).lastSpokeAt ?? spoke
      const theirDay = theirs === undefined ? null : dayOf(theirs, timeZone)
      if (theirDay !== null)
        allDay(lines, `reach-out-${person.id}.${id}@rapport`, cadenceDueDay(theirDay, reading.cadence), say.reachOut(`${person.name} (${name})`), created)
    }
  }
  // The zone's definition goes before the events, and only when a timed event refers to it.
  if (wall.used && definition) lines.splice(header, 0, ...definition.lines)
  lines.push('END:VCALENDAR')
  return contentLines(lines)
}
