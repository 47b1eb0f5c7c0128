/**
 * The relationship itself (issue #5): profile, stage and trust, commitments,
 * interactions, the timeline, Today and desktop notifications.
 *
 * Input schemas are built from the schemas of client.json in `../domain`, so
 * what the contract accepts is exactly what the file may hold. Patches are
 * strict (a misspelt field is an error, not a silent no-op); a `null` value
 * removes a field, an absent one leaves it alone.
 */
import { z } from 'zod'
import type { ClientFile, ClientSummary, Stage, TrustLevel } from '../domain'
import {
  businessSchema,
  channels,
  clientFileSchema,
  commitmentAdditionsSchema,
  commitmentParties,
  commitmentSchema,
  commitmentStatuses,
  contactSchema,
  detailPreferences,
  directions,
  importantDateSchema,
  interactionSchema,
  openings,
  outcomes,
  personSchema,
  stages,
  styleSchema,
  trustLevels
} from '../domain'
import { id, returns } from './define'

// ---------------------------------------------------------------------------
// Building blocks

/**
 * The domain's date pattern also lets through `2026-02-30` and `25:00`;
 * a date typed into Rapport must be one that exists.
 */
export function isRealIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text)
  if (!match) return false
  const part = (i: number): number => Number(match[i] ?? 0)
  const [y, m, d] = [part(1), part(2), part(3)]
  const day = new Date(Date.UTC(y, m - 1, d))
  const realDay = day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d
  return realDay && part(4) < 24 && part(5) < 60 && part(6) < 60
}

/** An ISO 8601 date or timestamp, as in client.json, that names a real day. */
const realDate = commitmentSchema.shape.due.unwrap().refine(isRealIsoDate, 'must be a real date, like 2026-11-22')

/** Names like `Europe/London`; what `Intl` knows is what Rapport can compute with. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return zone.trim() !== ''
  } catch {
    return false
  }
}
export const hourClocks = ['12-hour', '24-hour'] as const
export type HourClock = (typeof hourClocks)[number]

/** A language tag `Intl` can format dates in. */
export function isKnownLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0
  } catch {
    return false
  }
}

const timeZone = z.string().max(64).refine(isKnownTimeZone, 'must be a time zone name like Europe/London or America/New_York')

/** The field may be set (to a valid value), removed (`null`) or left alone (absent). */
const settable = <T extends z.ZodType>(schema: T) => schema.nullable().optional()

export const note = z.string().max(2_000, 'A note can be at most 2,000 characters.')
const what = z.string().trim().min(1, 'Say what was promised.').pipe(commitmentSchema.shape.what)
/** An RRULE as typed; the core reads it (relationship/recurrence.ts) and says what is wrong with it. */
const repeatRule = z.string().trim().min(1).max(1_000)
const shortText = contactSchema.shape.email.unwrap()
const freeText = styleSchema.shape.notes.unwrap()

// ---------------------------------------------------------------------------
// The profile patch: contact, style, person, business, tags, organisation, role, follow-up

/** Contact details are open-ended (address, LinkedIn, an assistant's number): any text field may be added. */
export const contactPatch = z
  .object({
    email: settable(shortText),
    phone: settable(contactSchema.shape.phone.unwrap())
  })
  .catchall(settable(z.string().max(2_000)))

export const stylePatch = z.strictObject({
  channel: settable(z.enum(channels)),
  detail: settable(z.enum(detailPreferences)),
  opening: settable(z.enum(openings)),
  bestTimes: settable(freeText),
  timeZone: settable(timeZone),
  replyWithin: settable(freeText),
  notes: settable(freeText)
})

export const personPatch = z.strictObject({
  likes: settable(personSchema.shape.likes.unwrap()),
  dislikes: settable(personSchema.shape.dislikes.unwrap()),
  /** The whole list, as shown; each date keeps any fields it had (send them back as they came). */
  dates: settable(z.array(importantDateSchema.extend({ date: importantDateSchema.shape.date.refine(isRealIsoDate, 'must be a real date, like 1980-03-14') }))),
  notes: settable(freeText)
})

