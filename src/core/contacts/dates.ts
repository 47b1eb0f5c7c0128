import { NO_YEAR } from '../relationship/important-dates'
import type { ContactDate, DateLabel } from './contact'

const pad = (n: number): string => String(n).padStart(2, '0')

function valid(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * A date as address books write it, as `YYYY-MM-DD`, or null when it is not
 * one: ISO (`1980-03-14`, `19800314`, with a time after it), vCard 4.0's
 * yearless `--0314` / `--03-14`, and the `M/D/YYYY` of Outlook's CSV
 * (`0/0/00` is how it writes "none"). Google's CSV writes `--03-14` or ISO.
 */
export function parseContactDate(text: string): string | null {
  const value = text.trim()
  let match = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/.exec(value)
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]))
  match = /^--(\d{2})-?(\d{2})$/.exec(value)
  if (match) return day(NO_YEAR, Number(match[1]), Number(match[2]))
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value)
  if (match) return day(Number(match[3]), Number(match[1]), Number(match[2]))
  return null
}

function day(year: number, month: number, dom: number): string | null {
  return year > 0 && valid(year === NO_YEAR ? 2000 : year, month, dom) ? `${year}-${pad(month)}-${pad(dom)}` : null
}

/** The date as vCard 4.0 writes it: `19800314`, or `--0314` when the year is not known. */
export function vcardDate(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date)
  if (!match) return null
  return Number(match[1]) === NO_YEAR ? `--${match[2]}${match[3]}` : `${match[1]}${match[2]}${match[3]}`
}

export const dateOf = (label: DateLabel, date: string | null): ContactDate[] => (date ? [{ label, date }] : [])
