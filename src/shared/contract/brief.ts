/**
 * The prep brief (issue #7): one page about a client, read in thirty seconds
 * before a call. The core assembles it (`src/core/brief/assemble-brief.ts`);
 * the app shows it and the CLI prints it, both from `brief:get` and
 * `brief:markdown`.
 *
 * Types only, besides the channel list: the renderer imports them, so this
 * file must not reach Node.
 */
import { z } from 'zod'
import type { ClientFile, Stage, TrustLevel, relations } from '../domain'
import type { Balance, CoachLine, ValueGiven } from './coach'
import type { ClientLocalTime, Commitment, Due, Interaction, UpcomingDate } from './relationship'
import { id, returns } from './define'

/** A list cut short to keep the brief on one page: `more` is how many were left out ("+3 more"). */
export interface Capped<T> {
  items: T[]
  more: number
}

/** A stage or trust level, and the day (in the user's zone) it was reached, when its history says. */
export interface BriefLevel<L extends string> {
  level: L
  since?: string
}

/** A link into the journal. */
export interface BriefEntryRef {
  entryId: string
  title: string
  /** Vault-relative path of the entry's file, as it was when the brief was made. */
  path: string
  /** The day it was written, in the user's zone. */
  day: string
}

/** Who they are and where the relationship stands. The client's name is on the brief itself. */
export interface BriefWho {
  kind: 'who'
  organisation?: string
  role?: string
  contact?: { email?: string; phone?: string }
  stage?: BriefLevel<Stage>
  trust?: BriefLevel<TrustLevel>
  /** The earliest day Rapport knows of: when they were added, or the first stage or trust recorded. */
  clientSince?: string
}

/** What the person learned about how the client likes to work (client.json `styleNotes`). */
export interface BriefStyleNote {
  text: string
  /** The day it was noted. */
  at?: string
  entryId?: string
}

type ClientStyle = NonNullable<ClientFile['style']>

export interface BriefStyle {
  kind: 'style'
  channel?: ClientStyle['channel']
  detail?: ClientStyle['detail']
  opening?: ClientStyle['opening']
  bestTimes?: string
  replyWithin?: string
  /** Their wall clock now, or why it cannot be told (a time zone Rapport does not know). */
  localTime?: ClientLocalTime
  notes?: string
  /** The most recent style notes, in the order they were written. */
  learned: Capped<BriefStyleNote>
}

export interface BriefCommitment {
  id: string
  what: string
  status: Commitment['status']
  /** Null without a due date (or with one that is not a real date). */
  due: Due | null
  overdue: boolean
  createdAt: string
  /** The entry where it was made. */
  entryId?: string
  /** A recurring promise: the rule in words ("every Thursday"); `due` is then the next occurrence. */
  repeat?: string
}

/** Open commitments both ways, each list overdue first, then by due date, undated last. */
export interface BriefCommitments {
  kind: 'commitments'
  mine: Capped<BriefCommitment>
  theirs: Capped<BriefCommitment>
}

/** What the journal says about a conversation. */
export interface BriefGist extends BriefEntryRef {
  /**
   * `summary`: the entry's Summary / Gist / What happened section; `section`: a reflection's own section that says what it
   * came to ("What I learned", "How I will repair it"), quoted by its heading; `excerpt`: its first lines.
   */
  source: 'summary' | 'section' | 'excerpt'
  /** The heading the summary was found under. */
  heading?: string
  /** Plain text, shortened; empty when the entry has no words yet. */
  text: string
  /**
   * The same words with the entry's structure: each heading starts a part, each paragraph or list item is an item,
   * so "What I promised Send the scope Ask next time…" never runs together. Absent when the gist is one run of text.
   */
  parts?: BriefGistPart[]
}

/** A stretch of an entry's gist: the heading it was under (none before the first) and its items. */
export interface BriefGistPart {
  heading?: string
  items: string[]
}

export interface BriefConversation {
  interactionId: string
  /** As stored. */
  at: string
  /** Its day in the user's zone. */
  day: string
  channel: Interaction['channel']
  direction: Interaction['direction']
  outcome: Interaction['outcome']
  note?: string
  /** The entry linked to it, or else the one written for this client that day. */
  gist?: BriefGist
}

