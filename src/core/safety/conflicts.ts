/**
 * Conflicts, the one way the app and the command line see and resolve them:
 * a conflicting copy beside an entry (from a sync tool, or Rapport's own when
 * a save met a file changed elsewhere), or git's conflict markers inside the
 * entry's file. Resolving keeps one side, the other or both; nothing is
 * deleted: the version not kept goes to the trash, and the entry's file as it
 * was goes to its history.
 */
import { dirname, join } from 'node:path'
import { readFile } from '../fs/vault-files'
import type { ConflictComparison, ConflictSide, ConflictSideNames, ConflictSummary } from '../../shared/contract/safety'
import type { Entry } from '../../shared/domain'
import { parseEntryFile } from '../entries/entry-file'
import type { EntryFile } from '../entries/entry-file'
import { GIT_MARKERS_TOOL, splitGitMarkers } from '../entries/git-markers'
import { keepBoth } from '../entries/keep-both'
import { conflictCopyName } from '../entries/conflict-copies'
import { RapportError, fileError } from '../errors'
import { moveToTrash, putInTrash } from '../fs/trash'
import type { Vault } from '../vault/vault'
import { lineAndWordDiff } from '../history/word-diff'
import { mergeDraft } from '../entries/merge-draft'
import { newId } from '../ids'

export type KeepChoice = ConflictSide | 'both' | 'apart' | 'merge'

/** Rapport's own copy holds what you typed; any other copy (or git's incoming side) came from elsewhere. */
export const mineSideOf = (tool: string): ConflictSide => (tool === 'Rapport' ? 'copy' : 'entry')

/** The two sides in plain words: for Rapport's own copy, what is on disk now and what the person typed. */
export function sideNamesOf(tool: string): ConflictSideNames {
  if (tool === GIT_MARKERS_TOOL) return { entry: 'this computer’s version', copy: 'the version pulled in with git' }
  if (tool === 'Rapport') return { entry: 'what is on disk now', copy: 'what you typed' }
  return { entry: 'the entry as it is', copy: `the copy from ${tool}` }
}

export function listConflicts(vault: Vault): ConflictSummary[] {
  return vault.entries.conflicts().map((c) => ({ ...c, mine: mineSideOf(c.tool) }))
}

function conflictAt(vault: Vault, path: string): ConflictSummary {
  const conflict = listConflicts(vault).find((c) => c.path === path)
  if (!conflict) throw new RapportError('not-found', 'That conflict is no longer there; it may have been resolved already.')
  return conflict
}

async function readVaultText(vault: Vault, path: string): Promise<string> {
  try {
    return await readFile(join(vault.root, path), 'utf8')
  } catch (error) {
    throw fileError(error, 'read', path)
  }
}

const titleOf = (file: EntryFile): string => (typeof file.fields.title === 'string' ? file.fields.title : '')

/** The two versions of a conflict as files: the entry's side and the other. */
async function sidesOf(vault: Vault, conflict: ConflictSummary, entry: Entry): Promise<{ entry: string; copy: string }> {
  if (conflict.tool === GIT_MARKERS_TOOL) {
    const sides = splitGitMarkers(await vault.entries.text(entry.id))
    if (!sides) throw new RapportError('not-found', `${conflict.path} no longer holds git's conflict markers; it may have been resolved already.`)
    return { entry: sides.mine, copy: sides.theirs }
  }
  return { entry: await vault.entries.text(entry.id), copy: await readVaultText(vault, conflict.path) }
}

async function entryOf(vault: Vault, conflict: ConflictSummary): Promise<Entry> {
  if (!conflict.entryId) throw new RapportError('not-found', `${conflict.originalPath} no longer exists; the copy ${conflict.path} can be opened as it is.`)
  return vault.entries.read(conflict.entryId)
}

export async function compareConflict(vault: Vault, path: string): Promise<ConflictComparison> {
  const conflict = conflictAt(vault, path)
  const entry = await entryOf(vault, conflict)
  const sides = await sidesOf(vault, conflict, entry)
  const ours = parseEntryFile(sides.entry)
  const other = parseEntryFile(sides.copy)
  const entrySide = { title: titleOf(ours) || entry.title, body: ours.body }
  const copy = { title: titleOf(other) || entry.title, body: other.body }
  return { entry, mineSide: conflict.mine, entrySide, copy, diff: lineAndWordDiff(entrySide.body, copy.body), names: sideNamesOf(conflict.tool) }
}

/**
 * Keeps the side chosen (or both, what they share once, mine first). The
 * version not kept goes to the trash; the entry's file as it was, to its
 * history. `version` is the entry's version the person compared; a file
 * changed since is not written over.
 */
