import type { CalendarDay } from '../relationship/calendar'
import { shortDay, splitDay } from '../relationship/calendar'
/** The words the brief uses for the domain's values live in shared/words.ts, shared with the app's brief page. */
export { channelWords, detailWords, openingWords, outcomeWords, stageWords, trustWords } from '../../shared/words'

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const

/** `Tue 25 Nov`, or `Tue 25 Nov 2025` when it is not this year (or the year is asked for): a day read at a glance. */
export function weekdayDay(day: CalendarDay, today: CalendarDay, options: { year?: boolean } = {}): string {
  const [y, m, d] = splitDay(day)
  // shortDay gives the year only when it is not this year's.
  const date = options.year && y === splitDay(today)[0] ? `${shortDay(day, today)} ${y}` : shortDay(day, today)
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? ''} ${date}`
}
