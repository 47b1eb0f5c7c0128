import { z } from 'zod'
import type { Entry } from '../domain'
import { id, returns } from './define'

/** A line-by-line difference, oldest text first. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed'
  text: string
  /** For lines that replaced others: the same text, word by word, marking the words that differ from the other side. */
  words?: DiffWord[]
}

/** A stretch of words inside changed lines: `same` as on the other side, or only on this one. */
export interface DiffWord {
  kind: DiffPart['kind']
  text: string
}

export interface SnapshotSummary {
  id: string
  at: string
  bytes: number
}

export interface TrashItemSummary {
  id: string
  kind: 'client' | 'entry' | 'template' | 'attachment'
  label: string
  originalPath: string
  deletedAt: string
}

/** The `tool` of a conflict that is git's markers inside the entry's own file (not a copy beside it). */
export const GIT_MARKERS_TOOL = 'git'

export interface ConflictSummary {
  /** The conflicting copy, vault-relative. */
  path: string
  /** The file it is a copy of. */
  originalPath: string
  entryId: string | null
  /**
   * Who made it: Syncthing, Dropbox, Nextcloud, Rapport (your text, kept when someone else changed the file),
   * or git (its conflict markers inside the entry's own file: then `path` is the entry's path).
   */
  tool: string
  /**
   * Which side is "mine" (this computer's, or what you typed): `copy` for Rapport's own copies, `entry` otherwise
   * (for git, `entry` is the side this computer had and `copy` the side pulled in).
   */
  mine: ConflictSide
}

/** The two sides of a conflict: the entry's file as it is (for git, this computer's side) and the other version. */
export type ConflictSide = 'entry' | 'copy'

/** Each side of a conflict in words, lower case, to be used inside a sentence. */
export type ConflictSideNames = Record<ConflictSide, string>

const snapshotId = z.string().regex(/^\d{8}T\d{9}Z$/, 'That is not a history snapshot.')
const vaultPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.split(/[\\/]/).includes('..') && !/^([a-zA-Z]:)?[\\/]/.test(p), 'The path must stay inside the vault.')

/** The vault's safety nets: history of every entry, the trash, and conflicting copies to compare and resolve. */
/** Both sides of a conflict, for the compare view. `entrySide` is the entry's file as it is (for git: this computer's side); `diff` goes from it to `copy`. */
export interface ConflictComparison {
  entry: Entry
  mineSide: ConflictSide
  entrySide: { title: string; body: string }
  copy: { title: string; body: string }
  diff: DiffPart[]
  /** The two sides named plainly ("what is on disk now", "what you typed"), for the view and the merge draft. */
  names: ConflictSideNames
}

export const safetyContract = {
  'history:list': { input: z.object({ entryId: id }), output: returns<SnapshotSummary[]>() },
  /** The snapshot's text and how the entry changed since (snapshot → current). */
  'history:compare': {
    input: z.object({ entryId: id, snapshotId }),
    output: returns<{ snapshot: { title: string; body: string }; diff: DiffPart[] }>()
  },
  /** Puts a snapshot back; what was there is kept as a snapshot first, so a restore can itself be undone. */
  'history:restore': { input: z.object({ entryId: id, snapshotId, version: z.string() }), output: returns<Entry>() },

  'trash:list': { input: z.void(), output: returns<TrashItemSummary[]>() },
  'trash:restore': { input: z.object({ id: z.string().min(1).max(400) }), output: returns<{ path: string }>() },
  'trash:empty': { input: z.void(), output: returns<{ removed: number }>() },

  'conflicts:list': { input: z.void(), output: returns<ConflictSummary[]>() },
  'conflicts:compare': {
    input: z.object({ path: vaultPath }),
    output: returns<ConflictComparison>()
  },
  /**
   * `keep: 'entry'` keeps the entry as it is; `keep: 'copy'` puts the copy's text into the entry; `keep: 'both'` keeps
   * both texts in the entry (what they share once). The other version goes to the trash. For git's markers, the same
   * with this computer's side as `entry` and the side pulled in as `copy`.
   * `keep: 'apart'` keeps both as two entries: the entry holds the person's side ("mine"), and the other side becomes a
   * new entry beside it. `keep: 'merge'` writes a draft into the entry with both sides where they differ, each
   * clearly marked, for the person to edit by hand. Either way the entry's file as it was goes to its history.
   */
  'conflicts:resolve': {
    input: z.object({ path: vaultPath, keep: z.enum(['entry', 'copy', 'both', 'apart', 'merge']), version: z.string().optional() }),
    output: returns<Entry | null>()
  }
} as const
