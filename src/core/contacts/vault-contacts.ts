import type { ContactDuplicate } from '../../shared/contract/contacts'
import type { ClientFile } from '../../shared/domain'
import type { Vault } from '../vault/vault'
import type { Contact } from './contact'
import { emailKey, nameKey, phoneKey } from './contact'

/**
 * Who is already there, found the ways a contact can be the same person:
 * by the id a Rapport export wrote as the card's UID, an email, a phone
 * number, or the name with the organisation (a client's own, or for a person
 * the organisation of their client). Contacts of the same import are added
 * as they are read, so the second copy of someone in one file is found too.
 */

type Match = Omit<ContactDuplicate, 'reason'>

const contactList = (contact: Record<string, unknown> | undefined, one: string, more: string): string[] => {
  const values = [contact?.[one], ...(Array.isArray(contact?.[more]) ? (contact[more] as unknown[]) : [])]
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
}

export const emailsOf = (contact: Record<string, unknown> | undefined): string[] => contactList(contact, 'email', 'otherEmails')
export const phonesOf = (contact: Record<string, unknown> | undefined): string[] => contactList(contact, 'phone', 'otherPhones')

/** The organisation people at a client belong to: its organisation, else its name. */
export const organisationOfClient = (data: Pick<ClientFile, 'name' | 'organisation'>): string => data.organisation?.trim() || data.name

export class DuplicateFinder {
  private readonly byId = new Map<string, Match>()
  private readonly byEmail = new Map<string, Match>()
  private readonly byPhone = new Map<string, Match>()
  private readonly byName = new Map<string, Match>()

  static of(vault: Vault): DuplicateFinder {
    const finder = new DuplicateFinder()
    for (const record of vault.clients.list()) {
      const data = record.data
      if (!data) continue
      const client: Match = { of: 'client', clientId: record.id, name: data.name }
      finder.add(client, {
        ids: [record.id],
        emails: emailsOf(data.contact),
        phones: phonesOf(data.contact),
        name: data.name,
        organisation: data.organisation ?? ''
      })
      for (const person of data.people ?? []) {
        const match: Match = { of: 'person', clientId: record.id, personId: person.id, name: person.name, clientName: data.name }
        finder.add(match, {
          ids: [person.id],
          emails: emailsOf(person.contact),
          phones: phonesOf(person.contact),
          name: person.name,
          organisation: organisationOfClient(data)
        })
      }
    }
    return finder
  }

  /** The first one this contact is the same as, and why; null when it is nobody known. */
  find(contact: Contact): ContactDuplicate | null {
    const id = contact.uid === undefined ? undefined : this.byId.get(contact.uid)
    if (id) return { ...id, reason: 'id' }
    for (const email of contact.emails) {
      const match = this.byEmail.get(emailKey(email))
      if (match) return { ...match, reason: 'email' }
    }
    for (const phone of contact.phones) {
      const key = phoneKey(phone)
      const match = key === null ? undefined : this.byPhone.get(key)
      if (match) return { ...match, reason: 'phone' }
    }
    const match = this.byName.get(nameAtKey(contact.name, contact.organisation ?? ''))
    return match ? { ...match, reason: 'name' } : null
  }

  /** An imported contact, for the ones after it. */
  addImported(contact: Contact): void {
    this.add(
      { of: 'import', key: contact.key, name: contact.name },
      { ids: [], emails: contact.emails, phones: contact.phones, name: contact.name, organisation: contact.organisation ?? '' }
    )
  }

  private add(match: Match, known: { ids: string[]; emails: string[]; phones: string[]; name: string; organisation: string }): void {
    const first = (map: Map<string, Match>, key: string | null): void => {
      if (key !== null && key !== '' && !map.has(key)) map.set(key, match)
    }
    for (const id of known.ids) first(this.byId, id)
    for (const email of known.emails) first(this.byEmail, emailKey(email))
    for (const phone of known.phones) first(this.byPhone, phoneKey(phone))
    first(this.byName, nameAtKey(known.name, known.organisation))
  }
}

const nameAtKey = (name: string, organisation: string): string => `${nameKey(name)}\u0000${nameKey(organisation)}`
