import { parse } from 'csv-parse/sync'
import type { ContactField, ContactsFormat } from '../../shared/contract/contacts'
import { isValidTimeZone } from '../relationship/calendar'
import { TimeSlicer } from '../time-slicer'
import type { Contact } from './contact'
import { emptyContact, finishContact } from './contact'
import type { ContactsRead } from './contacts-read'
import { MAX_CONTACTS, tooManyContacts } from './contacts-read'
import type { ColumnMapping } from './csv-layouts'
import { mappingOf, splitCell } from './csv-layouts'
import { dateOf, parseContactDate } from './dates'

export interface CsvRead extends ContactsRead {
  format: ContactsFormat
  headers: string[]
  mapping: ColumnMapping
}

/** Lines of notes before the header row (LinkedIn writes a few) that are passed over while looking for it. */
const MAX_PREAMBLE_ROWS = 10

/** `,` unless the first lines hold more `;` (Excel in much of Europe) or tabs. */
function delimiterOf(text: string): string {
  const head = text
    .split(/\r?\n/, 12)
    .join('\n')
    .replace(/"[^"]*"/g, '')
  const counts = [',', ';', '\t'].map((d) => [d, head.split(d).length] as const)
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0]
}

/**
 * The contacts of a CSV file: Google, Outlook and LinkedIn exports are known
 * by their headers; any other CSV is read through a mapping of its columns
 * (guessed, or the one the person chose in the preview). Parsed by csv-parse:
 * quoted fields, newlines inside quotes, `""`, a byte order mark, `;` or tab
 * separators, rows of uneven length.
 */
export async function readCsv(text: string, path: string, fileIndex: number, chosen?: ColumnMapping, signal?: AbortSignal): Promise<CsvRead> {
  let rows: Array<{ record: string[]; info: { lines: number } }>
  try {
    rows = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      // One more than allowed (past the header and notes), to know there are too many without reading them all.
      to: MAX_CONTACTS + MAX_PREAMBLE_ROWS + 2
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>
  } catch (error) {
    return { contacts: [], problems: [{ path, reason: `it could not be read as CSV (${(error as Error).message})` }], format: 'csv', headers: [], mapping: {} }
  }
  const headerAt = rows.slice(0, MAX_PREAMBLE_ROWS + 1).findIndex((r) => r.record.filter((c) => c.trim()).length >= 2)
  const header = rows[headerAt]
  if (!header)
    return {
      contacts: [],
      problems: [{ path, reason: 'it has no header row naming its columns (like "Name", "Email")' }],
      format: 'csv',
      headers: [],
      mapping: {}
    }
  const headers = header.record.map((h) => h.trim())
  const detected = mappingOf(headers)
  const mapping = chosen ? Object.fromEntries(headers.map((h) => [h, chosen[h] ?? null])) : detected.mapping
  const read: CsvRead = { contacts: [], problems: [], format: detected.format, headers, mapping }
  const body = rows.slice(headerAt + 1)
  if (body.length > MAX_CONTACTS) return { ...read, problems: [{ path, reason: tooManyContacts('rows') }] }
  if (!Object.values(mapping).some((f) => f === 'name' || f === 'given' || f === 'family' || f === 'organisation' || f === 'email')) {
    read.problems.push({ path, reason: 'no column holds a name, organisation or email; choose what the columns hold' })
    return read
  }
  // Cut into slices of a few milliseconds, so the window's requests are answered while 20,000 rows are read.
  const slicer = new TimeSlicer()
  const release = slicer.hold()
  try {
    for (const [index, row] of body.entries()) {
      if (signal?.aborted) break
      await slicer.pause()
      // info.lines is the line the record ends on; a record with newlines inside quotes started earlier.
      const line = row.info.lines - (row.record.join('').match(/\n/g)?.length ?? 0)
      const contact = contactOf(row.record, headers, mapping, detected.format, emptyContact(`${fileIndex}:${index}`, path, line))
      const finished = finishContact(contact)
      if (finished) read.contacts.push(finished)
      else if (row.record.some((c) => c.trim())) read.problems.push({ path: `${path}:${line}`, reason: 'this row has no name, organisation or email' })
    }
  } finally {
    slicer.endSlice()
    release()
  }
  return read
}

function contactOf(record: string[], headers: string[], mapping: ColumnMapping, format: ContactsFormat, contact: Contact): Contact {
  const parts: Partial<Record<ContactField, string[]>> = {}
  headers.forEach((header, column) => {
    const field = mapping[header]
    const value = record[column]?.trim()
    if (!field || !value) return
    ;(parts[field] ??= []).push(...splitCell(field, value, format).filter(Boolean))
  })
  const one = (field: ContactField): string => parts[field]?.[0] ?? ''
  contact.name = one('name') || [one('given'), one('middle'), one('family')].filter(Boolean).join(' ')
  contact.organisation = one('organisation')
  contact.title = one('title')
  contact.emails = parts.email ?? []
  contact.phones = parts.phone ?? []
  contact.dates = [...dateOf('birthday', parseContactDate(one('birthday'))), ...dateOf('anniversary', parseContactDate(one('anniversary')))]
  if (format === 'google-csv') contact.dates.push(...googleAnniversary(record, headers))
  contact.note = (parts.note ?? []).join('\n\n')
  const zone = one('timeZone')
  if (zone && isValidTimeZone(zone)) contact.timeZone = zone
  contact.categories = parts.categories ?? []
  return contact
}

/** Google writes other dates as "Event 1 - Label" ("Anniversary") and "Event 1 - Value". */
function googleAnniversary(record: string[], headers: string[]): ReturnType<typeof dateOf> {
  for (const [column, header] of headers.entries()) {
    const match = /^Event (\d+) - (?:Label|Type)$/.exec(header)
    if (!match || !/anniversary/i.test(record[column] ?? '')) continue
    const value = headers.indexOf(`Event ${match[1]} - Value`)
    const date = value === -1 ? null : parseContactDate(record[value] ?? '')
    if (date) return dateOf('anniversary', date)
  }
  return []
}
