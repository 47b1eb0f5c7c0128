import type {
  Brief,
  BriefBusiness,
  BriefCommitment,
  BriefCommitments,
  BriefConversation,
  BriefConversations,
  BriefNextTime,
  BriefOutreach,
  BriefPerson,
  BriefRetrospective,
  BriefSection,
  BriefStyle,
  BriefWho
} from '../../shared/contract/brief'
import type { DateStyle } from '../../shared/dates'
import type { Entry, EntrySummary } from '../../shared/domain'
import { shorten } from '../../shared/markdown'
import { RapportError } from '../errors'
import { dayOf, instantOf, localDay, wallClock } from '../relationship/calendar'
import { clientLocalTime } from '../relationship/client-time'
import { isActive } from '../relationship/commitments'
import { byUrgency, dueOf } from '../relationship/due'
import { commitmentNow } from '../relationship/recurring-commitment'
import { DEFAULT_REMIND_DAYS_BEFORE, upcomingDates } from '../relationship/important-dates'
import { chronological, isConversation, outreachOf } from '../relationship/outreach'
import type { StoredClient } from '../relationship/stored-client'
import type { ClientRecord } from '../clients/client-store'
import type { TemplateDefinition } from '../templates/template-file'
import { clientFolder, layout, toVaultPath } from '../fs/layout'
import type { Vault } from '../vault/vault'
import { openQuestionsOf, styleNotesOf } from './client-notes'
import { entriesOnDays, gistCandidates, gistOf } from './conversation-gist'
import { briefLimits, capped, cappedRecent } from './limits'
import { peopleOf } from './people-on-the-call'
import { RETROSPECTIVE_TEMPLATE, retrospectiveOf } from './retrospective'
import { relationshipSectionOf } from './relationship-section'
import { standingOf } from './standing'
import type { Guidance } from '../../shared/contract/coach'
import { everyonesRuns } from '../coach/client-coach'
import { attemptsBeforeConversations, perseveranceOf } from '../coach/perseverance'
import { valueGivenOf } from '../coach/value-given'

export interface BriefOptions {
  now: Date
  /** The user's zone: every "today", "overdue" and day in the brief is counted in it. */
  timeZone: string
  /** Days ahead an important date starts being reminded of (the user's setting). */
  remindDaysBefore?: number
  /** Where templates are read (the person's edited copy wins), to tell a retrospective's prompts from their answers. */
  templates?: { usable(id: string): Promise<TemplateDefinition> }
  /** The essays' guidance, when the user's coaching setting is on: what each stage and rung means, and typical attempts. */
  guidance?: Guidance
  /** How times are written (the user's language and 12/24-hour clock); the default style when not given. */
  dates?: DateStyle
}

/** What every section is worked out from: the client as on disk, their journal (in memory) and the moment. */
interface Sources {
  vault: Vault
  client: StoredClient
  /** The client's entries, newest first, as listed (no file read). */
  entries: EntrySummary[]
  now: Date
  zone: string
  today: string
  options: BriefOptions
}

/**
 * The prep brief of one client: the single place it is assembled, for the
 * app (`brief:get`, `brief:markdown`) and the CLI alike.
 *
 * Every rule comes from the relationship and template modules (what is
 * overdue, the outreach sentence, the client's local time, the coming dates,
 * what counts as a conversation or a point); this only chooses, orders and
 * cuts, so the page says what the rest of the app says. The journal is read
 * from memory; only the few entries quoted are opened (one per conversation
 * shown, and the last retrospective), and, when the client has people, the
 * newest few are scanned for who they mention (people-on-the-call.ts).
 */
/** The client a brief is about and its client.json; one that cannot be read has no brief. */
function clientOfBrief(vault: Vault, clientId: string): { record: ClientRecord; client: StoredClient } {
  const record = vault.clients.get(clientId)
  if (!record.data) {
    const path = toVaultPath(clientFolder(record.slug), layout.clientFile)
    throw new RapportError('broken-file', `${path} cannot be read (${record.problem}), so there is no brief for this client until it is fixed.`, path)
  }
  return { record, client: record.data }
}

/** Whose brief it is and the day it is for, without assembling it: all a file name needs. */
export function briefSubject(
  vault: Vault,
  clientId: string,
  { now, timeZone }: Pick<BriefOptions, 'now' | 'timeZone'>
): { name: string; asOf: { day: string } } {
  return { name: clientOfBrief(vault, clientId).client.name.trim(), asOf: { day: localDay(now, timeZone) } }
}

