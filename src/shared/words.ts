/**
 * The words people read for the domain's values, in one place: the brief (in
 * the app, on paper and as Markdown), the timeline, the profile and Today all
 * say the same thing. Runs in the core and in the renderer.
 */
import type { Stage, TrustLevel } from './domain'
import type { channels, commitmentStatuses, detailPreferences, openings, outcomes } from './domain'
import type { ExtractKind } from './contract/templates'

export const stageWords: Record<Stage, string> = {
  'first-contact': 'First contact',
  'first-meeting': 'First meeting',
  engaged: 'Engaged',
  feedback: 'Feedback',
  'long-term': 'Long-term',
  paused: 'Paused',
  ended: 'Ended'
}

export const trustWords: Record<TrustLevel, string> = { fringe: 'Fringe', friend: 'Friend', familiar: 'Familiar', faithful: 'Faithful', forever: 'Forever' }

export const channelWords: Record<(typeof channels)[number], string> = {
  email: 'Email',
  phone: 'Phone',
  video: 'Video call',
  'in-person': 'In person',
  chat: 'Chat'
}

/** Lower case: they follow a channel ("Phone · no reply"). */
export const outcomeWords: Record<(typeof outcomes)[number], string> = {
  'no-reply': 'no reply',
  'left-message': 'left a message',
  conversation: 'conversation',
  meeting: 'meeting',
  'value-shared': 'shared something of value'
}

export const detailWords: Record<(typeof detailPreferences)[number], string> = { detail: 'the detail', 'big-picture': 'the big picture' }

export const openingWords: Record<(typeof openings)[number], string> = {
  'small-talk-first': 'small talk first',
  'straight-to-business': 'straight to business'
}

export const statusWords: Record<(typeof commitmentStatuses)[number], string> = { open: 'Open', done: 'Done', renegotiated: 'Renegotiated', dropped: 'Dropped' }

/** `1 attempt`, `3 attempts`. */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** `No reply` from `no reply`: a word that starts a label. */
export const capitalise = (s: string): string => (s ? `${s[0]?.toUpperCase()}${s.slice(1)}` : s)

/** What each kind of item a reflection offers becomes in the client record (the app's offer and `rapport record`). */
export const extractKindWords: Record<ExtractKind, string> = {
  'style-note': 'Working-style note',
  'commitment-mine': 'My commitment',
  'commitment-theirs': 'Their commitment',
  question: 'Question to ask'
}
