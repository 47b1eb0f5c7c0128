import type { StoredPerson } from '../people/people'
import type { StoredClient } from '../relationship/stored-client'
import type { Contact } from './contact'
import { emailKey, nameKey, phoneKey } from './contact'
import { emailsOf, phonesOf } from './vault-contacts'

/**
 * A contact's fields put into a client or a person of client.json. One rule
 * for new ones and merges alike: a field is only ever filled when it is
 * empty, so a merge never overwrites what the person wrote. A second email
 * or phone goes to `contact.otherEmails` / `contact.otherPhones`; dates are
 * added by label (a birthday already there stays); tags are added.
 *
 * Where things go: TITLE → `role`; BDAY/ANNIVERSARY → `person.dates`
 * (yearly); TZ → `style.timeZone`; NOTE → a client's `person.notes`, a
 * person's `notes`; CATEGORIES → the client's `tags`.
 */

type Fields = Record<string, unknown>

const section = (target: Fields, key: string): Fields => {
  const existing = target[key]
  if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) return existing as Fields
  const created: Fields = {}
  target[key] = created
  return created
}
const isEmpty = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

function fill(target: Fields, key: string, value: string | undefined): void {
  if (value && isEmpty(target[key])) target[key] = value
}

/** Adds the values not there yet: the first fills `one` when it is empty, the rest go to the `more` list. */
function addValues(contact: Fields, one: string, more: string, values: readonly string[], known: string[], keyOf: (v: string) => string | null): void {
  const seen = new Set(known.map(keyOf).filter((k) => k !== null))
  for (const value of values) {
    const key = keyOf(value)
    if (key !== null && seen.has(key)) continue
    if (key !== null) seen.add(key)
    if (isEmpty(contact[one])) contact[one] = value
    else {
      const list = Array.isArray(contact[more]) ? (contact[more] as unknown[]) : (contact[more] = [])
      ;(list as unknown[]).push(value)
    }
  }
}

function fillContactDetails(target: Fields, from: Contact): void {
  if (!from.emails.length && !from.phones.length) return
  const contact = section(target, 'contact')
  addValues(contact, 'email', 'otherEmails', from.emails, emailsOf(contact), emailKey)
  addValues(contact, 'phone', 'otherPhones', from.phones, phonesOf(contact), (p) => phoneKey(p) ?? p)
}

function fillPersonal(target: Fields, from: Contact, noteKey: 'personNotes' | 'notes'): void {
  if (from.timeZone) fill(section(target, 'style'), 'timeZone', from.timeZone)
  if (from.dates.length || (noteKey === 'personNotes' && from.note)) {
    const person = section(target, 'person')
    if (from.dates.length) {
      const dates = Array.isArray(person.dates) ? (person.dates as Array<{ label?: unknown }>) : (person.dates = [])
      const labels = new Set((dates as Array<{ label?: unknown }>).map((d) => (typeof d.label === 'string' ? nameKey(d.label) : '')))
      for (const date of from.dates) if (!labels.has(date.label)) (dates as unknown[]).push({ label: date.label, date: date.date, repeats: 'yearly' })
    }
    if (noteKey === 'personNotes') fill(person, 'notes', from.note)
  }
  if (noteKey === 'notes') fill(target, 'notes', from.note)
}

/** Adds the contact's categories to the client's tags (compared ignoring case). */
export function addTags(client: StoredClient, categories: readonly string[]): void {
  const tags = (client.tags ??= [])
  const known = new Set(tags.map(nameKey))
  for (const tag of categories) {
    if (known.has(nameKey(tag))) continue
    known.add(nameKey(tag))
    tags.push(tag)
  }
}

export function fillClient(client: StoredClient, from: Contact): void {
  const fields = client as Fields
  fill(fields, 'organisation', from.organisation)
  fill(fields, 'role', from.title)
  fillContactDetails(fields, from)
  fillPersonal(fields, from, 'personNotes')
  addTags(client, from.categories)
}

export function fillPerson(person: StoredPerson, from: Contact): void {
  const fields = person as Fields
  fill(fields, 'role', from.title)
  fillContactDetails(fields, from)
  fillPersonal(fields, from, 'notes')
}

/** A contact of the same import merged into an earlier one: its empty fields filled, nothing replaced. */
export function fillContact(into: Contact, from: Contact): void {
  into.organisation ||= from.organisation
  into.title ||= from.title
  into.note ||= from.note
  into.timeZone ||= from.timeZone
  const emails = new Set(into.emails.map(emailKey))
  into.emails.push(...from.emails.filter((e) => !emails.has(emailKey(e))))
  const phones = new Set(into.phones.map((p) => phoneKey(p) ?? p))
  into.phones.push(...from.phones.filter((p) => !phones.has(phoneKey(p) ?? p)))
  const labels = new Set(into.dates.map((d) => d.label))
  into.dates.push(...from.dates.filter((d) => !labels.has(d.label)))
  const tags = new Set(into.categories.map(nameKey))
  into.categories.push(...from.categories.filter((c) => !tags.has(nameKey(c))))
}
