/**
 * Rapport's caches (`.rapport/cache/`) are its own, rebuilt from the entries
 * whenever they are missing, stale or damaged (see search/index-cache.ts and
 * mentions/backlinks-index.ts: each is checked against the files' versions
 * before anything in it is used). A sync tool or git that syncs them anyway
 * can leave a conflicting copy beside one: then two computers wrote it, and
 * which one is at the cache's name is chance. Both go, and the cache is built
 * again from this computer's files. Nothing here is the person's: only files
 * in the cache folder whose names say they are conflicting copies are removed.
 */
import { join } from 'node:path'
import { exists, readdir, unlink } from '../fs/vault-files'
import { parseSyncConflictName } from '../sync-conflicts'
import { layout, toVaultPath } from '../fs/layout'

export const cacheFolder = toVaultPath(layout.appDir, 'cache')

/** Removes each conflicting copy of a cache file, and the cache it is a copy of; returns what was removed (vault paths). */
export async function removeConflictingCaches(root: string): Promise<string[]> {
  const folder = join(root, cacheFolder)
  if (!exists(folder)) return []
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return [] // unreadable: the caches in it fail their own checks and are rebuilt
  }
  const removed: string[] = []
  for (const name of names) {
    const conflict = parseSyncConflictName(name)
    if (!conflict) continue
    for (const doomed of [name, conflict.originalName]) {
      if (removed.includes(toVaultPath(cacheFolder, doomed))) continue
      try {
        await unlink(join(folder, doomed))
        removed.push(toVaultPath(cacheFolder, doomed))
      } catch {
        // Already gone (the cache itself may never have been written here): nothing to rebuild from it either way.
      }
    }
  }
  return removed
}
