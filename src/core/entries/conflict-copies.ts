import { basename, join } from 'node:path'
import { RapportError, fileError } from '../errors'
import { syncFolder, writeFileAtomic } from '../fs/atomic-write'
import { rename } from '../fs/vault-moves'
import type { EntryFile } from './entry-file'
import { serializeEntryFile } from './entry-file'
import { freeFileName, takenPaths } from './entry-names'
import type { EntryRecord, EntryState, SyncConflict } from './entry-records'
import { emptyState, isDerivedId } from './entry-records'
import { GIT_MARKERS_TOOL } from './git-markers'
import type { FileRead } from './journal-reader'
import { readBytes, recordFrom } from './journal-reader'

/** `notes.rapport-conflict-20261122-103000.md`: the user's text, kept beside a file someone else changed. */
export function conflictCopyName(path: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return path.replace(/\.md$/, `.rapport-conflict-${stamp}.md`)
}

export function removeCopy(conflictCopies: Map<string, SyncConflict[]>, path: string): void {
  for (const [original, copies] of conflictCopies) {
    const kept = copies.filter((c) => c.path !== path)
    if (kept.length) conflictCopies.set(original, kept)
    else conflictCopies.delete(original)
  }
}

/**
 * Every conflict in the vault: each conflicting copy, with the entry it
 * belongs to (null when that file is gone), and each entry whose file holds
 * git's conflict markers (its own path, tool "git").
 */
export function conflictsOf(state: EntryState): Array<SyncConflict & { entryId: string | null }> {
  const byPath = new Map([...state.records.values()].map((r) => [r.path, r.id]))
  const copies = [...state.conflictCopies.values()].flat().map((c) => ({ ...c, entryId: byPath.get(c.originalPath) ?? null }))
  const markers = [...state.records.values()]
    .filter((r) => r.markers)
    .map((r) => ({ path: r.path, originalPath: r.path, tool: GIT_MARKERS_TOOL, entryId: r.id }))
  return [...markers.sort((a, b) => a.path.localeCompare(b.path)), ...copies]
}

/**
 * Two entries with one title written on one day on two computers get one
 * file name, and the sync tool renames one of them to a conflicting copy.
 * A copy whose id is not the id of the file it sits beside is such an entry,
 * not a version of it: it gets a free name of its own (one atomic rename,
 * and the same name on every computer, which all see the same files), and is
 * an entry like any other. Null for a real conflicting copy (the same id, or
 * none), or when its id is already an entry's elsewhere. In a vault open
 * read-only (`writable` false) it is shown where it is, renamed by the next Rapport that may write.
 */
export async function entryInCopy(
  root: string,
  writable: () => boolean,
  copy: SyncConflict,
  state: EntryState,
  content?: FileRead,
  original = [...state.records.values()].find((r) => r.path === copy.originalPath)
): Promise<EntryRecord | null> {
  if (!original) return null
  const record = recordFrom(copy.path, original.clientId, content ?? (await readBytes(root, copy.path)), emptyState())
  if (!record || record.id === original.id || isDerivedId(record.id) || state.records.has(record.id)) return null
  if (!writable()) return record
  const folder = copy.path.slice(0, copy.path.lastIndexOf('/'))
  const target = freeFileName(root, folder, record.created, record.title, takenPaths(state.records.values()))
  try {
    await rename(join(root, copy.path), join(root, target))
    await syncFolder(join(root, folder))
  } catch (error) {
    state.problems.push({
      path: copy.path,
      reason: `it is an entry of its own (id ${record.id}), but it could not be given its own name: ${fileError(error, 'rename', copy.path).message}`
    })
    return record
  }
  record.path = target
  return record
}

/**
 * A save found the file changed by someone else since the editor opened it.
 * Keep both: theirs stays where it is, ours goes beside it as a conflicting
 * copy, and the person chooses. Always throws the `conflict` that says so.
 */
export async function keepMineBeside(
  root: string,
  state: EntryState,
  record: EntryRecord,
  onDisk: EntryFile,
  mine: { title: string; body: string },
  now: Date
): Promise<never> {
  const copy = conflictCopyName(record.path, now)
  const ours = serializeEntryFile(onDisk, { id: record.id, title: mine.title.trim(), updated: now.toISOString() }, mine.body)
  try {
    await writeFileAtomic(join(root, copy), ours)
  } catch (error) {
    throw fileError(error, 'keep your version of', record.path)
  }
  const copies = state.conflictCopies.get(record.path) ?? []
  state.conflictCopies.set(record.path, [...copies, { path: copy, originalPath: record.path, tool: 'Rapport' }])
  throw new RapportError(
    'conflict',
    `${record.path} was changed by another program while you were editing it. Nothing was overwritten: your version is kept beside it as ${basename(copy)}, so you can compare and choose.`,
    record.path
  )
}
