import { join } from 'node:path'
import { readFile } from '../fs/vault-files'
import type { HandlersFor } from '../../shared/api'
import type { safetyContract } from '../../shared/contract/safety'
import { parseEntryFile } from '../entries/entry-file'
import { RapportError, fileError } from '../errors'
import { emptyTrash, listTrash, moveToTrash, restoreFromTrash } from '../vault/trash'
import type { Vault } from '../vault/vault'
import { lineDiff } from './line-diff'

/** History, trash and conflict copies: the ways back from a mistake, a deletion or a sync clash. */
export function safetyHandlers(vault: Vault): HandlersFor<typeof safetyContract> {
  const readVaultText = async (path: string): Promise<string> => {
    try {
      return await readFile(join(vault.root, path), 'utf8')
    } catch (error) {
      throw fileError(error, 'read', path)
    }
  }
  const conflictAt = (path: string) => {
    const conflict = vault.entries.conflicts().find((c) => c.path === path)
    if (!conflict) throw new RapportError('not-found', 'That conflicting copy is no longer there; it may have been resolved already.')
    return conflict
  }
  const titleOf = (fields: Record<string, unknown>): string => (typeof fields.title === 'string' ? fields.title : '')

  return {
    'history:list': async ({ entryId }) => {
      await vault.entries.read(entryId) // a clear not-found for an unknown entry
      return vault.history.list(entryId)
    },
    'history:compare': async ({ entryId, snapshotId }) => {
      const current = await vault.entries.read(entryId)
      const snapshot = parseEntryFile(await vault.history.read(entryId, snapshotId))
      return { snapshot: { title: titleOf(snapshot.fields), body: snapshot.body }, diff: lineDiff(snapshot.body, current.body) }
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

    'conflicts:list': async () => vault.entries.conflicts(),
    'conflicts:compare': async ({ path }) => {
      const conflict = conflictAt(path)
      if (!conflict.entryId) throw new RapportError('not-found', `${conflict.originalPath} no longer exists; the copy ${path} can be opened as it is.`)
      const entry = await vault.entries.read(conflict.entryId)
      const copy = parseEntryFile(await readVaultText(path))
      return { entry, copy: { title: titleOf(copy.fields) || entry.title, body: copy.body }, diff: lineDiff(entry.body, copy.body) }
    },
    'conflicts:resolve': async ({ path, keep, version }) => {
      vault.assertWritable()
      const conflict = conflictAt(path)
      let entry = conflict.entryId ? await vault.entries.read(conflict.entryId) : null
      if (keep === 'copy') {
        if (!entry) throw new RapportError('not-found', `${conflict.originalPath} no longer exists.`)
        const copy = parseEntryFile(await readVaultText(path))
        entry = await vault.entries.save({ id: entry.id, title: titleOf(copy.fields) || entry.title, body: copy.body, version: version ?? entry.version, keepSnapshot: true })
      }
      await moveToTrash(vault.root, path, { kind: 'entry', label: `Conflicting copy of ${entry?.title || conflict.originalPath}` })
      await vault.reload()
      return entry ? vault.entries.read(entry.id) : null
    }
  }
}