const businessPatch = z.strictObject({
  goals: settable(businessSchema.shape.goals.unwrap()),
  pressures: settable(businessSchema.shape.pressures.unwrap()),
  success: settable(businessSchema.shape.success.unwrap())
})

export const profilePatchSchema = z.strictObject({
  organisation: settable(clientFileSchema.shape.organisation.unwrap()),
  role: settable(clientFileSchema.shape.role.unwrap()),
  contact: contactPatch.optional(),
  style: stylePatch.optional(),
  person: personPatch.optional(),
  business: businessPatch.optional(),
  /** The whole list; trimmed, empty and repeated tags dropped. */
  tags: settable(clientFileSchema.shape.tags.unwrap()),
  /** The next follow-up date. */
  followUp: settable(realDate)
})
export type ProfilePatch = z.output<typeof profilePatchSchema>

export const commitmentChangeSchema = z.strictObject({
  status: z.enum(commitmentStatuses).optional(),
  /** A new due date; the previous one is kept in the commitment's `history`. `null` removes it. */
  due: settable(realDate),
  what: what.optional(),
  entry: settable(id),
  /** Why it changed (kept with the old due date). */
  note: note.optional(),
  /** An RFC 5545 RRULE (checked by the core); `null` makes it a one-off promise again. */
  repeat: settable(repeatRule)
})
export type CommitmentChange = z.output<typeof commitmentChangeSchema>

export const interactionChangeSchema = z.strictObject({
  at: realDate.optional(),
  channel: z.enum(channels).optional(),
  direction: z.enum(directions).optional(),
  outcome: z.enum(outcomes).optional(),
  note: settable(interactionSchema.shape.note.unwrap())
})
export type InteractionChange = z.output<typeof interactionChangeSchema>

export const settingsPatchSchema = z.strictObject({
  /** Days without a conversation after which a client counts as gone quiet. */
  quietAfterDays: z.number().int().min(1, 'must be at least 1 day').max(3_650).optional(),
  /** Days before an important date to remind. */
  remindDaysBefore: z.number().int().min(0).max(60).optional(),
  /** The user's own zone; `null` follows the computer's. */
  timeZone: settable(timeZone),
  /** Guidance from the essays on the profile and the brief (what a stage means, typical attempts); off hides it. */
  coaching: z.boolean().optional(),
  /** Keep a template's headings in an entry even when nothing was written under them. */
  keepEmptySections: z.boolean().optional(),
  /** The language dates are written in ("en-GB", "de"); `null` follows the computer's. */
  locale: settable(z.string().max(35).refine(isKnownLocale, 'must be a language tag like en-GB or de')),
  /** A 12-hour or 24-hour clock; `null` follows the language's habit. */
  clock: settable(z.enum(hourClocks))
})

// ---------------------------------------------------------------------------
// What the channels return

export type Commitment = z.output<typeof commitmentSchema> & z.output<typeof commitmentAdditionsSchema>
export type Interaction = z.output<typeof interactionSchema>

export type DueState = 'overdue' | 'today' | 'this-week' | 'later'
/** When something is due, seen from the user's calendar. */
export interface Due {
  /** The due day in the user's time zone. */
  day: string
  state: DueState
  /** Calendar days from today to `day`: 0 today, negative when late. */
  days: number
}

export interface Outreach {
  /** Attempts with no answer since the last conversation (all attempts when there was none). */
  unanswered: number
  /** When they last spoke (`at` of that interaction, as stored). */
  lastSpokeAt?: string
  /** One calm line, or nothing when there is nothing to say: "3 attempts since you last spoke, on 12 Oct". */
  sentence?: string
  /**
   * Beside it, on a client's detail with coaching on, what the user typically needs (issue #22):
   * "usually 4 with Dana, 3 across clients".
   */
  perseverance?: string
}

export interface Quiet {
  quiet: boolean
  /** The last conversation (or when the client was added, when there was none). */
  since?: string
  /** Calendar days since then. */
  days?: number
}