export async function assembleBrief(vault: Vault, clientId: string, options: BriefOptions): Promise<Brief> {
  const { record, client } = clientOfBrief(vault, clientId)
  const { now, timeZone: zone } = options
  const sources: Sources = { vault, client, entries: vault.entries.list(record.id), now, zone, today: localDay(now, zone), options }

  const [conversations, nextTime, people, relationship] = await Promise.all([
    conversationsOf(sources),
    nextTimeOf(sources),
    peopleOf(vault, client.people ?? [], sources.entries, zone),
    relationshipSectionOf(vault, client, sources.entries, { zone, guidance: options.guidance })
  ])
  const sections: Array<BriefSection | null> = [
    whoOf(sources),
    relationship,
    styleOf(sources),
    people,
    commitmentsOf(sources),
    conversations,
    outreachSectionOf(sources),
    nextTime,
    personOf(sources),
    businessOf(sources)
  ]
  const clock = wallClock(now, zone)
  return {
    clientId: record.id,
    name: client.name.trim(),
    asOf: {
      at: now.toISOString(),
      day: sources.today,
      time: `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`,
      timeZone: zone
    },
    sections: sections.filter((s): s is BriefSection => s !== null)
  }
}

// ---------------------------------------------------------------------------
// Text as a person left it: trimmed, and nothing when nothing is left. What
// can run long (a commitment, a note, goals) is cut to about two printed lines.
//
// One rule for every field of client.json, as in every other view (Today, the
// Commitments view, the timeline, search, the export): a field is not Markdown,
// so it shows as typed. Only text quoted from an entry (a conversation's gist,
// a retrospective's points) is read as Markdown, by the excerpt rule.

/** A one-line field (a role, best times) as a person meant it: spaces around and inside tidied. */
const clean = (text: string | undefined): string | undefined => (text?.trim() ? text.replace(/\s+/g, ' ').trim() : undefined)
/**
 * What a person typed into a field (goals, a note, a commitment, a question, a style note kept from a reflection):
 * not Markdown, so shown exactly as typed — a `file_name`, `2 * 3`, `<Q2>` or `123<a …>x</a>` keeps every
 * character — on one line, cut to about two printed lines.
 */
const typed = (text: string | undefined): string | undefined => {
  const line = clean(text)
  return line ? shorten(line, briefLimits.textChars) : undefined
}
const words = (list: readonly string[] | undefined): string[] => (list ?? []).map((s) => s.trim()).filter(Boolean)

/** Copies the fields that have a value, so an absent one is absent in the JSON too. */
function defined<T extends object>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> }
}

// ---------------------------------------------------------------------------
// The sections, in the order of the page

function whoOf({ client, zone }: Sources): BriefWho | null {
  const contact = defined({ email: clean(client.contact?.email), phone: clean(client.contact?.phone) })
  const who: BriefWho = {
    kind: 'who',
    ...defined({ organisation: clean(client.organisation), role: clean(client.role) }),
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
    ...standingOf(client, zone)
  }
  return Object.keys(who).length > 1 ? who : null
}

function styleOf({ client, zone, now, options }: Sources): BriefStyle | null {
  const style = client.style ?? {}
  const learned = cappedRecent(
    styleNotesOf(client).map((n) => ({
      text: typed(n.text) ?? '',
      ...defined({ at: n.at === undefined ? undefined : (dayOf(n.at, zone) ?? undefined), entryId: n.entry })
    })),
    briefLimits.styleNotes
  )
  const fields = defined({
    channel: style.channel,
    detail: style.detail,
    opening: style.opening,
    bestTimes: clean(style.bestTimes),
    replyWithin: clean(style.replyWithin),
    localTime: clientLocalTime(style.timeZone, zone, now, options.dates) ?? undefined,
    notes: typed(style.notes)
  })
  if (Object.keys(fields).length === 0 && learned.items.length === 0) return null
  return { kind: 'style', ...fields, learned }
}

function commitmentsOf({ client, now, zone }: Sources): BriefCommitments | null {
  const active = (client.commitments ?? []).filter(isActive).flatMap((c) => {
    // A recurring promise shows its next occurrence; one whose occurrences are all dealt with is not shown.
    const current = commitmentNow(c, zone)
    if (current.finished) return []
    const due = current.due === undefined ? null : dueOf(current.due, now, zone)
    const item: BriefCommitment = {
      id: c.id,
      what: typed(c.what) ?? '',
      status: c.status,
      due,
      overdue: due?.state === 'overdue',
      createdAt: c.createdAt,
      ...defined({ entryId: c.entry, repeat: current.repeatWords })
    }
    return { by: c.by, item }
  })
  if (active.length === 0) return null
  active.sort((a, b) => byUrgency(a.item.due, b.item.due) || a.item.createdAt.localeCompare(b.item.createdAt))
  const by = (party: 'me' | 'client'): BriefCommitment[] => active.filter((c) => c.by === party).map((c) => c.item)
  return { kind: 'commitments', mine: capped(by('me'), briefLimits.commitmentsEachWay), theirs: capped(by('client'), briefLimits.commitmentsEachWay) }
}

