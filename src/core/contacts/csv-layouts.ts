import type { ContactField, ContactsFormat } from '../../shared/contract/contacts'

/**
 * The CSV layouts Rapport knows by their headers, as the tools document and
 * write them, and a guess for any other CSV (which the person can correct in
 * the preview). Each maps a header to the contact field its column holds.
 *
 * - Google Contacts: "First Name", "Organization Name", "E-mail 1 - Value",
 *   "Labels" (since 2023), or "Given Name", "Organization 1 - Name",
 *   "Group Membership" (before); several values in a cell are joined by " ::: ".
 * - Outlook: "First Name", "Job Title", "E-mail Address", "Business Phone",
 *   "Categories" (";"-separated); its "Title" is Mr/Ms, not a job.
 * - LinkedIn "Connections.csv": "First Name", "Last Name", "URL",
 *   "Email Address", "Company", "Position", "Connected On", after a few lines of notes.
 */

export type ColumnMapping = Record<string, ContactField | null>

interface Layout {
  format: Exclude<ContactsFormat, 'vcard' | 'csv'>
  detect(headers: ReadonlySet<string>): boolean
  field(header: string): ContactField | null
}

const fixed =
  (columns: Record<string, ContactField>) =>
  (header: string): ContactField | null =>
    columns[header] ?? null

const layouts: Layout[] = [
  {
    format: 'linkedin-csv',
    detect: (h) => h.has('First Name') && h.has('Last Name') && (h.has('Connected On') || h.has('Position')),
    field: fixed({ 'First Name': 'given', 'Last Name': 'family', 'Email Address': 'email', Company: 'organisation', Position: 'title' })
  },
  {
    format: 'google-csv',
    detect: (h) => [...h].some((x) => /^E-mail \d+ - Value$/.test(x) || /^Organization (1 - )?Name$/.test(x)) || (h.has('Given Name') && h.has('Family Name')),
    field: (header) => {
      const known = fixed({
        Name: 'name',
        'First Name': 'given',
        'Given Name': 'given',
        'Middle Name': 'middle',
        'Additional Name': 'middle',
        'Last Name': 'family',
        'Family Name': 'family',
        'Organization Name': 'organisation',
        'Organization 1 - Name': 'organisation',
        'Organization Title': 'title',
        'Organization 1 - Title': 'title',
        Birthday: 'birthday',
        Notes: 'note',
        Labels: 'categories',
        'Group Membership': 'categories'
      })(header)
      if (known) return known
      if (/^E-mail \d+ - Value$/.test(header)) return 'email'
      if (/^Phone \d+ - Value$/.test(header)) return 'phone'
      return null
    }
  },
  {
    format: 'outlook-csv',
    detect: (h) => h.has('E-mail Address') && (h.has('Job Title') || h.has('Business Phone') || h.has('Mobile Phone')),
    field: (header) =>
      fixed({
        'First Name': 'given',
        'Middle Name': 'middle',
        'Last Name': 'family',
        Company: 'organisation',
        'Job Title': 'title',
        'E-mail Address': 'email',
        'E-mail 2 Address': 'email',
        'E-mail 3 Address': 'email',
        'Mobile Phone': 'phone',
        'Business Phone': 'phone',
        'Business Phone 2': 'phone',
        'Home Phone': 'phone',
        'Home Phone 2': 'phone',
        'Primary Phone': 'phone',
        'Other Phone': 'phone',
        Birthday: 'birthday',
        Anniversary: 'anniversary',
        Notes: 'note',
        Categories: 'categories'
      })(header)
  }
]

/** Headers of other CSVs, as people name them (compared ignoring case, spaces and punctuation). */
const guesses: Array<[RegExp, ContactField]> = [
  [/^(full)?name$|^displayname$|^contact(name)?$/, 'name'],
  [/^(first|given|fore)(name)?$/, 'given'],
  [/^(middle|additional)(name)?$/, 'middle'],
  [/^(last|family|sur)(name)?$/, 'family'],
  [/^(company|organi[sz]ation|org|employer|business|account)(name)?$/, 'organisation'],
  [/^(job)?title$|^position$|^role$|^jobtitle$/, 'title'],
  [/^e?-?mail(address)?\d*$|^email\d*$|^emailaddress\d*$/, 'email'],
  [/^(tel|telephone|phone|mobile|cell|mobilephone|phonenumber|workphone|homephone)\d*$/, 'phone'],
  [/^(birthday|birthdate|dateofbirth|dob|bday)$/, 'birthday'],
  [/^anniversary$/, 'anniversary'],
  [/^(notes?|comments?|description)$/, 'note'],
  [/^(time ?zone|tz)$/, 'timeZone'],
  [/^(tags?|categories|category|labels?|groups?)$/, 'categories']
]

/** The layout a CSV's headers are, and what each column holds. */
export function mappingOf(headers: readonly string[]): { format: ContactsFormat; mapping: ColumnMapping } {
  const set = new Set(headers.map((h) => h.trim()))
  const layout = layouts.find((l) => l.detect(set))
  const field = layout ? layout.field : guessField
  return { format: layout?.format ?? 'csv', mapping: Object.fromEntries(headers.map((h) => [h, field(h.trim())])) }
}

export function guessField(header: string): ContactField | null {
  const plain = header.toLowerCase().replace(/[\s_.\-()]+/g, '')
  return guesses.find(([pattern]) => pattern.test(plain))?.[1] ?? null
}

/** Google joins several values in one cell with " ::: "; its own groups start with "* " ("* myContacts"). */
export function splitCell(field: ContactField, value: string, format: ContactsFormat): string[] {
  if (format === 'google-csv') {
    const parts = value.split(' ::: ').map((v) => v.trim())
    return field === 'categories' ? parts.filter((p) => p && !p.startsWith('* ')) : parts
  }
  if (field === 'categories') return value.split(format === 'outlook-csv' ? ';' : /[;,]/).map((v) => v.trim())
  return [value.trim()]
}
