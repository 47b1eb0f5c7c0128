import { z } from 'zod'
import { id, returns } from './define'
import { plainConfirmed } from './security'

/** The largest attachment (50 MB, see src/core/attachments) as base64, with room for its padding. */
const MAX_BASE64 = Math.ceil((50 * 1024 * 1024) / 3) * 4 + 4

/** A file attached to an entry, as the entry links it. */
export interface EntryAttachment {
  /** The link as written in the entry (`../attachments/plan.pdf`). */
  href: string
  /** The file's name, to show. */
  name: string
  image: boolean
  /** False when the link names no file of the vault (moved, deleted, never copied). */
  present: boolean
  size?: number
}

export interface AddedAttachment {
  /** The Markdown to put in the entry: `![alt](../attachments/a.png)` or `[plan.pdf](../attachments/plan.pdf)`. */
  markdown: string
  href: string
  image: boolean
}

export const attachmentsContract = {
  /** Keeps a pasted or dropped file in the entry's client's attachments/ folder; the Markdown that links it. */
  'attachments:add': {
    input: z.object({
      entryId: id,
      name: z.string().max(1000, 'A file name can be at most 1000 characters.'),
      data: z
        .string()
        .max(MAX_BASE64, 'The file is bigger than the 50 MB an attachment may be.')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file did not arrive whole.')
    }),
    output: returns<AddedAttachment>()
  },
  /** The files an entry links (as last saved): images and documents, and whether each is there. */
  'attachments:list': { input: z.object({ entryId: id }), output: returns<EntryAttachment[]>() },
  /** Opens one with the system's default app; only ever on the person's click. Null once opened (from an encrypted vault, a clear copy needs the person's yes). */
  'attachments:open': { input: z.object({ entryId: id, href: z.string().min(1).max(2000), plainConfirmed }), output: returns<null>() }
} as const