async function conversationsOf({ vault, client, entries, now, zone }: Sources): Promise<BriefConversations | null> {
  // Real conversations by the outreach rule, newest first; one logged for later has not happened yet.
  const spoken = chronological(client.interactions ?? [], zone)
    .filter((i) => isConversation(i) && (instantOf(i.at, zone) ?? Number.POSITIVE_INFINITY) <= now.getTime())
    .reverse()
  if (spoken.length === 0) return null
  const shown = capped(spoken, briefLimits.conversations)
  const days = shown.items.map((i) => dayOf(i.at, zone) ?? i.at.slice(0, 10))
  const sameDay = entriesOnDays(entries, new Set(days), zone)
  const items = await Promise.all(
    shown.items.map(async (interaction, index): Promise<BriefConversation> => {
      const day = days[index] ?? interaction.at.slice(0, 10)
      const entry = await firstReadable(vault, gistCandidates(interaction, sameDay.get(day) ?? [], zone))
      return {
        interactionId: interaction.id,
        at: interaction.at,
        day,
        channel: interaction.channel,
        direction: interaction.direction,
        outcome: interaction.outcome,
        ...defined({ note: typed(interaction.note), gist: entry ? gistOf(entry, zone) : undefined })
      }
    })
  )
  return { kind: 'conversations', items, more: shown.more }
}

function outreachSectionOf({ vault, client, now, zone, options }: Sources): BriefOutreach | null {
  const outreach = outreachOf(client.interactions ?? [], now, zone)
  const followUp = client.followUp === undefined ? null : dueOf(client.followUp, now, zone)
  const given = valueGivenOf(client.interactions ?? [], now, zone)
  const value = given.given + given.received > 0 ? given : undefined
  if (outreach.sentence === undefined && followUp === null && value === undefined) return null
  // Beside the count, what this user typically needs (coaching on, attempts waiting): the other clients are read only then.
  const perseverance =
    options.guidance && outreach.unanswered > 0
      ? perseveranceOf(outreach.unanswered, attemptsBeforeConversations(client.interactions ?? [], zone), everyonesRuns(vault, zone), client.name).brief
      : undefined
  return {
    kind: 'outreach',
    unanswered: outreach.unanswered,
    ...defined({ lastSpokeAt: outreach.lastSpokeAt, sentence: outreach.sentence, perseverance, followUp: followUp ?? undefined, value })
  }
}

async function nextTimeOf({ vault, client, entries, zone, options }: Sources): Promise<BriefNextTime | null> {
  const questions = cappedRecent(
    openQuestionsOf(client).map((q) => ({ id: q.id, text: typed(q.text) ?? '', ...defined({ createdAt: q.createdAt, entryId: q.entry }) })),
    briefLimits.questions
  )
  const retrospective = await lastRetrospective(vault, entries, zone, options)
  if (questions.items.length === 0 && !retrospective) return null
  return { kind: 'next-time', questions, ...defined({ retrospective: retrospective ?? undefined }) }
}

function personOf({ client, today, options }: Sources): BriefPerson | null {
  const person = client.person ?? {}
  const coming = upcomingDates(person.dates ?? [], today, options.remindDaysBefore ?? DEFAULT_REMIND_DAYS_BEFORE).filter(
    (d) => d.daysUntil <= briefLimits.comingUpDays
  )
  const section: BriefPerson = {
    kind: 'person',
    likes: capped(words(person.likes), briefLimits.likes),
    dislikes: capped(words(person.dislikes), briefLimits.likes),
    dates: capped(coming, briefLimits.dates),
    ...defined({ notes: typed(person.notes) })
  }
  const empty = section.likes.items.length + section.dislikes.items.length + section.dates.items.length === 0 && section.notes === undefined
  return empty ? null : section
}

function businessOf({ client }: Sources): BriefBusiness | null {
  const business = client.business ?? {}
  const fields = defined({ goals: typed(business.goals), pressures: typed(business.pressures), success: typed(business.success) })
  return Object.keys(fields).length === 0 ? null : { kind: 'business', ...fields }
}

// ---------------------------------------------------------------------------
// Reading the few entries the brief quotes

/**
 * The first of these entries that can be opened. A gist is a courtesy: an
 * entry that is gone or cannot be read is passed over, never a reason for
 * the brief to fail.
 */
async function firstReadable(vault: Vault, ids: readonly string[]): Promise<Entry | null> {
  for (const id of ids) {
    try {
      return await vault.entries.read(id)
    } catch (error) {
      if (!(error instanceof RapportError)) throw error
    }
  }
  return null
}

/** The newest retrospective entry's points; nothing when it has none yet (or cannot be read). */
async function lastRetrospective(vault: Vault, entries: readonly EntrySummary[], zone: string, options: BriefOptions): Promise<BriefRetrospective | null> {
  const newest = entries.find((e) => e.template === RETROSPECTIVE_TEMPLATE)
  if (!newest) return null
  const [entry, template] = await Promise.all([
    firstReadable(vault, [newest.id]),
    options.templates?.usable(RETROSPECTIVE_TEMPLATE).catch(() => null) ?? Promise.resolve(null)
  ])
  return entry ? retrospectiveOf(entry, template, zone) : null
}
