/**
 * Contacts in and out (issue #17): vCard 3.0/4.0 and the common CSV exports
 * (Google, Outlook, LinkedIn, any other through a column mapping) previewed,
 * then imported as clients or as people grouped by organisation; clients and
 * their people exported as vCard 4.0.
 *
 * Like the Markdown import, the preview writes nothing, the import does what
 * the preview showed (the files' `fingerprint` must still match), and both
 * report `transfer:progress` and stop on `transfer:cancel` with their `jobId`.
 */
import { z } from 'zod'
import { id, returns } from './define'
import { plainConfirmed } from './security'
import type { TransferProblem } from './transfer'

export const contactFields = [
  'name',
  'given',
  'middle',
  'family',
  'organisation',
  'title',
  'email',
  'phone',
  'birthday',
  'anniversary',
  'note',
  'timeZone',
  'categories'
] as const
export type ContactField = (typeof contactFields)[number]

export const contactsFormats = ['vcard', 'google-csv', 'outlook-csv', 'linkedin-csv', 'csv'] as const
export type ContactsFormat = (typeof contactsFormats)[number]

/** `client`: each contact becomes a client. `organisation`: one client per organisation, its contacts as the client's people. */
export const contactShapes = ['client', 'organisation'] as const
export type ContactShape = (typeof contactShapes)[number]

/** What to do with a contact that looks like someone already there: leave it, fill their empty fields, or add it anyway. */
export const duplicateChoices = ['skip', 'merge', 'keep'] as const
export type DuplicateChoice = (typeof duplicateChoices)[number]

const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\u0000') && /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be a full path, like /Users/dana/contacts.vcf or C:\\contacts.csv')

const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'A job id is letters, digits, "-" and "_" (at most 100).')

/** For a CSV the layout of which is not known: what each column (by its header) holds; null: nothing Rapport keeps. */
const columnMapping = z.record(z.string().max(500), z.enum(contactFields).nullable())

const previewInput = z.object({
  /** .vcf and .csv files; none: the user is asked for them. */
  paths: z.array(absolutePath).min(1).max(100).optional(),
  /** By file path: the columns of a CSV as the person mapped them in the preview. */
  columns: z.record(z.string().max(4096), columnMapping).optional(),
  jobId: jobId.optional()
})

export const contactsChoices = z.object({
  /** The preview's fingerprint of the files: the import refuses files that changed since. */
  fingerprint: z.string().max(200),
  shape: z.enum(contactShapes).default('client'),
  /** By organisation key: a shape other than `shape` for that organisation's contacts. */
  organisations: z.record(z.string().max(400), z.enum(contactShapes)).default({}),
  /** By contact key: what to do with that duplicate. */
  duplicates: z.record(z.string().max(100), z.enum(duplicateChoices)).default({}),
  /** For duplicates not in `duplicates`. */
  otherDuplicates: z.enum(duplicateChoices).default('skip')
})
export type ContactsChoices = z.output<typeof contactsChoices>

export interface ContactsFile {
  path: string
  format: ContactsFormat
  encoding: 'utf-8' | 'utf-16' | 'windows-1252'
  contacts: number
  /** A CSV's headers and what each column was read as. */
  headers?: string[]
  mapping?: Record<string, ContactField | null>
}

export interface ContactDuplicate {
  /** Someone in the vault (a client, or a person at a client), or an earlier contact of this import. */
  of: 'client' | 'person' | 'import'
  clientId?: string
  personId?: string
  /** The earlier contact's key, when `of` is `import`. */
  key?: string
  name: string
  /** The client a person is at. */
  clientName?: string
  reason: 'id' | 'email' | 'phone' | 'name'
}

export interface ContactRow {
  key: string
  path: string
  line: number
  name: string
  organisation?: string
  /** The organisation as compared (case and accents ignored): contacts with the same one are grouped. */
  organisationKey?: string
  /** The card of the organisation itself (its name is the organisation's): grouped, it fills the organisation's client rather than becoming a person. */
  isOrganisation?: true
  title?: string
  emails: string[]
  phones: string[]
  dates: Array<{ label: 'birthday' | 'anniversary'; date: string }>
  note?: string
  timeZone?: string
  categories: string[]
  duplicate?: ContactDuplicate
}

export interface ContactOrganisation {
  key: string
  name: string
  contacts: number
  /** The vault's client its people would join (one named so, or with that organisation); null: a new client. */
  clientId: string | null
  clientName?: string
}

export interface ContactsPreview {
  paths: string[]
  fingerprint: string
  files: ContactsFile[]
  contacts: ContactRow[]
  organisations: ContactOrganisation[]
  problems: TransferProblem[]
}

export interface ContactsImportReport {
  jobId: string
  status: 'done' | 'cancelled'
  clientsCreated: Array<{ id: string; name: string }>
  /** People added to clients (new or existing). */
  peopleAdded: number
  /** Clients and people whose empty fields were filled. */
  merged: number
  skipped: number
  problems: TransferProblem[]
  /** Clients not written because the import was cancelled. */
  notReached: number
}

export interface ContactsExportReport {
  path: string
  clients: number
  people: number
}

export const contactsContract = {
  /** Reads the files and says what an import would do, in both shapes; writes nothing. Null: the user cancelled the dialog. */
  'contacts:preview': { input: previewInput, output: returns<ContactsPreview | null>() },
  /** Imports the previewed contacts as chosen; the files are only read. */
  'contacts:import': {
    input: previewInput.extend({ paths: z.array(absolutePath).min(1).max(100), choices: contactsChoices }),
    output: returns<ContactsImportReport>()
  },
  /** Writes clients and their people as one vCard 4.0 file. Without `target` the user is asked where (null: they cancelled). */
  'contacts:export': {
    input: z.object({ clientIds: z.array(id).max(100_000).optional(), target: absolutePath.optional(), plainConfirmed }),
    output: returns<ContactsExportReport | null>()
  }
} as const
