import { z } from 'zod'
import { id, returns } from './define'
import type { TransferProblem } from './transfer'

const zipPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\u0000') && /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be a full path to the .zip, like /Users/dana/Day One.zip')

/** One journal of a Day One export, as the preview shows it. */
export interface DayOneJournal {
  name: string
  entries: number
  photos: number
  /** Videos, audio recordings and PDFs. */
  files: number
  /** Entries a previous import already brought (by their Day One id); they are skipped. */
  alreadyImported: number
  first?: string
  last?: string
  /** The client of the same name, suggested; null: the unfiled journal. */
  clientId: string | null
}

export interface DayOnePreview {
  path: string
  journals: DayOneJournal[]
  problems: TransferProblem[]
}

export interface DayOneReport {
  imported: number
  alreadyImported: number
  photos: number
  /** Videos, audio recordings and PDFs kept in attachments/. */
  files: number
  problems: TransferProblem[]
}

export const dayOneContract = {
  /** Reads a Day One JSON export (.zip) and says what it holds; without `path` the person picks the file. Null: cancelled. */
  'import:day-one-preview': { input: z.object({ path: zipPath.optional() }), output: returns<DayOnePreview | null>() },
  /** Imports the journals named, each into the client given (null: the unfiled journal); journals not named are left out. */
  'import:day-one-run': {
    input: z.object({ path: zipPath, journals: z.record(z.string().max(300), id.nullable()) }),
    output: returns<DayOneReport>()
  }
} as const
