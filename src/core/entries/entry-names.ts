import { basename, join } from 'node:path'
import { toVaultPath } from '../fs/layout'
import { safeSlug, uniqueName } from '../fs/safe-name'
import { exists } from '../fs/vault-files'
import type { EntryRecord } from './entry-records'

/** `2026-11-22-scope-call-went-sideways`: the date first, so files sort by time in any file manager. */
export const fileStem = (created: string, title: string): string => {
  // `created` comes from a file a person may have edited: only a real date prefix goes into a file name.
  const day = /^\d{4}-\d{2}-\d{2}/.exec(created)?.[0] ?? 'undated'
  return `${day}-${safeSlug(title, 'untitled')}`
}

/** Every entry's path, lower-cased: names are compared ignoring case, as macOS and Windows disks do. */
export function takenPaths(records: Iterable<EntryRecord>): Set<string> {
  return new Set([...records].map((r) => r.path.toLowerCase()))
}

/**
 * A name in `folder` that no entry and no file has: the entry's stem,
 * numbered when taken. `onDisk`: whether a file has the name, when `taken`
 * does not hold every name on disk already (looked up by default).
 */
export function freeFileName(
  root: string,
  folder: string,
  created: string,
  title: string,
  taken: ReadonlySet<string>,
  stem = fileStem(created, title),
  onDisk: (path: string) => boolean = exists
): string {
  const name = uniqueName(stem, (candidate) => taken.has(toVaultPath(folder, candidate).toLowerCase()) || onDisk(join(root, folder, candidate)), '.md')
  return toVaultPath(folder, name)
}

/** Where an entry's file goes when its title changes: its own path when the name already fits. */
export function renamedPath(root: string, record: EntryRecord, title: string, records: Iterable<EntryRecord>): string {
  const folder = record.path.slice(0, record.path.lastIndexOf('/'))
  const wanted = fileStem(record.created, title)
  if (basename(record.path, '.md') === wanted) return record.path
  return freeFileName(root, folder, record.created, title, takenPaths(records))
}
