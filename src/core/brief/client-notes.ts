import type { z } from 'zod'
import type { StoredClient } from '../relationship/stored-client'
import type { Question, StyleNote } from '../templates/client-additions'
import { questionSchema, styleNoteSchema } from '../../shared/domain'

/**
 * The lists reflections add to client.json (`questions`, `styleNotes`, see
 * templates/client-additions.ts), read for showing only, item by item: one
 * a person broke by hand is skipped, never a reason for the brief to fail.
 */
function readableItems<T>(client: StoredClient, key: 'questions' | 'styleNotes', schema: z.ZodType<T>): T[] {
  const value = (client as Record<string, unknown>)[key]
  if (!Array.isArray(value)) return []
  return value.flatMap((item) => {
    const parsed = schema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}

/** Questions still to ask (no `askedAt`), in the order they were added. */
export const openQuestionsOf = (client: StoredClient): Question[] =>
  readableItems(client, 'questions', questionSchema).filter((q) => q.askedAt === undefined && q.text.trim() !== '')

export const styleNotesOf = (client: StoredClient): StyleNote[] => readableItems(client, 'styleNotes', styleNoteSchema).filter((n) => n.text.trim() !== '')