/** The latest real conversations, newest first. */
export interface BriefConversations extends Capped<BriefConversation> {
  kind: 'conversations'
}

/** Outreach since the last conversation, the next follow-up, and value given both ways. */
export interface BriefOutreach {
  kind: 'outreach'
  unanswered: number
  lastSpokeAt?: string
  /** "3 attempts since you last spoke, on 12 Oct"; absent when no attempt is waiting. */
  sentence?: string
  /** What the user typically needs, "usually 4 with Dana, 3 across clients"; with coaching on and attempts waiting. */
  perseverance?: string
  followUp?: Due
  /** Value given both ways (interactions with outcome `value-shared`); present when any was ever logged. */
  value?: ValueGiven
}

/** Where the relationship stands: the essays' guidance for its stage and trust rung, and its balance. */
export interface BriefRelationship {
  kind: 'relationship'
  /** What the stage means and what moves it on (coaching on). */
  stage?: BriefLevel<Stage> & CoachLine
  trust?: BriefLevel<TrustLevel> & CoachLine
  balance?: Balance
}

export interface BriefQuestion {
  id: string
  text: string
  createdAt?: string
  entryId?: string
}

/** The points of the newest feedback/retrospective entry, by heading ("What changes", "What worked", "What did not"). */
export interface BriefRetrospective extends BriefEntryRef {
  points: { heading: string; items: Capped<string> }[]
}

export interface BriefNextTime {
  kind: 'next-time'
  /** Questions not yet asked: the most recent, in the order they were added. */
  questions: Capped<BriefQuestion>
  retrospective?: BriefRetrospective
}

export interface BriefPerson {
  kind: 'person'
  likes: Capped<string>
  dislikes: Capped<string>
  /** Important dates in the coming weeks, soonest first. */
  dates: Capped<UpcomingDate>
  notes?: string
}

/** One of the client's people (client.json `people`), as the brief shows them. */
export interface BriefStakeholder {
  personId: string
  name: string
  role?: string
  relation?: (typeof relations)[number]
  trust?: TrustLevel
  /** How they like to do business, from their own `style`. */
  channel?: ClientStyle['channel']
  detail?: ClientStyle['detail']
  opening?: ClientStyle['opening']
  likes: Capped<string>
  dislikes: Capped<string>
  /** The day (in the user's zone) of the newest recent entry of this client that mentions them: why they are near the top. */
  mentioned?: string
}

/** The people likely on the call: mentioned in the latest entries first (most recent first), then sponsors and decision makers, then the rest. */
export interface BriefPeople extends Capped<BriefStakeholder> {
  kind: 'people'
}

export interface BriefBusiness {
  kind: 'business'
  goals?: string
  pressures?: string
  success?: string
}

export type BriefSection =
  BriefWho | BriefRelationship | BriefStyle | BriefPeople | BriefCommitments | BriefConversations | BriefOutreach | BriefNextTime | BriefPerson | BriefBusiness
export type BriefSectionKind = BriefSection['kind']
export type BriefSectionOf<K extends BriefSectionKind> = Extract<BriefSection, { kind: K }>

/** The order of the page: what matters in the next minutes first. */
export const briefSectionOrder = [
  'who',
  'relationship',
  'style',
  'people',
  'commitments',
  'conversations',
  'outreach',
  'next-time',
  'person',
  'business'
] as const satisfies readonly BriefSectionKind[]

export interface Brief {
  clientId: string
  name: string
  /** The moment it was assembled, and the user's zone every day in it is counted in. */
  asOf: { at: string; day: string; time: string; timeZone: string }
  /** In `briefSectionOrder`; a section with nothing to say is left out. */
  sections: BriefSection[]
}

/** The section of a kind, when the brief has it. */
export function briefSection<K extends BriefSectionKind>(brief: Pick<Brief, 'sections'>, kind: K): BriefSectionOf<K> | undefined {
  return brief.sections.find((s): s is BriefSectionOf<K> => s.kind === kind)
}

export const briefContract = {
  'brief:get': { input: z.object({ clientId: id }), output: returns<Brief>() },
  /** The same brief as Markdown (to copy, print or save), with a file name to suggest. */
  'brief:markdown': { input: z.object({ clientId: id }), output: returns<{ markdown: string; fileName: string }>() }
} as const
