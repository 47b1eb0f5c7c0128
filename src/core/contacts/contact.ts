import { nameKey } from '../transfer/import-clients'

/**
 * One contact as read from a vCard or a CSV row, before it is anything in
 * the vault: the fields Rapport keeps, cleaned to fit client.json's limits.
 */
export interface Contact {
  /** Stable for the same file bytes: `<file index>:<contact index>`. */
  key: string
  /** The file it came from and the line its card or row starts on, for problems and the preview. */
  path: string
  line: number
  name: string
  organisation?: string
  title?: string
  emails: string[]
  phones: string[]
  dates: ContactDate[]
  note?: string
  timeZone?: string
  categories: string[]
  /** A vCard UID (a Rapport export writes the client's or person's id there). */
  uid?: string
}

export type DateLabel = 'birthday' | 'anniversary'
export interface ContactDate {
  label: DateLabel
  /** `YYYY-MM-DD`; a date without a year carries NO_YEAR (see dates.ts). */
  date: string
}

/** client.json's limits (shared/domain.ts): a value past them is cut, or dropped, when read. */
export const LIMITS = { name: 300, email: 320, phone: 64, text: 20_000, tag: 100 } as const

/** One line, no control characters, at most `max` characters. */
export function oneLine(text: string, max: number): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim()
}

/** Text that may run over lines (a note): control characters but tab and newline removed, cut at `max`. */
export function multiLine(text: string, max: number): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim()
    .slice(0, max)
}

/** An email as compared: trimmed, lower case, without a `mailto:`. */
export const emailKey = (email: string): string =>
  email
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase()

/**
 * A phone number as compared: its digits, the last ten of them, so
 * `+44 20 7946 0000` and `020 7946 0000` match. Fewer than seven digits
 * say too little to match anything.
 */
export function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D+/g, '')
  return digits.length < 7 ? null : digits.slice(-10)
}

export { nameKey }

/** A contact as a plain builder fills it: nothing but the name is required. */
export function emptyContact(key: string, path: string, line: number): Contact {
  return { key, path, line, name: '', emails: [], phones: [], dates: [], categories: [] }
}

/**
 * The contact made fit for client.json: every text cleaned and cut to its
 * limit, values too long to be what they claim dropped, lists without
 * repeats, and a name found when the source gave none (the organisation, or
 * the email). Null when nothing at all names it.
 */
export function finishContact(contact: Contact): Contact | null {
  const unique = <T>(items: T[], key: (item: T) => string): T[] => {
    const seen = new Set<string>()
    return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))))
  }
  const organisation = oneLine(contact.organisation ?? '', LIMITS.name)
  const title = oneLine(contact.title ?? '', LIMITS.name)
  const emails = unique(
    contact.emails.map((e) => oneLine(e.replace(/^mailto:/i, ''), LIMITS.email)).filter((e) => e.includes('@') && e.length < LIMITS.email),
    emailKey
  )
  const phones = unique(
    contact.phones.map((p) => oneLine(p.replace(/^tel:/i, ''), LIMITS.phone)).filter((p) => /\d/.test(p) && p.length < LIMITS.phone),
    (p) => p.replace(/\D+/g, '')
  )
  const name = oneLine(contact.name, LIMITS.name) || organisation || emails[0] || ''
  if (!name) return null
  const finished: Contact = {
    key: contact.key,
    path: contact.path,
    line: contact.line,
    name,
    emails,
    phones,
    dates: unique(contact.dates, (d) => d.label),
    categories: unique(contact.categories.map((c) => oneLine(c, LIMITS.tag)).filter(Boolean), nameKey)
  }
  if (organisation) finished.organisation = organisation
  if (title) finished.title = title
  const note = multiLine(contact.note ?? '', LIMITS.text)
  if (note) finished.note = note
  if (contact.timeZone) finished.timeZone = contact.timeZone
  if (contact.uid) finished.uid = oneLine(contact.uid, 200)
  return finished
}