export type ClientLocalTime =
  | {
      valid: true
      timeZone: string
      day: string
      /** `14:05` on the client's wall clock. */
      time: string
      weekday: string
      /** Minutes the client is ahead of the user (negative: behind). */
      aheadOfUserMinutes: number
      /** "14:05 Tue, 5 hours behind you". */
      text: string
    }
  | { valid: false; timeZone: string; problem: string }

export interface UpcomingDate {
  /** Position in `person.dates`, to edit it. */
  index: number
  label: string
  /** As stored (a birthday keeps its year). */
  date: string
  repeats: 'yearly' | 'once'
  /** The next time it falls, today included. */
  next: string
  daysUntil: number
  /** When to start reminding. */
  remindOn: string
  reminderDue: boolean
  /** Years since the stored date, for a yearly date whose year is known (46th birthday). */
  years?: number
}

/** Everything the app works out about one client, in the user's time zone, at the moment of asking. */
export interface ClientInsights {
  outreach: Outreach
  quiet: Quiet
  /** Null when the client's time zone is not known. */
  localTime: ClientLocalTime | null
  importantDates: UpcomingDate[]
  followUp: Due | null
  commitments: { open: number; overdue: number; dueToday: number }
  /** Each recurring promise by id: the rule in words and the occurrence waiting (none once every one is dealt with). */
  recurring: Record<string, { repeat: string; occurrence?: string }>
}

export interface ClientDetail {
  /** The whole client.json, unknown fields included. */
  client: ClientFile
  summary: ClientSummary
  insights: ClientInsights
}

export interface CommitmentListItem {
  clientId: string
  clientName: string
  commitment: Commitment
  /** Null when it has no due date. */
  due: Due | null
  overdue: boolean
  /** Still to be kept: open or renegotiated. */
  active: boolean
  /** A recurring promise: the occurrence waiting (`due` is its date) and the rule in words. */
  occurrence?: string
  repeat?: string
  /** Put off from Today until this day. */
  snoozedUntil?: string
}

export type TimelineKind = 'entry' | 'interaction' | 'stage' | 'trust' | 'commitment-made' | 'commitment-moved' | 'commitment-kept' | 'commitment-dropped'

export interface TimelineEvent {
  kind: TimelineKind
  /** When it happened, as stored. */
  at: string
  /** That moment's day in the user's time zone. */
  day: string
  label: string
  note?: string
  /** What the event opens. */
  target?: { type: 'entry' | 'commitment' | 'interaction'; id: string }
  /** The level reached, for drawing stage and trust over time. */
  stage?: Stage
  trust?: TrustLevel
}

export interface TodayItem {
  clientId: string
  clientName: string
  /** A short line for people. */
  line: string
}
export interface TodayFollowUp extends TodayItem {
  due: Due
}
export interface TodayCommitment extends TodayItem {
  commitmentId: string
  by: 'me' | 'client'
  what: string
  due: Due
  /** A recurring promise: the occurrence waiting (its wall time, `2026-12-03` or `2026-12-03T09:00`), and the rule in words. */
  occurrence?: string
  repeat?: string
}
/** Someone past their keep-in-touch cadence (issue #16). */
export interface TodayReachOut extends TodayItem {
  /** The snooze key: `reach-out` for the client, `reach-out:<person id>` for a person. */
  key: string
  personId?: string
  personName?: string
  /** "every 2 weeks". */
  cadence: string
  /** The day contact was due. */
  due: string
  /** Calendar days since it was due (0: due today). */
  daysPast: number
  /** Time since the last conversation over the cadence: 1.5 is half a cadence late. Today orders by it. */
  pastCadence: number
  /** The last real conversation, as stored (absent: none yet). */
  lastSpokeAt?: string
  /** Attempts with no answer since then. */
  unanswered: number
}
export interface TodayDate extends TodayItem {
  label: string
  next: string
  daysUntil: number
}
export interface TodayQuiet extends TodayItem {
  days?: number
  since?: string
}
export interface TodayList {
  /** Today in the user's zone. */
  day: string
  timeZone: string
  followUps: TodayFollowUp[]
  /** Overdue first, oldest first. */
  commitments: { mine: TodayCommitment[]; theirs: TodayCommitment[] }
  /** The next seven days, today included. */
  importantDates: TodayDate[]
  quiet: TodayQuiet[]
  /** Past their cadence (or the vault's `quietAfterDays`), furthest past first; snoozed ones left out. */
  reachOut: TodayReachOut[]
}

