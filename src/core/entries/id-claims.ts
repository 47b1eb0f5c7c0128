import { posix } from 'node:path'
import type { VaultProblem } from '../../shared/domain'
import type { EntryRecord, EntryState } from './entry-records'
import { derivedId } from './entry-records'

/**
 * Which file holds an entry's id when two files claim it.
 *
 * Renaming an entry (its title changed) writes the file under its new name
 * before removing the old one: a crash, a kill or a full disk in between
 * leaves two whole files with one id. Never neither, but two. The one saved
 * later is the entry; the other is a leftover of that rename, kept (nothing
 * is removed without a person) and reported until `rapport doctor --fix`
 * removes it, copy first. The store (when it reads the journal) and doctor
 * (when it checks the vault) both ask here, so they always agree.
 */

/** What the rule looks at: where a file is, and when Rapport last saved it (its front matter's `updated`). */
export interface IdClaim {
  path: string
  updated: string
}

/** A file's claim, from its front matter: `updated`, or `created` without one, as the store reads them (either may be a YAML date). */
export function claimOf(path: string, fields: Record<string, unknown>): IdClaim {
  const stamp = (value: unknown): string | null => (typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : null)
  return { path, updated: stamp(fields.updated) ?? stamp(fields.created) ?? '' }
}

/**
 * Of two files in one folder claiming one id, the one an interrupted rename
 * left behind: the one saved earlier. Null when they cannot be told apart (in
 * two folders, saved at the same moment, a time that is no time): that is a
 * real clash, which a person settles.
 */
export function renameLeftover<T extends IdClaim>(a: T, b: T): T | null {
  if (a.path === b.path || posix.dirname(a.path) !== posix.dirname(b.path)) return null
  const [timeA, timeB] = [Date.parse(a.updated), Date.parse(b.updated)]
  if (Number.isNaN(timeA) || Number.isNaN(timeB) || timeA === timeB) return null
  return timeA < timeB ? a : b
}

/**
 * The `updated` a renaming save writes: now, but never at or before the file
 * it replaces, so the new file is always the later one whatever the clock of
 * the computer that saved the old one said.
 */
export function renameStamp(now: Date, replaced: string): string {
  const after = Date.parse(replaced) + 1
  return new Date(Number.isNaN(after) ? now.getTime() : Math.max(now.getTime(), after)).toISOString()
}

/** How a leftover is reported, in the vault's problems and by doctor. */
export const leftoverReason = (kept: string): string =>
  `left behind by an interrupted rename: ${kept} is the same entry (same id), saved later, and is the one shown; "rapport doctor --fix" removes this one (keeping a copy)`

/**
 * Adds a record read from disk to `state`. When another file (`stillThere`)
 * already holds its id, the rule above decides: a leftover is reported and
 * not listed; a real clash shows the newcomer under an id made from its
 * path, and says so. Returns whether `record` was listed.
 */
export function admit(record: EntryRecord, state: EntryState, stillThere: (path: string) => boolean): boolean {
  const holder = state.records.get(record.id)
  // The same id at another path whose file is gone is a rename (Rapport's own, or another program's), not a clash.
  if (holder && holder.path !== record.path && stillThere(holder.path)) {
    const leftover = renameLeftover(holder, record)
    if (leftover === record) {
      state.problems.push(leftoverProblem(record, holder))
      return false
    }
    if (leftover === holder) state.problems.push(leftoverProblem(holder, record))
    else {
      state.problems.push({
        path: record.path,
        reason: `its id ${record.id} is also used by ${holder.path}; it is shown under another id until one is changed`
      })
      record.id = derivedId(record.path)
    }
  }
  state.records.set(record.id, record)
  return true
}

const leftoverProblem = (leftover: IdClaim, kept: IdClaim): VaultProblem => ({ path: leftover.path, reason: leftoverReason(kept.path) })
