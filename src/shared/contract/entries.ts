import { z } from 'zod'
import type { Entry, EntrySummary } from '../domain'
import { id, returns } from './define'

const entryTitle = z.string().max(300, 'A title can be at most 300 characters.')

export const entriesContract = {
  'entries:list': { input: z.object({ clientId: id.nullable() }), output: returns<EntrySummary[]>() },
  'entries:read': { input: z.object({ id }), output: returns<Entry>() },
  'entries:create': {
    input: z.object({
      clientId: id.nullable(),
      title: entryTitle.optional(),
      template: id.optional(),
      body: z.string().optional()
    }),
    output: returns<Entry>()
  },
  'entries:save': {
    input: z.object({
      id,
      title: entryTitle,
      body: z.string(),
      /** The `version` the editor started from; a different file on disk is a conflict, never overwritten. */
      version: z.string()
    }),
    output: returns<Entry>()
  },
  'entries:trash': { input: z.object({ id }), output: returns<void>() },
  /** Asks where to save (a native dialog in the app) and writes the entry as Markdown; null when cancelled. */
  'entries:export': { input: z.object({ id }), output: returns<{ path: string } | null>() }
} as const