export interface DesktopNotification {
  /** Stable for one item on one day: the shell may use it as the notification's tag. */
  key: string
  title: string
  body: string
  clientId: string
  /** For a follow-up or a commitment: what Done and Snooze on the notification act on (`follow-up`, `commitment:<id>`). */
  item?: string
}

export interface RelationshipSettings {
  quietAfterDays: number
  remindDaysBefore: number
  /** The zone every "today" and "overdue" is computed in. */
  timeZone: string
  /** True when no zone is chosen and the computer's is used. */
  usesSystemTimeZone: boolean
  /** Guidance from the essays is shown (rapport.json `coaching`, default true). */
  coaching: boolean
  /** A template heading with nothing under it is saved anyway (rapport.json `keepEmptySections`, default false). */
  keepEmptySections: boolean
  /** The language dates are written in (rapport.json `locale`); null: the computer's. */
  locale: string | null
  /** rapport.json `clock`; null: the language's habit. */
  clock: HourClock | null
}

// ---------------------------------------------------------------------------
// Channels

const clientId = id

export const relationshipContract = {
  'clients:get': { input: z.object({ id }), output: returns<ClientDetail>() },
  'clients:update-profile': { input: z.object({ id, patch: profilePatchSchema }), output: returns<ClientDetail>() },
  /** Moves the stage and records it in its history with the date and the note (a line of why). */
  'clients:set-stage': { input: z.object({ id, stage: z.enum(stages), note: note.optional() }), output: returns<ClientDetail>() },
  'clients:set-trust': { input: z.object({ id, trust: z.enum(trustLevels), note: note.optional() }), output: returns<ClientDetail>() },

  'commitments:add': {
    input: z.object({ clientId, by: z.enum(commitmentParties), what, due: realDate.optional(), entry: id.optional(), repeat: repeatRule.optional() }),
    output: returns<{ commitment: Commitment; client: ClientDetail }>()
  },
  'commitments:update': {
    input: commitmentChangeSchema.extend({ clientId, id }),
    output: returns<{ commitment: Commitment; client: ClientDetail }>()
  },
  /** Across all clients: overdue first, then by due date; without a due date last. Active ones only unless `include: 'all'`. */
  'commitments:list-all': {
    input: z.object({ include: z.enum(['active', 'all']).optional(), by: z.enum(commitmentParties).optional() }).optional(),
    output: returns<CommitmentListItem[]>()
  },

  'interactions:add': {
    input: z.object({
      clientId,
      /** Defaults to now. */
      at: realDate.optional(),
      channel: z.enum(channels),
      direction: z.enum(directions),
      outcome: z.enum(outcomes),
      note: interactionSchema.shape.note.unwrap().optional(),
      /** With one person at the client (a `people[].id`): it counts for their own cadence too. */
      person: id.optional()
    }),
    output: returns<{ interaction: Interaction; client: ClientDetail }>()
  },
  'interactions:update': {
    input: interactionChangeSchema.extend({ clientId, id }),
    output: returns<{ interaction: Interaction; client: ClientDetail }>()
  },
  'interactions:delete': { input: z.object({ clientId, id }), output: returns<ClientDetail>() },

  /** Oldest first. */
  'timeline:get': { input: z.object({ clientId }), output: returns<TimelineEvent[]>() },
  'today:get': { input: z.void(), output: returns<TodayList>() },
  /** For the shell to poll: the notifications to show now; each is returned once per day. */
  'notifications:due': { input: z.void(), output: returns<DesktopNotification[]>() },

  'settings:get': { input: z.void(), output: returns<RelationshipSettings>() },
  'settings:update': { input: settingsPatchSchema, output: returns<RelationshipSettings>() }
} as const
