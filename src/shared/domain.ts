/**
 * The domain's vocabulary and the documented file format of `client.json`
 * (see DESIGN.md). These schemas are used both to validate what crosses the
 * IPC contract and to read files a person may have edited by hand, so every
 * object is "loose": fields Rapport does not know are kept, untouched.
 */
import { z } from 'zod'

export const CLIENT_FORMAT = 1

export const channels = ['email', 'phone', 'video', 'in-person', 'chat'] as const
export const detailPreferences = ['detail', 'big-picture'] as const
export const openings = ['small-talk-first', 'straight-to-business'] as const
export const stages = ['first-contact', 'first-meeting', 'engaged', 'feedback', 'long-term', 'paused', 'ended'] as const
export const trustLevels = ['fringe', 'friend', 'familiar', 'faithful', 'forever'] as const
export const commitmentParties = ['me', 'client'] as const
export const commitmentStatuses = ['open', 'done', 'renegotiated', 'dropped'] as const
export const directions = ['out', 'in'] as const
export const outcomes = ['no-reply', 'left-message', 'conversation', 'meeting', 'value-shared'] as const
export const relations = ['sponsor', 'decision-maker', 'influencer', 'user', 'blocker'] as const
/** One occurrence of a recurring commitment is kept or passed over, each on its own. */
export const occurrenceStatuses = ['done', 'skipped'] as const

export type Stage = (typeof stages)[number]
export type TrustLevel = (typeof trustLevels)[number]

/** `2026-11-22` or a full ISO 8601 timestamp. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO 8601 date like 2026-11-22')

const text = z.string().max(20_000)

export const contactSchema = z.looseObject({
  email: z.string().max(320).optional(),
  phone: z.string().max(64).optional(),
  /** More addresses and numbers than the first (a contacts import brings them). */
  otherEmails: z.array(z.string().max(320)).optional(),
  otherPhones: z.array(z.string().max(64)).optional()
})

export const styleSchema = z.looseObject({
  channel: z.enum(channels).optional(),
  detail: z.enum(detailPreferences).optional(),
  opening: z.enum(openings).optional(),
  bestTimes: text.optional(),
  timeZone: z.string().max(64).optional(),
  replyWithin: text.optional(),
  notes: text.optional()
})

/** An important date happens every year (a birthday, the default) or once (a launch, a renewal). */
export const dateRepeats = ['yearly', 'once'] as const

export const importantDateSchema = z.looseObject({
  label: text,
  date: isoDate,
  repeats: z.enum(dateRepeats).optional()
})

export const personSchema = z.looseObject({
  likes: z.array(text).optional(),
  dislikes: z.array(text).optional(),
  dates: z.array(importantDateSchema).optional(),
  notes: text.optional()
})

export const businessSchema = z.looseObject({
  goals: text.optional(),
  pressures: text.optional(),
  success: text.optional()
})

const historyItem = <T extends z.ZodType>(value: T, key: string) => z.looseObject({ [key]: value, at: isoDate, note: text.optional() })

export const stageSchema = z.looseObject({
  current: z.enum(stages),
  history: z.array(historyItem(z.enum(stages), 'stage')).default([])
})

export const trustSchema = z.looseObject({
  current: z.enum(trustLevels),
  history: z.array(historyItem(z.enum(trustLevels), 'trust')).default([])
})

export const commitmentSchema = z.looseObject({
  id: z.string().min(1),
  by: z.enum(commitmentParties),
  what: text.min(1),
  due: isoDate.optional(),
  status: z.enum(commitmentStatuses),
  createdAt: isoDate,
  entry: z.string().optional(),
  /** When it stopped being open (done or dropped). */
  closedAt: isoDate.optional(),
  /** Before every change of due date or status, what they were (`at` is when it changed; `note` says why). */
  history: z.array(z.looseObject({ at: isoDate, due: isoDate.optional(), status: z.enum(commitmentStatuses).optional(), note: text.optional() })).optional(),
  /** A recurring promise: an RFC 5545 RRULE (`FREQ=WEEKLY;BYDAY=TH`) whose first occurrence is `due`. Checked by doctor, not here, so a bad hand edit is reported and kept. */
  repeat: z.string().max(1_000).optional(),
  /** Each occurrence of a recurring promise that was dealt with: `on` is that occurrence's due date. */
  occurrences: z.array(z.looseObject({ on: isoDate, status: z.enum(occurrenceStatuses), at: isoDate, note: text.optional() })).optional()
})

/** The fields Rapport adds to a documented commitment, read on their own. */
export const commitmentAdditionsSchema = commitmentSchema.pick({ closedAt: true, history: true, repeat: true, occurrences: true })

/** How often to be in touch (`2 weeks`, `monthly`, `quarterly`); read by relationship/cadence.ts, which reports a bad one rather than refusing the file. */
const cadence = z.string().max(100).optional()

/** What was learned about how the client likes to work, each with the entry it came from (added from a reflection). */
export const styleNoteSchema = z.looseObject({ text: text.min(1), entry: z.string().optional(), at: isoDate.optional() })

/** Something to ask next time, for the prep brief; `askedAt` is set once asked. */
export const questionSchema = z.looseObject({
  id: z.string().min(1),
  text: text.min(1),
  entry: z.string().optional(),
  createdAt: isoDate.optional(),
  askedAt: isoDate.optional()
})

