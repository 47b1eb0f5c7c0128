import type { HandlersFor } from '../../shared/api'
import type { safetyContract } from '../../shared/contract/safety'
import { parseEntryFile } from '../entries/entry-file'
import { emptyTrash, listTrash, restoreFromTrash } from '../fs/trash'
import type { Vault } from '../vault/vault'
import { compareConflict, listConflicts, resolveConflict } from './conflicts'
import { lineAndWordDiff } from '../history/word-diff'

/** History, trash and conflict copies: the ways back from a mistake, a deletion or a sync clash. */
export function safetyHandlers(vault: Vault): HandlersFor<typeof safetyContract> {
  const titleOf = (fields: Record<string, unknown>): string => (typeof fields.title === 'string' ? fields.title : '')

  return {
    'history:list': async ({ entryId }) => {
      await vault.entries.read(entryId) // a clear not-found for an unknown entry
      return vault.history.list(entryId)
    },
    'history:compare': async ({ entryId, snapshotId }) => {
      const current = await vault.entries.read(entryId)
      const snapshot = parseEntryFile(await vault.history.read(entryId, snapshotId))
      return { snapshot: { title: titleOf(snapshot.fields), body: snapshot.body }, diff: lineAndWordDiff(snapshot.body, current.body) }
    },
    'history:restore': async ({ entryId, snapshotId, version }) => {
      vault.assertWritable()
      const snapshot = parseEntryFile(await vault.history.read(entryId, snapshotId))
      return vault.entries.save({ id: entryId, title: titleOf(snapshot.fields), body: snapshot.body, version, keepSnapshot: true })
    },

    'trash:list': async () => listTrash(vault.root),
    'trash:restore': async ({ id }) => {
      vault.assertWritable()
      const path = await restoreFromTrash(vault.root, id)
      await vault.reload()
      return { path }
    },
    'trash:empty': async () => {
      vault.assertWritable()
      return { removed: await emptyTrash(vault.root) }
    },

    'conflicts:list': async () => listConflicts(vault),
    'conflicts:compare': async ({ path }) => compareConflict(vault, path),
    'conflicts:resolve': async (input) => resolveConflict(vault, input)
  }
}
