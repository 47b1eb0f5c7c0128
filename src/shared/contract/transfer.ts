/**
 * Export and import (issue #8): whole-vault, client and entry exports as
 * plain Markdown, and imports of Markdown notes from other tools.
 *
 * Long jobs run inside one channel call and report progress through the
 * `transfer:progress` event; `transfer:cancel` stops one between two files.
 * The renderer may choose the job id itself (`jobId`), so it can cancel a
 * job before the call that started it returns.
 */
import { z } from 'zod'
import { id, returns } from './define'
import { plainConfirmed } from './security'

// ---------------------------------------------------------------------------
// Shared pieces

export const transferPhases = ['scanning', 'reading', 'writing'] as const
export type TransferPhase = (typeof transferPhases)[number]

/** The payload of the `transfer:progress` event. */
export interface TransferProgress {
  jobId: string
  done: number
  /** 0 while it is not known yet (while scanning folders). */
  total: number
  phase: TransferPhase
}

/** A file that was not exported or imported, and why, in words for people. */
export interface TransferProblem {
  /** The file: a full path for import sources, a path inside the export folder for exports. */
  path: string
  reason: string
}

/** A full path as the native dialogs give it: `/Users/…`, `C:\…` or `\\server\…`. */
const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\u0000') && /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be a full path, like /Users/dana/Notes or C:\\Notes')

const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'A job id is letters, digits, "-" and "_" (at most 100).')

// ---------------------------------------------------------------------------
// Export

/** One entry, one client (folder or dossier), or the whole vault. */
export const exportScope = z.union([z.object({ entry: id }).strict(), z.object({ client: id }).strict(), z.object({ all: z.literal(true) }).strict()])
export type ExportScope = z.output<typeof exportScope>

export const exportOptions = z.object({
  /** Keep each entry's YAML front matter as it is (true), or write a `# Title` and a readable date line instead. */
  frontMatter: z.boolean().default(true),
  /** Also write each entry's earlier versions, as `history/<entry file>/<date>.md`. */
  history: z.boolean().default(false),
  /** A client as one `.md` (profile, then every entry) instead of a folder. */
  dossier: z.boolean().default(false)
})
export type ExportOptions = z.output<typeof exportOptions>

export const exportFileKinds = ['entry', 'history', 'profile', 'dossier'] as const
export type ExportFileKind = (typeof exportFileKinds)[number]

export interface ExportPlanFile {
  /** Inside the export folder, with `/` on every OS. */
  path: string
  kind: ExportFileKind
  /** A file is already there (only known when the plan has a target). */
  exists: boolean
}

export interface ExportPlan {
  /** The folder the plan was checked against; null when none was given. */
  target: string | null
  files: ExportPlanFile[]
  /** How many of `files` already exist in `target`: they are replaced only with `overwrite: true`. */
  existing: number
  entries: number
  clients: number
  snapshots: number
}

export interface ExportReport {
  jobId: string
  target: string
  /**
   * `done`: every planned file was handled. `cancelled`: stopped between two
   * files; the `written` ones stay. `needs-overwrite`: nothing was written,
   * because the files in `existing` are already there and `overwrite` was not given.
   */
  status: 'done' | 'cancelled' | 'needs-overwrite'
  planned: number
  written: number
  /** What the export holds (all of it, whatever was written before a cancel). */
  entries: number
  clients: number
  snapshots: number
  /** With `needs-overwrite`: the files that are already there. */
  existing: string[]
  /** Files not written: one appeared after the plan was made (never replaced without `overwrite`), or one could not be read. */
  skipped: TransferProblem[]
}

const exportInput = z.object({ scope: exportScope, options: exportOptions.prefault({}) })

// ---------------------------------------------------------------------------
// Import

const importInput = z.object({
  /** Markdown files and folders; none: the user is asked for them (see `choose`). */
  paths: z.array(absolutePath).max(1000).optional(),
  /** Without `paths`, what the dialog asks for: one folder (walked whole), or one or more Markdown files. */
  choose: z.enum(['folder', 'files']).default('folder'),
  /** Every note goes to this client (the user's choice); otherwise each note's client is worked out (see ImportPreview). */
  clientId: id.optional(),
  /**
   * Create the clients named by folders or profiles that the vault does not have; false: their notes go to the
   * vault's own journal. Not given: yes for a Rapport export (its profile.md front matter says so: a backup
   * restores its clients and profiles), no otherwise.
   */
  createClients: z.boolean().optional(),
  /** Read files that are not UTF-8 as Windows-1252 (Latin-1) instead of skipping them. */
  windows1252: z.boolean().default(false),
  jobId: jobId.optional()
})

export interface ImportDestination {
  /** null: the vault's own journal. */
  clientId: string | null
  name: string
  /** A client the import would create. */
  isNew: boolean
  /** Notes that would be written here, duplicates to be skipped excluded. */
  entries: number
  duplicates: number
}

export interface ImportNewClient {
  name: string
  /** Where the name comes from: a client profile in a Rapport export, or a folder name. */
  source: 'profile' | 'folder'
  /** Notes for this client. */
  notes: number
  /** False when clients are not created (see `createClients`): these notes go to the vault's own journal instead. */
  willCreate: boolean
}

export interface ImportDuplicate {
  path: string
  title: string
  /** What it is the same as: an entry in the vault (vault-relative path) or another file of this import. */
  of: string
  inVault: boolean
}

export interface ImportPreview {
  /** The files and folders read (the user's choice, when they were asked). */
  paths: string[]
  /** Markdown notes found and readable. */
  notes: number
  /** Notes that would be written, duplicates skipped. */
  toImport: number
  destinations: ImportDestination[]
  newClients: ImportNewClient[]
  duplicates: ImportDuplicate[]
  problems: TransferProblem[]
  /** Files that are not Markdown (images, PDFs…), left where they are. */
  otherFiles: number
  /** Earlier versions in a Rapport export's `history/` folders, which are not imported as entries. */
  historyVersions: number
  /** The notes include client profiles exported by Rapport: a backup, whose clients are restored unless the person said not to. */
  fromRapportExport: boolean
}

export interface ImportReport {
  jobId: string
  status: 'done' | 'cancelled'
  imported: number
  duplicatesSkipped: number
  clientsCreated: Array<{ id: string; name: string }>
  problems: TransferProblem[]
  /** Notes not reached because the import was cancelled. */
  notReached: number
}

// ---------------------------------------------------------------------------

export const transferContract = {
  /** The files an export would write, with safe names, and which already exist in `target`. Writes nothing. */
  'export:plan': {
    input: exportInput.extend({ target: absolutePath.optional() }),
    output: returns<ExportPlan>()
  },
  /** Writes the export. Without `target` the user is asked for a folder (null: they cancelled). Existing files are replaced only with `overwrite: true`. */
  'export:run': {
    input: exportInput.extend({ target: absolutePath.optional(), overwrite: z.boolean().default(false), jobId: jobId.optional(), plainConfirmed }),
    output: returns<ExportReport | null>()
  },
  /** Reads the notes and says what an import would do; writes nothing. Null: the user cancelled the folder (or files) dialog. */
  'import:preview': { input: importInput, output: returns<ImportPreview | null>() },
  /** Imports the notes; nothing in the source folders is changed. */
  'import:run': {
    input: importInput.extend({ duplicates: z.enum(['skip', 'keep']) }),
    output: returns<ImportReport | null>()
  },
  /** Stops a running export or import between two files; false when no such job is running. */
  'transfer:cancel': { input: z.object({ jobId }), output: returns<{ cancelled: boolean }>() }
} as const
