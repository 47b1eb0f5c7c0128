import { z } from 'zod'
import type { Entry, EntrySummary } from '../domain'
import { id, returns } from './define'
import { plainConfirmed } from './security'

const entryTitle = z.string().max(300, 'A title can be at most 300 characters.')

/** Front-matter fields an entry records beside its text (a template's `mood`, say). Rapport's own keys cannot be set this way. */
export const reservedEntryFields = ['id', 'client', 'title', 'created', 'updated', 'template', 'tags'] as const
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/
const entryFields = z.record(z.string(), z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.null()])).superRefine((fields, ctx) => {
  const keys = Object.keys(fields)
  if (keys.length > 50) ctx.addIssue({ code: 'custom', message: 'At most 50 fields.' })
  for (const key of keys) {
    if (!FIELD_NAME.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'A field name is a word of letters, digits, - or _.' })
    else if ((reservedEntryFields as readonly string[]).includes(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is Rapport’s own field and is set by the app.` })
    }
  }
})

export const entriesContract = {
  'entries:list': { input: z.object({ clientId: id.nullable() }), output: returns<EntrySummary[]>() },
  'entries:read': { input: z.object({ id }), output: returns<Entry>() },
  'entries:create': {
    input: z.object({
      clientId: id.nullable(),
      title: entryTitle.optional(),
      template: id.optional(),
      body: z.string().optional(),
      /** When it happened, for an entry written later (a backdate); now unless given. */
      created: z.iso.datetime({ offset: true, message: 'must be a date and time like 2026-11-22T14:30:00Z' }).optional()
    }),
    output: returns<Entry>()
  },
  'entries:save': {
    input: z.object({
      id,
      title: entryTitle,
      body: z.string(),
      /** The `version` the editor started from; a different file on disk is a conflict, never overwritten. */
      version: z.string(),
      /** Fields to set in the front matter; null removes one. Fields not named are kept as they are. */
      fields: entryFields.optional()
    }),
    output: returns<Entry>()
  },
  'entries:trash': { input: z.object({ id }), output: returns<void>() },
  /** Asks where to save (a native dialog in the app) and writes the entry as Markdown; null when cancelled. */
  'entries:export': { input: z.object({ id, plainConfirmed }), output: returns<{ path: string } | null>() }
} as const
