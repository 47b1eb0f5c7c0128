import ICAL from 'ical.js'
import { isValidTimeZone } from '../relationship/calendar'
import { TimeSlicer } from '../time-slicer'
import type { Contact, ContactDate } from './contact'
import { emptyContact, finishContact } from './contact'
import { NO_YEAR } from '../relationship/important-dates'
import { dateOf, parseContactDate } from './dates'
import type { ContactsRead } from './contacts-read'
import { MAX_CONTACTS, tooManyContacts } from './contacts-read'
import { splitCards } from './vcard-lines'

/**
 * The contacts of a vCard file (3.0 or 4.0, and the 2.1 that Outlook still
 * writes), one card at a time: a card that cannot be read is a problem on
 * its line, and the others are still read.
 */
export async function readVcards(text: string, path: string, fileIndex: number, signal?: AbortSignal): Promise<ContactsRead> {
  const read: ContactsRead = { contacts: [], problems: [] }
  let index = 0
  // Cut into slices of a few milliseconds, so the window's requests are answered while 20,000 cards are read.
  const slicer = new TimeSlicer()
  const release = slicer.hold()
  try {
    for (const card of splitCards(text)) {
      if (signal?.aborted) break
      await slicer.pause()
      if (index === MAX_CONTACTS) return { contacts: [], problems: [{ path, reason: tooManyContacts('cards') }] }
      const where = `${path}:${card.line}`
      let component: ICAL.Component
      try {
        component = new ICAL.Component(ICAL.parse(card.text) as unknown[])
      } catch (error) {
        read.problems.push({ path: where, reason: `this card could not be read (${(error as Error).message})` })
        continue
      }
      const contact = finishContact(contactOf(component, `${fileIndex}:${index++}`, path, card.line))
      if (contact) read.contacts.push(contact)
      else read.problems.push({ path: where, reason: 'this card has no name, organisation or email, so there is nothing to call it by' })
    }
  } finally {
    slicer.endSlice()
    release()
  }
  if (read.contacts.length === 0 && read.problems.length === 0) read.problems.push({ path, reason: 'it holds no vCard (no BEGIN:VCARD line)' })
  return read
}

/** The text values of a property as written (dates stay as their text: `--0314`, `1980-03-14`). */
function rawValues(property: ICAL.Property): unknown[] {
  return (property.toJSON() as unknown[]).slice(3)
}

/** ical.js leaves `\\;` as it is in single text values (Apple escapes every `;` in a NOTE): a `;` is meant. */
const text = (value: unknown): string => (Array.isArray(value) ? value.map(text).join(' ') : typeof value === 'string' ? value.replace(/\\;/g, ';') : '')
const first = (value: unknown): string => (Array.isArray(value) ? text(value[0]) : text(value))

/** A `TYPE=pref` or `PREF=1` value comes first. */
function preferredFirst(properties: ICAL.Property[]): ICAL.Property[] {
  const isPreferred = (p: ICAL.Property): boolean => {
    const types = ([] as unknown[]).concat(p.getParameter('type') ?? []).map((t) => String(t).toLowerCase())
    return types.includes('pref') || p.getParameter('pref') !== undefined
  }
  return [...properties.filter(isPreferred), ...properties.filter((p) => !isPreferred(p))]
}

function contactOf(card: ICAL.Component, key: string, path: string, line: number): Contact {
  const contact = emptyContact(key, path, line)
  const all = (name: string): ICAL.Property[] => card.getAllProperties(name)
  const one = (name: string): string =>
    all(name)
      .map((p) => text(rawValues(p)[0]))
      .find((v) => v.trim()) ?? ''

  const n = all('n')[0]
  // N is family;given;additional;prefix;suffix.
  const parts = n ? (rawValues(n)[0] as unknown) : []
  const [family = '', given = '', additional = ''] = Array.isArray(parts) ? parts.map(text) : [text(parts)]
  contact.name = one('fn') || [given, additional, family].filter((s) => s.trim()).join(' ')
  const org = all('org')[0]
  if (org) contact.organisation = first(rawValues(org)[0])
  contact.title = one('title') || one('role')
  contact.emails = preferredFirst(all('email')).map((p) => text(rawValues(p)[0]))
  contact.phones = preferredFirst(all('tel')).map((p) => text(rawValues(p)[0]))
  contact.dates = [
    ...datesOf(card, 'birthday', ['bday']),
    ...datesOf(card, 'anniversary', ['anniversary', 'x-anniversary', 'x-ms-anniversary', 'x-evolution-anniversary']),
    ...appleDates(card)
  ]
  contact.note = all('note')
    .map((p) => text(rawValues(p)[0]))
    .filter((v) => v.trim())
    .join('\n\n')
  const zone = one('tz')
  if (zone && isValidTimeZone(zone)) contact.timeZone = zone
  contact.categories = all('categories').flatMap((p) => rawValues(p).map(text))
  const uid = one('uid')
  if (uid) contact.uid = uid.replace(/^urn:uuid:/i, '')
  return contact
}

/** The first of these properties that holds a date; Apple's `X-APPLE-OMIT-YEAR` marks a year it made up. */
function datesOf(card: ICAL.Component, label: ContactDate['label'], names: string[]): ContactDate[] {
  for (const name of names) {
    for (const property of card.getAllProperties(name)) {
      const date = parseContactDate(text(rawValues(property)[0]))
      if (!date) continue
      const omitted = property.getParameter('x-apple-omit-year')
      return dateOf(label, omitted !== undefined && date.startsWith(`${String(omitted)}-`) ? `${NO_YEAR}${date.slice(4)}` : date)
    }
  }
  return []
}

/** Apple writes an anniversary as `itemN.X-ABDATE` with `itemN.X-ABLabel:_$!<Anniversary>!$_`. */
function appleDates(card: ICAL.Component): ContactDate[] {
  const labels = new Map<string, string>()
  for (const p of card.getAllProperties('x-ablabel')) {
    const group = p.getParameter('group')
    if (typeof group === 'string') labels.set(group, text(rawValues(p)[0]))
  }
  for (const p of card.getAllProperties('x-abdate')) {
    const group = p.getParameter('group')
    if (typeof group !== 'string' || !/anniversary/i.test(labels.get(group) ?? '')) continue
    const date = parseContactDate(text(rawValues(p)[0]))
    if (date) return dateOf('anniversary', date)
  }
  return []
}
