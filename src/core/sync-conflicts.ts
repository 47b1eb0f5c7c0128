import { basename } from 'node:path'

/**
 * Copies that sync tools make when two devices changed the same file:
 *   Syncthing  notes.sync-conflict-20261122-103000-ABCDEFG.md
 *   Dropbox    notes (Anna's conflicted copy 2026-11-22).md
 *   Nextcloud / ownCloud  notes (conflicted copy 2026-11-22 103000).md, notes_conflict-20261122-103000.md
 *   Rapport    notes.rapport-conflict-20261122-103000.md (see EntryStore.save)
 *   Google Drive / OneDrive  notes-DESKTOP-ABC.md is not detectable by name and is treated as an entry.
 * They are never entries of their own: each belongs to the file it was copied from.
 */
const patterns: Array<{ tool: string; pattern: RegExp }> = [
  { tool: 'Syncthing', pattern: /^(.*)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?(\.[^.]+)?$/ },
  { tool: 'Dropbox', pattern: /^(.*?) \([^()]*conflicted copy[^()]*\)(\.[^.]+)?$/i },
  { tool: 'Nextcloud', pattern: /^(.*)_conflict-\d{8}-\d{6}(\.[^.]+)?$/ },
  // Rapport's own: the user's text, kept beside an entry someone else changed while it was being edited.
  { tool: 'Rapport', pattern: /^(.*)\.rapport-conflict-\d{8}-\d{6}(\.[^.]+)?$/ }
]

export interface SyncConflictName {
  tool: string
  /** The name of the file this one is a conflicting copy of. */
  originalName: string
}

export function parseSyncConflictName(path: string): SyncConflictName | null {
  const name = basename(path)
  for (const { tool, pattern } of patterns) {
    const match = pattern.exec(name)
    if (match) return { tool, originalName: `${match[1]}${match[2] ?? ''}` }
  }
  return null
}
