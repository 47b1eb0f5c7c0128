/**
 * The essays as a coach (issue #22): where the relationship stands and what
 * moves it, the balance of the relationship, value given both ways, and
 * perseverance told against the user's own rhythm. The core works it out
 * (`src/core/coach/`); the profile shows it and the brief repeats it.
 *
 * Types and the channel list only: the renderer imports this file.
 */
import { z } from 'zod'
import type { Interaction } from './relationship'
import type { Stage, TrustLevel } from '../domain'
import { id, returns } from './define'

/** One coaching line: what a stage or trust rung means, and what tends to move it to the next. */
export interface CoachLine {
  means: string
  next: string
}

/** Every line, as shipped in `resources/guidance/<language>.yaml`. */
export interface Guidance {
  stages: Record<Stage, CoachLine>
  trust: Record<TrustLevel, CoachLine>
}

/** The three parts of a good relationship, each rated 1–5 in a reflection's front matter. */
export const balanceParts = ['mutual', 'professional', 'personal'] as const
export type BalancePart = (typeof balanceParts)[number]
/** From the first rating of a part to the latest; `once` when it was rated only once. */
export type BalanceTrend = 'up' | 'down' | 'steady' | 'once'

export interface Balance {
  /** Each part rated at least once: its latest value and trend. */
  parts: Partial<Record<BalancePart, { value: number; trend: BalanceTrend; ratings: number }>>
  /** The day of the latest rating, and its entry. */
  day: string
  entryId: string
  /** The day of the first rating. */
  since: string
  /** Reflections that rated any part. */
  ratings: number
}

/** The last time value was given, one way. */
export interface ValueMark {
  day: string
  interactionId: string
  channel: Interaction['channel']
  note?: string
}

/** Interactions with outcome `value-shared`: `out` you gave, `in` they gave. */
export interface ValueGiven {
  given: number
  received: number
  lastGiven?: ValueMark
  lastReceived?: ValueMark
}

export interface Perseverance {
  /** Attempts with no answer since the last conversation. */
  unanswered: number
  /** Median attempts before a conversation with this client, from the user's history (absent with too little history). */
  withClient?: number
  /** The same across every client. */
  acrossClients?: number
  /** "It usually takes you 4 attempts with Dana before a conversation (3 across clients)."; absent when nothing is waiting. */
  sentence?: string
  /** The same in a few words for the brief's outreach line: "usually 4 with Dana, 3 across clients". */
  brief?: string
}

/** What the profile shows about the relationship. */
export interface CoachView {
  /** The user's setting (`coaching` in rapport.json): off, there are no guidance lines and no perseverance sentence. */
  coaching: boolean
  stage?: { level: Stage; line?: CoachLine }
  trust?: { level: TrustLevel; line?: CoachLine }
  balance: Balance | null
  value: ValueGiven
  perseverance: Perseverance
}

export const coachContract = {
  'coach:client': { input: z.object({ clientId: id }), output: returns<CoachView>() },
  /** The sections of an entry's template with their prompts, filled for its client: shown in the editor as placeholders, never saved. */
  'templates:prompts': { input: z.object({ entryId: id }), output: returns<TemplatePrompt[]>() }
} as const

/** One section of a template: its heading and the guidance under it. */
export interface TemplatePrompt {
  /** The heading as the entry has it (placeholders filled). */
  heading: string
  /** The italic guidance under it, as plain text; empty when the template gives none. */
  prompt: string
}
