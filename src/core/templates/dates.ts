/**
 * Calendar days as a person means them: in their own time zone, written
 * `2026-11-22`. Arithmetic is done on those day strings (through UTC
 * midnight), so summer time never makes a day 23 or 25 hours long.
 */

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

const pad = (n: number): string => String(n).padStart(2, '0')

/** The local calendar day of a moment: `2026-11-22`. */
export function localDay(moment: Date): string {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`
}

/** The local calendar day of an ISO date or timestamp; a bare date is already a day. Null when it is not a date. */
export function dayOf(iso: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  const moment = new Date(iso)
  return Number.isNaN(moment.getTime()) ? null : localDay(moment)
}

/** `2026-11` for the local month of an ISO date or timestamp. */
export function monthOf(iso: string): string | null {
  return dayOf(iso)?.slice(0, 7) ?? null
}

const utc = (day: string): Date => new Date(`${day}T00:00:00Z`)
const fromUtc = (d: Date): string => d.toISOString().slice(0, 10)

export function addDays(day: string, days: number): string {
  const d = utc(day)
  d.setUTCDate(d.getUTCDate() + days)
  return fromUtc(d)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000)
}

/** `Sunday 22 November 2026`: the same on every machine, whatever its locale data. */
export function longDate(day: string): string {
  const d = utc(day)
  return `${WEEKDAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

/** `2026-01` → `2026-02`: months for a chart's axis. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${year + 1}-01` : `${year}-${pad(m + 1)}`
}

// ---------------------------------------------------------------------------
// Due dates written in an item: "by Friday", "due 30 November", "by 2026-11-30"

const weekdayWords: Record<string, number> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tues: 2,
  tue: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thurs: 4,
  thur: 4,
  thu: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6
}
const monthWords: Record<string, number> = Object.fromEntries(
  MONTH_NAMES.flatMap((name, i) => [
    [name.toLowerCase(), i + 1],
    [name.slice(0, 3).toLowerCase(), i + 1]
  ]).concat([['sept', 9]])
)

const WEEKDAY = Object.keys(weekdayWords)
  .sort((a, b) => b.length - a.length)
  .join('|')
const MONTH = Object.keys(monthWords)
  .sort((a, b) => b.length - a.length)
  .join('|')
const ORDINAL = '(?:st|nd|rd|th)?'

/**
 * "by" or "due" followed by one of the date forms people write. "next
 * Friday" is deliberately not understood: people mean different Fridays by
 * it, and a wrong date is worse than none (the person can add one).
 */
const DUE = new RegExp(
  String.raw`(?:^|[\s(,;–—-])(?:by|due(?:\s+(?:by|on))?)\s+(?:` +
    String.raw`(?<iso>\d{4}-\d{2}-\d{2})` +
    String.raw`|(?<relative>today|tonight|tomorrow|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month))` +
    String.raw`|(?:this\s+)?(?<weekday>${WEEKDAY})` +
    String.raw`|(?<d1>\d{1,2})${ORDINAL}\s+(?:of\s+)?(?<m1>${MONTH})\.?(?:,?\s+(?<y1>\d{4}))?` +
    String.raw`|(?<m2>${MONTH})\.?\s+(?<d2>\d{1,2})${ORDINAL}(?:,?\s+(?<y2>\d{4}))?` +
    String.raw`)(?![\p{L}\p{N}-])`,
  'iu'
)

/** A real day, or null for 31 February and the like. */
function validDay(year: number, month: number, day: number): string | null {
  const iso = `${year}-${pad(month)}-${pad(day)}`
  return fromUtc(utc(iso)) === iso ? iso : null
}

function resolve(groups: Record<string, string | undefined>, today: string): string | null {
  if (groups.iso) return validDay(...(groups.iso.split('-').map(Number) as [number, number, number]))
  const weekdayToday = utc(today).getUTCDay()
  const relative = groups.relative
    ?.toLowerCase()
    .replace(/\bthe\s+/g, '')
    .replace(/\s+/g, ' ')
  if (relative) {
    if (relative === 'today' || relative === 'tonight' || relative === 'end of day') return today
    if (relative === 'tomorrow') return addDays(today, 1)
    if (relative.endsWith('week')) return addDays(today, (5 - weekdayToday + 7) % 7) // the working week ends on Friday
    const [year, month] = today.split('-').map(Number) as [number, number]
    return fromUtc(new Date(Date.UTC(year, month, 0)))
  }
  if (groups.weekday) {
    const wanted = weekdayWords[groups.weekday.toLowerCase()] ?? 0
    // "By Friday" written on a Friday means next Friday: today would have said "today".
    return addDays(today, ((wanted - weekdayToday + 6) % 7) + 1)
  }
  const monthWord = groups.m1 ?? groups.m2
  const dayNumber = Number(groups.d1 ?? groups.d2)
  const month = monthWord ? monthWords[monthWord.toLowerCase()] : undefined
  if (!month) return null
  const year = groups.y1 ?? groups.y2
  if (year) return validDay(Number(year), month, dayNumber)
  // No year: the next time that day comes round, today included.
  const thisYear = Number(today.slice(0, 4))
  const candidate = validDay(thisYear, month, dayNumber)
  if (candidate && candidate >= today) return candidate
  return validDay(thisYear + 1, month, dayNumber)
}

/**
 * Finds a due date in an item, relative to `today` (the entry's day). When
 * the date ends the item, it is taken out of the text, since "by Friday"
 * would read wrongly next month: `Send the scope by Friday` → `Send the
 * scope`, due `2026-11-27`.
 */
export function findDueDate(text: string, today: string): { due: string; text: string } | null {
  const match = DUE.exec(text)
  if (!match?.groups) return null
  const due = resolve(match.groups, today)
  if (!due) return null
  const start = match.index + (/^[\s(,;–—-]/.test(match[0]) ? 1 : 0)
  const after = text.slice(match.index + match[0].length)
  if (!/^[\s.!)]*$/.test(after)) return { due, text }
  const rest = text.slice(0, start).replace(/[\s,;:–—(-]+$/, '')
  return { due, text: rest || text }
}
