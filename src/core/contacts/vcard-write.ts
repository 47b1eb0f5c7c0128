import ICAL from 'ical.js'
import type { StoredPerson } from '../people/people'
import type { StoredClient } from '../relationship/stored-client'
import { vcardDate } from './dates'
import { emailsOf, organisationOfClient, phonesOf } from './vault-contacts'

/**
 * Clients and their people as vCard 4.0 (RFC 6350), built as jCard
 * (RFC 7095) and written by ical.js, which escapes, folds at 75 octets and
 * ends lines with CRLF as the RFC says. Each card carries the fields an
 * import reads back: FN, N, ORG, TITLE, EMAIL, TEL, BDAY, ANNIVERSARY, NOTE,
 * TZ, CATEGORIES, and the client's or person's id as UID, so a second
 * import of the file finds everyone it holds.
 */

type Property = [string, Record<string, string | string[]>, string, ...unknown[]]

/** `N` from a display name: the last word as the family name (vCard 3.0 readers need N; 4.0 readers show FN). */
function structuredName(name: string): Property {
  const words = name.trim().split(/\s+/)
  const family = words.length > 1 ? (words.pop() ?? '') : ''
  return ['n', {}, 'text', [family, words.join(' '), '', '', '']]
}

function common(target: {
  contact?: Record<string, unknown> | undefined
  style?: Record<string, unknown> | undefined
  person?: StoredClient['person']
}): Property[] {
  const properties: Property[] = []
  emailsOf(target.contact).forEach((email, i) => properties.push(['email', i === 0 ? { pref: '1' } : {}, 'text', email]))
  phonesOf(target.contact).forEach((phone, i) => properties.push(['tel', i === 0 ? { pref: '1', type: 'voice' } : { type: 'voice' }, 'text', phone]))
  for (const date of target.person?.dates ?? []) {
    const label = date.label.toLowerCase()
    const name = label === 'birthday' ? 'bday' : label === 'anniversary' ? 'anniversary' : null
    const value = vcardDate(date.date)
    if (name && value && !properties.some((p) => p[0] === name)) properties.push([name, {}, 'date-and-or-time', value])
  }
  const zone = target.style?.timeZone
  if (typeof zone === 'string' && zone) properties.push(['tz', {}, 'text', zone])
  return properties
}

function card(properties: Property[]): unknown[] {
  return ['vcard', [['version', {}, 'text', '4.0'], ...properties], []]
}

export function clientCard(id: string, client: StoredClient): unknown[] {
  const properties: Property[] = [
    ['uid', {}, 'text', id],
    ['fn', {}, 'text', client.name]
  ]
  const isOrganisation = client.organisation !== undefined && client.organisation.trim() === client.name.trim()
  if (isOrganisation) properties.push(['kind', {}, 'text', 'org'], ['n', {}, 'text', ['', '', '', '', '']])
  else properties.push(structuredName(client.name))
  if (client.organisation) properties.push(['org', {}, 'text', client.organisation])
  if (client.role) properties.push(['title', {}, 'text', client.role])
  properties.push(...common(client))
  if (client.person?.notes) properties.push(['note', {}, 'text', client.person.notes])
  if (client.tags?.length) properties.push(['categories', {}, 'text', ...client.tags])
  return card(properties)
}

export function personCard(person: StoredPerson, client: StoredClient): unknown[] {
  const properties: Property[] = [
    ['uid', {}, 'text', person.id],
    ['fn', {}, 'text', person.name],
    structuredName(person.name),
    ['org', {}, 'text', organisationOfClient(client)]
  ]
  if (person.role) properties.push(['title', {}, 'text', person.role])
  properties.push(...common(person))
  if (person.notes) properties.push(['note', {}, 'text', person.notes])
  return card(properties)
}

export function writeVcards(cards: readonly unknown[][]): string {
  return cards.map((c) => `${ICAL.stringify(c as never)}\r\n`).join('')
}
