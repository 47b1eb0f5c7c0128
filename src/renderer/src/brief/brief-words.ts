/**
 * The brief's words for the domain's values and its days, as the core's
 * Markdown says them (src/core/brief/brief-words.ts), so the page, the PDF
 * and the copied text read the same. The renderer cannot import the core.
 */
import type { Due } from '@shared/contract/relationship'
export { channelWords, detailWords, openingWords, outcomeWords, stageWords, trustWords } from '@shared/words'

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

function parts(day: string): { y: number; m: number; d: number } {
  const [y = 0, m = 1, d = 1] = day.slice(0, 10).split('-').map(Number)
  return { y, m, d }
}

/**
 * Days in the brief are calendar days already counted in the user's zone by
 * the core; they are formatted here by hand (not through Date in the local
 * zone) so a day never slips across midnight.
 */
export function shortDay(day: string, today: string): string {
  const { y, m, d } = parts(day)
  return `${d} ${MONTHS[m - 1] ?? ''}${y === parts(today).y ? '' : ` ${y}`}`
}

/** `Tue 25 Nov`, with the year when it is not this one's. */
export function weekdayDay(day: string, today: string): string {
  const { y, m, d } = parts(day)
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? ''} ${shortDay(day, today)}`
}

/** "Overdue since Tue 18 Nov", "Due today", "Due Tue 25 Nov": words, so colour is never the only signal. */
export function dueWords(due: Due, today: string): string {
  if (due.state === 'overdue') return `Overdue since ${due.days === 0 ? 'earlier today' : weekdayDay(due.day, today)}`
  return due.state === 'today' ? 'Due today' : `Due ${weekdayDay(due.day, today)}`
}

/** "in 3 days", "tomorrow". */
export function inDays(days: number): string {
  if (days === 0) return 'today'
  if (days === 1) return 'tomorrow'
  return days > 0 ? `in ${days} days` : `${-days} days ago`
}

export const capitalise = (s: string): string => (s ? `${s[0]?.toUpperCase()}${s.slice(1)}` : s)
