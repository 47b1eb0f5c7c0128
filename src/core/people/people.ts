import type { PersonPatch } from '../../shared/contract/people'
import type { TrustLevel } from '../../shared/domain'
import { RapportError } from '../errors'
import { newId } from '../ids'
import type { StoredClient } from '../relationship/stored-client'

/** A person as stored in client.json's `people` array: validated when read, unknown fields kept. */
export type StoredPerson = NonNullable<StoredClient['people']>[number]
type Fields = Record<string, unknown>

/**
 * The rules for people at a client, applied to client.json as it is on disk
 * (in place, so unknown fields and key order stay as they were), in the same
 * way as the client's own profile (see relationship/profile.ts).
 */

export function findPerson(client: StoredClient, id: string): StoredPerson {
  const person = (client.people ?? []).find((p) => p.id === id)
  if (!person) throw new RapportError('not-found', 'That person is no longer at this client. They may have been removed in another window or program.')
  return person
}

export function addPerson(
  client: StoredClient,
  input: { name: string; role?: string | undefined; relation?: StoredPerson['relation'] | undefined }
): StoredPerson {
  const person: StoredPerson = { id: newId('p'), name: input.name }
  if (input.role?.trim()) person.role = input.role.trim()
  if (input.relation) person.relation = input.relation
  ;(client.people ??= []).push(person)
  return person
}

/** Sets (a value), removes (`null`) or leaves alone (absent) each field; sections are patched field by field. */
export function updatePerson(client: StoredClient, id: string, patch: PersonPatch): StoredPerson {
  const person = findPerson(client, id)
  const fields = person as Fields
  const { contact, style, person: about, ...plain } = patch
  applyFields(fields, plain)
  patchSection(fields, 'contact', contact)
  patchSection(fields, 'style', style)
  patchSection(fields, 'person', about)
  return person
}

/** Moves the person's trust, recording when and why in its history; nothing changes when it is there already. */
export function setPersonTrust(client: StoredClient, id: string, trust: TrustLevel, note: string | undefined, now: Date): StoredPerson {
  const person = findPerson(client, id)
  if (person.trust?.current === trust) return person
  const item: { trust: TrustLevel; at: string; note?: string } = { trust, at: now.toISOString() }
  if (note?.trim()) item.note = note.trim()
  if (!person.trust) person.trust = { current: trust, history: [item] }
  else {
    person.trust.current = trust
    ;(person.trust.history ??= []).push(item)
  }
  return person
}

/** Takes the person out of the list. Entries that mention them keep their text; the mention then names nobody. */
export function removePerson(client: StoredClient, id: string): void {
  findPerson(client, id)
  client.people = (client.people ?? []).filter((p) => p.id !== id)
}

function applyFields(target: Fields, patch: Readonly<Fields>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    if (value === null) delete target[key]
    else target[key] = value
  }
}

function patchSection(target: Fields, key: 'contact' | 'style' | 'person', patch: Readonly<Fields> | undefined): void {
  if (!patch) return
  const existing = target[key]
  if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) return applyFields(existing as Fields, patch)
  const created: Fields = {}
  applyFields(created, patch)
  if (Object.keys(created).length > 0) target[key] = created
}
