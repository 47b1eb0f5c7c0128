/**
 * Words for the domain's values, and dates as people read them. One place,
 * so the profile, the timeline, Today and the commitments view say the same.
 */
import { channels, commitmentStatuses, outcomes, stages, trustLevels } from '@shared/domain'
import type { Due } from '@shared/contract/relationship'
export { stageWords, trustWords } from '@shared/words'

export type Channel = (typeof channels)[number]
export type Outcome = (typeof outcomes)[number]
export type CommitmentStatus = (typeof commitmentStatuses)[number]

export const channelWords: Record<Channel, string> = {
  email: 'Email',
  phone: 'Phone',
  video: 'Video',
  'in-person': 'In person',
  chat: 'Chat'
}

export const outcomeWords: Record<Outcome, string> = {
  'no-reply': 'No reply',
  'left-message': 'Left a message',
  conversation: 'Conversation',
  meeting: 'Meeting',
  'value-shared': 'Shared something of value'
}

export const statusWords: Record<CommitmentStatus, string> = {
  open: 'Open',
  done: 'Done',
  renegotiated: 'Renegotiated',
  dropped: 'Dropped'
}

export { channels, commitmentStatuses, outcomes, stages, trustLevels }

/** `2026-11-12` (or a timestamp) → "12 Nov" this year, "12 Nov 2025" otherwise. */
export function shortDate(iso: string, today = new Date()): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)
  if (Number.isNaN(date.getTime())) return iso
  const sameYear = date.getFullYear() === today.getFullYear()
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) })
}

/** The day part of an ISO date or timestamp. */
export const dayOf = (iso: string): string => iso.slice(0, 10)

/** "Overdue since 12 Nov", "Due today", "Due tomorrow", "Due 28 Nov" — words, so colour is never the only signal. */
export function dueWords(due: Due): string {
  if (due.state === 'overdue') return `Overdue since ${shortDate(due.day)}`
  if (due.days === 0) return 'Due today'
  if (due.days === 1) return 'Due tomorrow'
  return `Due ${shortDate(due.day)}`
}

/** Today in the computer's zone as `2026-11-23`, for date inputs. */
export function localToday(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`
