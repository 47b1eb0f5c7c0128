import type { CalendarDay } from './calendar'
import { addDays, daysInMonth, formatDay, splitDay } from './calendar'

/**
 * A keep-in-touch cadence: how often to be in touch with a client or a
 * person ("every 2 weeks", "monthly", "quarterly"). Stored in client.json as
 * the text a person would write (`"2 weeks"`), so a hand edit reads naturally;
 * this module is the one place that reads it.
 */
export type CadenceUnit = 'day' | 'week' | 'month' | 'year'
export interface Cadence {
  count: number
  unit: CadenceUnit
}

export type CadenceReading = { ok: true; cadence: Cadence } | { ok: false; problem: string }

const NAMED: Readonly<Record<string, Cadence>> = {
  daily: { count: 1, unit: 'day' },
  weekly: { count: 1, unit: 'week' },
  fortnightly: { count: 2, unit: 'week' },
  biweekly: { count: 2, unit: 'week' },
  monthly: { count: 1, unit: 'month' },
  quarterly: { count: 3, unit: 'month' },
  'half-yearly': { count: 6, unit: 'month' },
  yearly: { count: 1, unit: 'year' },
  annually: { count: 1, unit: 'year' }
}

const UNIT_OF: Readonly<Record<string, CadenceUnit>> = { d: 'day', day: 'day', w: 'week', week: 'week', m: 'month', month: 'month', y: 'year', year: 'year' }

/** Beyond ten years a cadence means "never"; more often than daily is not keeping in touch, it is a chat. */
const MAX_DAYS = 3_650
const APPROX_DAYS: Readonly<Record<CadenceUnit, number>> = { day: 1, week: 7, month: 30, year: 365 }

export const CADENCE_EXAMPLES = '“2 weeks”, “monthly”, “quarterly”, “10 days” or “none”'

/** Reads `2 weeks`, `every 2 weeks`, `2w`, `monthly`, `quarterly`… (any case). */
export function readCadence(text: string): CadenceReading {
  const plain = text
    .trim()
    .toLowerCase()
    .replace(/^every\s+/, '')
  const named = NAMED[plain] ?? NAMED[`${plain}ly`]
  if (named) return { ok: true, cadence: named }
  const match = /^(\d{1,4})\s*(d|w|m|y|days?|weeks?|months?|years?)$/.exec(plain)
  const unit = match ? UNIT_OF[(match[2] ?? '').replace(/s$/, '')] : undefined
  if (!match || !unit) return { ok: false, problem: `“${text.slice(0, 60)}” is not a cadence Rapport knows; write it like ${CADENCE_EXAMPLES}` }
  const count = Number(match[1])
  if (count < 1 || count * APPROX_DAYS[unit] > MAX_DAYS)
    return { ok: false, problem: `“${text.slice(0, 60)}” is out of range: a cadence is between 1 day and 10 years` }
  return { ok: true, cadence: { count, unit } }
}

/** The stored form: `2 weeks`, `1 month`. */
export const cadenceText = ({ count, unit }: Cadence): string => `${count} ${unit}${count === 1 ? '' : 's'}`

/** For people: "every 2 weeks", "every month". */
export const cadenceWords = ({ count, unit }: Cadence): string => (count === 1 ? `every ${unit}` : `every ${count} ${unit}s`)

/**
 * The day a cadence falls due after `from`. Months and years are calendar
 * months: a month after 31 January is the last day of February (28th or
 * 29th), a year after 29 February is 28 February — never a day that does not exist.
 */
export function cadenceDueDay(from: CalendarDay, { count, unit }: Cadence): CalendarDay {
  if (unit === 'day') return addDays(from, count)
  if (unit === 'week') return addDays(from, count * 7)
  const [y, m, d] = splitDay(from)
  const months = (unit === 'year' ? 12 : 1) * count
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return formatDay(year, month, Math.min(d, daysInMonth(year, month)))
}