export const interactionSchema = z.looseObject({
  id: z.string().min(1),
  at: isoDate,
  channel: z.enum(channels),
  direction: z.enum(directions),
  outcome: z.enum(outcomes),
  note: text.optional(),
  /** The person at the client it was with (a `people[].id`), for that person's own keep-in-touch cadence. */
  person: z.string().max(200).optional()
})

export const stakeholderSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1).max(300),
  role: text.optional(),
  relation: z.enum(relations).optional(),
  contact: contactSchema.optional(),
  style: styleSchema.optional(),
  person: personSchema.optional(),
  trust: trustSchema.optional(),
  notes: text.optional(),
  /** The template a new entry about this person starts from (a template id). */
  defaultTemplate: z.string().max(200).optional(),
  /** How often to be in touch with this person; absent: the client's rhythm covers them. */
  cadence
})

/** The whole of `clients/<slug>/client.json`. */
export const clientFileSchema = z.looseObject({
  format: z.number().int().positive(),
  id: z.string().min(1),
  name: z.string().min(1).max(300),
  organisation: text.optional(),
  role: text.optional(),
  contact: contactSchema.optional(),
  style: styleSchema.optional(),
  person: personSchema.optional(),
  business: businessSchema.optional(),
  stage: stageSchema.optional(),
  trust: trustSchema.optional(),
  commitments: z.array(commitmentSchema).default([]),
  interactions: z.array(interactionSchema).default([]),
  people: z.array(stakeholderSchema).default([]),
  followUp: isoDate.optional(),
  tags: z.array(z.string().max(100)).default([]),
  styleNotes: z.array(styleNoteSchema).optional(),
  questions: z.array(questionSchema).optional(),
  createdAt: isoDate.optional(),
  /** The template new entries for this client start from (a template id); absent: a blank entry. */
  defaultTemplate: z.string().max(200).optional(),
  /** How often to be in touch; absent: the vault's `quietAfterDays`. */
  cadence,
  /** Items on Today put off until a day (`follow-up`, `reach-out`, `reach-out:<person id>`, `commitment:<id>`, `date:<label>`): hidden until then. */
  snoozes: z.record(z.string().max(300), isoDate).optional()
})

export type ClientFile = z.infer<typeof clientFileSchema>

/** A display name typed by a person: trimmed, not empty, not absurdly long. */
export const displayName = z
  .string()
  .trim()
  .min(1, 'A name cannot be empty.')
  .max(300, 'A name can be at most 300 characters.')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'A name cannot contain control characters.')

/** What the client list needs to show, without the whole file. */
export interface ClientSummary {
  id: string
  name: string
  organisation?: string
  stage?: Stage
  entryCount: number
  /** The vault is still reading its entries: `entryCount` and `lastEntryAt` are not known yet. */
  counting?: true
  /** ISO timestamp of the newest entry, for sorting by recent activity. */
  lastEntryAt?: string
  /** Path relative to the vault, for people and error messages. */
  path: string
  /** Set when `client.json` cannot be read: the client is shown, read-only, with this reason. */
  problem?: string
  trust?: TrustLevel
  /** Commitments still to be kept, both ways (open or renegotiated). */
  openCommitments?: number
  /** Of those, how many are past their due date in the user's time zone. */
  overdueCommitments?: number
  /** Outreach attempts with no answer since the last real conversation. */
  unansweredAttempts?: number
  /** The next follow-up date, as stored. */
  followUp?: string
  /** The follow-up is due today or overdue. */
  followUpDue?: boolean
  /** No conversation for longer than the user's chosen interval (never for paused or ended clients). */
  quiet?: boolean
  /** Days since the last conversation over the client's keep-in-touch cadence: 1 is due today, above 1 past it (issue #16). */
  cadenceProgress?: number
}

export interface EntrySummary {
  id: string
  clientId: string | null
  title: string
  created: string
  updated: string
  template?: string
  tags: string[]
  excerpt: string
  /** Path relative to the vault. */
  path: string
  /** Conflicting copies of this entry's file (from a sync tool, or kept by Rapport), vault-relative. */
  conflicts?: string[]
}

export interface Entry extends EntrySummary {
  /** The Markdown body, without front matter. */
  body: string
  /** The front matter's other simple fields (a template's `mood`, a person's own keys), as they are in the file. */
  fields: Record<string, string | number | boolean>
  /** Opaque token for the file's content as read; sent back on save to detect changes made by others. */
  version: string
}

/** A file in the vault that could not be read as what it should be. */
export interface VaultProblem {
  path: string
  reason: string
}

export interface VaultInfo {
  root: string
  name: string
  format: number
  /** True the first time this vault was opened (just created). */
  created: boolean
  readOnly: boolean
  /** Why the vault is read-only, in words for people. */
  readOnlyReason?: string
  /** The clients are listed, but the entries are still being read (a large vault just opened): counts are not known yet. */
  readingEntries?: true
  /** How many entries belong to no client (0 while the entries are still being read). */
  unfiledEntries: number
  /** Set when this open updated a vault written by an older Rapport; the files it changed were copied to `backup` first. */
  migrated?: { from: number; to: number; backup: string }
  problems: VaultProblem[]
}
