import { z } from 'zod'
import type { AppliedItem, ApplyResult, ExtractKind } from '../../shared/contract/templates'
import type { ClientFile } from '../../shared/domain'
import { questionSchema, styleNoteSchema } from '../../shared/domain'
import { RapportError } from '../errors'
import { newId } from '../ids'
import { fold } from './fold'

/**
 * What a reflection can add to client.json, and the two lists it adds there
 * besides `commitments` (documented format, see DESIGN.md "client.json"):
 *
 *   "styleNotes": [{ "text": "Wants numbers before stories", "entry": "e_…", "at": "2026-11-22" }]
 *       What the person learned about how this client likes to work. A list
 *       rather than text appended to `style.notes`: each note keeps its link
 *       to the entry it came from, and `style.notes` stays the person's own prose.
 *
 *   "questions": [{ "id": "q_…", "text": "Who else signs off?", "entry": "e_…",
 *                   "createdAt": "2026-11-22", "askedAt": "2026-11-29" }]
 *       Things to ask next time, for the prep brief; `askedAt` is set once asked.
 *
 * Commitments get the fields DESIGN.md gives them, with `entry` linking back.
 *
 * The client passed in is client.json as read (lowdb's data, not the
 * schema's output), so lists a hand-written file leaves out may be missing.
 */

export type StyleNote = z.infer<typeof styleNoteSchema>
export type Question = z.infer<typeof questionSchema>

/**
 * One of the client's lists, as it is in the file (the same array, so what
 * is pushed lands there and hand-written notes keep their key order); a list
 * that is there but unreadable (edited by hand) is an error, never overwritten.
 */
function listOf<T>(client: ClientFile, key: 'styleNotes' | 'questions', schema: z.ZodType<T>, where: string): T[] | undefined {
  const value = client[key]
  if (value === undefined) return undefined
  if (!z.array(schema).safeParse(value).success) {
    throw new RapportError('broken-file', `${where}: "${key}" is not a list Rapport can read, so nothing was added. Fix it by hand, or remove it.`, where)
  }
  return value as T[]
}

/** True when the client record already holds this item (same words, ignoring case and spacing). */
export function alreadyHas(client: ClientFile, kind: ExtractKind, text: string, where = 'client.json'): boolean {
  const wanted = fold(text)
  switch (kind) {
    case 'style-note':
      return (
        (listOf(client, 'styleNotes', styleNoteSchema, where) ?? []).some((n) => fold(n.text) === wanted) || fold(client.style?.notes ?? '').includes(wanted)
      )
    case 'commitment-mine':
    case 'commitment-theirs': {
      const by = kind === 'commitment-mine' ? 'me' : 'client'
      return (client.commitments ?? []).some((k) => k.by === by && fold(k.what) === wanted)
    }
    case 'question':
      return (listOf(client, 'questions', questionSchema, where) ?? []).some((q) => fold(q.text) === wanted)
  }
}

/**
 * Adds the accepted items to a client record (in place), each linked to the
 * entry it came from; items it already has are skipped, so applying twice
 * adds nothing twice. `where` names the file in messages.
 */
export function addToClient(
  client: ClientFile,
  items: readonly { kind: ExtractKind; text: string; due?: string | undefined }[],
  link: { entryId: string; today: string; where: string }
): ApplyResult {
  const result: ApplyResult = { added: [], skipped: [] }
  // Check both lists first, so an unreadable one stops everything before anything is changed.
  listOf(client, 'styleNotes', styleNoteSchema, link.where)
  listOf(client, 'questions', questionSchema, link.where)
  for (const item of items) {
    const text = item.text.trim()
    if (alreadyHas(client, item.kind, text, link.where)) {
      result.skipped.push({ kind: item.kind, text })
      continue
    }
    const added: AppliedItem = { kind: item.kind, text }
    switch (item.kind) {
      case 'style-note': {
        const notes = listOf(client, 'styleNotes', styleNoteSchema, link.where) ?? []
        notes.push({ text, entry: link.entryId, at: link.today })
        client.styleNotes = notes
        break
      }
      case 'commitment-mine':
      case 'commitment-theirs': {
        const id = newId('k')
        client.commitments ??= []
        client.commitments.push({
          id,
          by: item.kind === 'commitment-mine' ? 'me' : 'client',
          what: text,
          ...(item.due ? { due: item.due } : {}),
          status: 'open',
          createdAt: link.today,
          entry: link.entryId
        })
        added.id = id
        if (item.due) added.due = item.due
        break
      }
      case 'question': {
        const id = newId('q')
        const list = listOf(client, 'questions', questionSchema, link.where) ?? []
        list.push({ id, text, entry: link.entryId, createdAt: link.today })
        client.questions = list
        added.id = id
        break
      }
    }
    result.added.push(added)
  }
  return result
}
