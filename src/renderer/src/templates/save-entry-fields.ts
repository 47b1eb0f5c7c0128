import type { Entry } from '@shared/domain'
import { call } from '@renderer/platform/api'
import type { AutosaveSession, Draft } from '@renderer/platform/editing/autosave-session'

let queue: Promise<unknown> = Promise.resolve()

/**
 * Saves front-matter fields (a template's mood…) beside the text. The text's
 * autosave goes first, then one `entries:save` carries the same text and the
 * fields from the version it left, and the session carries on from the new
 * version, so the two never conflict. Saves are queued one after another.
 */
export function saveEntryFields(
  entryId: string,
  session: AutosaveSession,
  readDraft: () => Draft,
  fields: Record<string, number | string | boolean | null>
): Promise<Entry> {
  const run = async (): Promise<Entry> => {
    if (!(await session.flush())) {
      const state = session.getState()
      throw new Error('message' in state ? state.message : 'The entry could not be saved.')
    }
    const draft = readDraft()
    const saved = await call('entries:save', { id: entryId, ...draft, version: session.currentVersion, fields })
    session.reset(saved.version, draft)
    // Typed while this save was on its way: not in this save, so mark it for the next one.
    const now = readDraft()
    if (now.title !== draft.title || now.body !== draft.body) session.markDirty()
    return saved
  }
  const next = queue.then(run, run)
  queue = next.catch(() => undefined)
  return next
}
