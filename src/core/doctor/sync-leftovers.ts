/**
 * What sync engines leave behind, as doctor reports it: git's conflict
 * markers inside an entry, and a sync tool's conflicting copy that is really
 * another entry. Kept apart from doctor.ts's own checks (one rule each).
 */
import { join } from 'node:path'
import { exists, readFile } from '../fs/vault-files'
import { parseEntryFile } from '../entries/entry-file'
import { entryFileOfSides, splitGitMarkers } from '../entries/git-markers'
import type { SyncConflictName } from '../sync-conflicts'
import { toVaultPath } from '../fs/layout'

export interface LeftoverFinding {
  path: string
  reason: string
  /** Each conflicting stretch of a file with git's markers: this computer's side and the side pulled in. */
  sides?: Array<{ mine: string; theirs: string }>
}

const idIn = (text: string): string | null => {
  const sides = splitGitMarkers(text)
  const { id } = (sides ? entryFileOfSides(sides.mine, sides.theirs) : parseEntryFile(text)).fields
  return typeof id === 'string' && id.trim() ? id.trim() : null
}

/** An entry whose file holds git's conflict markers (in the body or the front matter), with both sides; null when it has none. */
export function gitMarkersFinding(path: string, text: string): LeftoverFinding | null {
  const sides = splitGitMarkers(text)
  if (!sides) return null
  const inFrontMatter = parseEntryFile(text).problem !== undefined
  const id = idIn(text)
  const where = inFrontMatter ? `its front matter (the id ${id ?? 'cannot be read on either side'}${id ? ', read from the sides' : ''})` : 'its text'
  return {
    path,
    reason: `git's conflict markers in ${where}: two versions git could not merge, committed as they were. Compare and choose in Rapport, or run "rapport resolve ${id ?? 'ID'} --keep mine|theirs|both"`,
    sides: sides.hunks
  }
}

/** A conflicting copy: a version of the entry beside it, or (another id) an entry of its own that Rapport renames when it opens the vault. */
export async function conflictCopyFinding(root: string, folder: string, path: string, conflict: SyncConflictName): Promise<LeftoverFinding> {
  const originalPath = toVaultPath(folder, conflict.originalName)
  const copyId = idIn(await readFile(join(root, path), 'utf8').catch(() => ''))
  const originalId = exists(join(root, originalPath)) ? idIn(await readFile(join(root, originalPath), 'utf8').catch(() => '')) : null
  if (copyId && originalId && copyId !== originalId) {
    return {
      path,
      reason: `an entry of its own (id ${copyId}) that ${conflict.tool} renamed because ${conflict.originalName} had its name; Rapport gives it a name of its own when it next opens the vault`
    }
  }
  return {
    path,
    reason: `a conflicting copy of ${conflict.originalName} made by ${conflict.tool}; compare and resolve it in Rapport, or with "rapport resolve ${originalId ?? 'ID'}"`
  }
}
