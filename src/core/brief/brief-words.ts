import type { BriefStyle } from '../../shared/contract/brief'
import type { Interaction } from '../../shared/contract/relationship'
import type { Stage, TrustLevel } from '../../shared/domain'
import type { CalendarDay } from '../relationship/calendar'
import { shortDay, splitDay } from '../relationship/calendar'

/** The words the brief uses for the domain's values, as a person would say them. */

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

export const channelWords: Record<Interaction['channel'], string> = { email: 'Email', phone: 'Phone', video: 'Video call', 'in-person': 'In person', chat: 'Chat' }

export const outcomeWords: Record<Interaction['outcome'], string> = {
  'no-reply': 'no reply',
  'left-message': 'left a message',
  conversation: 'conversation',
  meeting: 'meeting',
  'value-shared': 'shared something of value'
}

export const detailWords: Record<NonNullable<BriefStyle['detail']>, string> = { detail: 'the detail', 'big-picture': 'the big picture' }

export const openingWords: Record<NonNullable<BriefStyle['opening']>, string> = {
  'small-talk-first': 'small talk first',
  'straight-to-business': 'straight to business'
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const

/** `Tue 25 Nov`, or `Tue 25 Nov 2025` when it is not this year (or the year is asked for): a day read at a glance. */
export function weekdayDay(day: CalendarDay, today: CalendarDay, options: { year?: boolean } = {}): string {
  const [y, m, d] = splitDay(day)
  // shortDay gives the year only when it is not this year's.
  const date = options.year && y === splitDay(today)[0] ? `${shortDay(day, today)} ${y}` : shortDay(day, today)
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? ''} ${date}`
}