export async function resolveConflict(
  vault: Vault,
  input: { path: string; keep: KeepChoice; version?: string | undefined },
  now = new Date()
): Promise<Entry | null> {
  vault.assertWritable()
  const conflict = conflictAt(vault, input.path)
  if (conflict.tool === GIT_MARKERS_TOOL) return resolveMarkers(vault, conflict, input, now)

  let entry = conflict.entryId ? await vault.entries.read(conflict.entryId) : null
  if (input.keep !== 'entry') {
    if (!entry) throw new RapportError('not-found', `${conflict.originalPath} no longer exists.`)
    const copy = parseEntryFile(await readVaultText(vault, conflict.path))
    const version = input.version ?? entry.version
    const mineFirst = conflict.mine === 'entry' ? [entry.body, copy.body] : [copy.body, entry.body]
    const mine = conflict.mine === 'entry' ? { title: entry.title, body: entry.body } : { title: titleOf(copy) || entry.title, body: copy.body }
    if (input.keep === 'apart') {
      if (version !== entry.version)
        throw new RapportError('conflict', `${entry.path} changed again on disk meanwhile. Nothing was written; compare the versions again.`, entry.path)
      // The other side is written as an entry of its own before the entry changes: if that fails, nothing has.
      await adoptOtherSide(vault, entry, conflict.mine === 'entry' ? copy : parseEntryFile(await vault.entries.text(entry.id)), now)
    }
    const body =
      input.keep === 'copy'
        ? copy.body
        : input.keep === 'apart'
          ? mine.body
          : input.keep === 'merge'
            ? mergeDraft(entry.body, copy.body, draftSides(conflict.tool))
            : keepBoth(mineFirst[0] ?? '', mineFirst[1] ?? '')
    const title = input.keep === 'copy' ? titleOf(copy) || entry.title : input.keep === 'both' ? entry.title : mine.title
    entry = await vault.entries.save({ id: entry.id, title, body, version, keepSnapshot: true }, now)
  }
  await moveToTrash(vault.root, conflict.path, { kind: 'entry', label: `Conflicting copy of ${entry?.title || conflict.originalPath}` }, now)
  await vault.reload()
  return entry ? vault.entries.read(entry.id) : null
}

async function resolveMarkers(vault: Vault, conflict: ConflictSummary, input: { keep: KeepChoice; version?: string | undefined }, now: Date): Promise<Entry> {
  const entry = await entryOf(vault, conflict)
  const version = input.version ?? entry.version
  const sides = await sidesOf(vault, conflict, entry)
  let chosen: string
  if (input.keep === 'both') {
    const mine = parseEntryFile(sides.entry)
    const theirs = parseEntryFile(sides.copy)
    // One front matter (two would be invalid YAML): this computer's, unless only theirs can be read.
    const base = mine.problem && !theirs.problem ? { text: sides.copy, file: theirs } : { text: sides.entry, file: mine }
    chosen = base.text.slice(0, base.text.length - base.file.body.length) + keepBoth(mine.body, theirs.body)
  } else if (input.keep === 'merge') {
    const mine = parseEntryFile(sides.entry)
    const theirs = parseEntryFile(sides.copy)
    const base = mine.problem && !theirs.problem ? { text: sides.copy, file: theirs } : { text: sides.entry, file: mine }
    chosen = base.text.slice(0, base.text.length - base.file.body.length) + mergeDraft(mine.body, theirs.body, draftSides(conflict.tool))
  } else if (input.keep === 'apart') {
    await adoptOtherSide(vault, entry, parseEntryFile(sides.copy), now)
    chosen = sides.entry
  } else chosen = input.keep === 'entry' ? sides.entry : sides.copy
  const other = input.keep === 'copy' ? sides.entry : sides.copy
  // Written to the trash before the entry changes: if that fails, nothing has changed. Restored, it comes back as a conflicting copy.
  await putInTrash(
    vault.root,
    conflictCopyName(conflict.path, now),
    other,
    { kind: 'entry', label: `The other version of ${entry.title || conflict.path} (git conflict)` },
    now
  )
  return vault.entries.writeResolved(entry.id, chosen, version, now)
}

const draftSides = (tool: string): { first: string; second: string } => {
  const names = sideNamesOf(tool)
  return { first: names.entry, second: names.copy }
}

/**
 * The other side of a conflict, kept as a new entry beside the entry: its own
 * id, the same client, its title marked "(other version)", and every field of
 * its front matter (known or not) as it was.
 */
async function adoptOtherSide(vault: Vault, entry: Entry, other: EntryFile, now: Date): Promise<void> {
  const { id: _id, title: _title, created, ...fields } = other.fields
  const title = `${titleOf(other) || entry.title || 'Untitled'} (other version)`
  await vault.entries.adopt({
    clientId: entry.clientId,
    folder: dirname(entry.path),
    original: other.problem ? null : other,
    fields: { ...fields, id: newId('e'), title, created: typeof created === 'string' ? created : entry.created, updated: now.toISOString() },
    body: other.body
  })
}
