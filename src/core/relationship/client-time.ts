import type { ClientLocalTime } from '../../shared/contract/relationship'
import { DEFAULT_DATE_STYLE, timeOfDay } from '../../shared/dates'
import type { DateStyle } from '../../shared/dates'
import { isValidTimeZone, offsetMinutes, wallClock } from './calendar'
import { count } from './wording'

/** `5 hours`, `5½ hours`, `5 h 45 min`, `30 minutes`: zone differences people say out loud. */
function span(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (rest === 0) return count(hours, 'hour')
  if (hours === 0) return count(rest, 'minute')
  if (rest === 30) return `${hours}½ hours`
  return `${hours} h ${rest} min`
}

/**
 * What time it is for the client now, from their working style's zone
 * (`clientZone`), and how far ahead of or behind the user they are — to pick
 * a humane moment to call. The time is written as `dates` says (the user's
 * language and 12/24-hour clock), like every other time in the app.
 * Null when the client's zone is not set; a zone Rapport does not know is
 * reported as such, never a crash, since the file may have been edited by hand.
 */
export function clientLocalTime(clientZone: string | undefined, userZone: string, now: Date, dates: DateStyle = DEFAULT_DATE_STYLE): ClientLocalTime | null {
  if (clientZone === undefined || clientZone.trim() === '') return null
  if (!isValidTimeZone(clientZone)) {
    return {
      valid: false,
      timeZone: clientZone,
      problem: `"${clientZone}" is not a time zone Rapport knows; use a name like Europe/London or America/New_York.`
    }
  }
  const wall = wallClock(now, clientZone)
  const time = timeOfDay(now.toISOString(), { ...dates, timeZone: clientZone })
  const ahead = offsetMinutes(now, clientZone) - offsetMinutes(now, userZone)
  const relation = ahead === 0 ? 'same time as you' : `${span(Math.abs(ahead))} ${ahead > 0 ? 'ahead of' : 'behind'} you`
  return {
    valid: true,
    timeZone: clientZone,
    day: wall.day,
    time,
    weekday: wall.weekday,
    aheadOfUserMinutes: ahead,
    text: `${time} ${wall.weekday}, ${relation}`
  }
}
