import type { TransferProblem } from '../../shared/contract/transfer'
import type { Contact } from './contact'

/** What one file gave: its contacts, and what could not be read, by line. */
export interface ContactsRead {
  contacts: Contact[]
  problems: TransferProblem[]
}

/**
 * At most this many contacts from one file: a person's address book is a
 * few thousand; a file with more is not one, and reading it whole would
 * hold it all in memory for a preview nobody can check.
 */
export const MAX_CONTACTS = 20_000

export const tooManyContacts = (what: 'cards' | 'rows'): string =>
  `it holds more than ${MAX_CONTACTS.toLocaleString('en')} ${what}; Rapport imports at most ${MAX_CONTACTS.toLocaleString('en')} contacts from one file, so nothing was read from it (split it into smaller files)`
