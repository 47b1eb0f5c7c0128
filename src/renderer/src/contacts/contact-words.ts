import type { ContactDuplicate, ContactField, ContactsFormat, DuplicateChoice } from '@shared/contract/contacts'

export const formatNames: Record<ContactsFormat, string> = {
  vcard: 'vCard',
  'google-csv': 'Google Contacts CSV',
  'outlook-csv': 'Outlook CSV',
  'linkedin-csv': 'LinkedIn connections CSV',
  csv: 'CSV'
}

export const fieldNames: Record<ContactField, string> = {
  name: 'Full name',
  given: 'First name',
  middle: 'Middle name',
  family: 'Last name',
  organisation: 'Organisation',
  title: 'Role (job title)',
  email: 'Email',
  phone: 'Phone',
  birthday: 'Birthday',
  anniversary: 'Anniversary',
  note: 'Notes',
  timeZone: 'Time zone',
  categories: 'Tags'
}

export const choiceNames: Record<DuplicateChoice, string> = { skip: 'Skip', merge: 'Merge (fill empty fields)', keep: 'Keep both' }

/** "same email as the client Dana Whitfield", "same name and organisation as Priya Raman at Northwind". */
export function duplicateText(d: ContactDuplicate, hasOrganisation: boolean): string {
  const why = d.reason === 'name' ? (hasOrganisation ? 'name and organisation' : 'name') : d.reason === 'id' ? 'Rapport id' : d.reason
  const who =
    d.of === 'person' ? `${d.name} at ${d.clientName ?? 'a client'}` : d.of === 'client' ? `the client ${d.name}` : `${d.name}, earlier in these files`
  return `same ${why} as ${who}`
}
