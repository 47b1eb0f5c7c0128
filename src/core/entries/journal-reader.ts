import { join } from 'node:path'
import { RapportError, fileError } from '../errors'
import { fileVersion } from '../fs/file-version'
import { toVaultPath } from '../fs/layout'
import { isTempFile } from '../fs/atomic-write'
import { exists, readdir, readFile, stat } from '../fs/vault-files'
import { parseSyncConflictName } from '../sync-conflicts'
import type { EntryFile, WrittenFrontMatter } from './entry-file'
import { parseEntryFile } from './entry-file'
import type { EntryRecord, EntryState } from './entry-records'
import { EXCERPT_BYTES, recordOf } from './entry-records'
import { entryFileOfSides, splitGitMarkers } from './git-markers'

/** A file's bytes and size, or why it could not be read. */
export type FileRead = { bytes: Buffer; size: number } | { error: unknown }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Every `.md` file under a journal folder, subfolders included; symlinks are
 * not followed (no loops, nothing outside the vault). A sync tool's conflicting
 * copy is never an entry of its own: it goes into `state.conflictCopies`, to
 * be offered for comparison with the file it was copied from.
 */
export async function markdownFiles(root: string, folder: string, state: EntryState): Promise<string[]> {
  const absolute = join(root, folder)
  if (!exists(absolute)) return []
  const found: string[] = []
  for (const item of await readdir(absolute, { withFileTypes: true })) {
    const relative = toVaultPath(folder, item.name)
    if (item.name.startsWith('.') || isTempFile(item.name)) continue
    if (item.isDirectory()) found.push(...(await markdownFiles(root, relative, state)))
    else if (item.isFile() && item.name.toLowerCase().endsWith('.md')) {
      const conflict = parseSyncConflictName(item.name)
      if (!conflict) found.push(relative)
      else {
        const originalPath = toVaultPath(folder, conflict.originalName)
        const copies = state.conflictCopies.get(originalPath) ?? []
        copies.push({ path: relative, originalPath, tool: conflict.tool })
        state.conflictCopies.set(originalPath, copies)
      }
    }
  }
  return found.sort()
}

export async function readBytes(root: string, relative: string): Promise<FileRead> {
  const absolute = join(root, relative)
  try {
    const size = (await stat(absolute)).size
    return { bytes: await readFile(absolute), size }
  } catch (error) {
    return { error }
  }
}

/**
 * The record of a file as read, or null when it could not be read; what is
 * wrong with it (not UTF-8, broken front matter) goes into `state.problems`
 * and the entry is still shown. With git's conflict markers, this computer's
 * side is what the record shows.
 */
export function recordFrom(relative: string, clientId: string | null, read: FileRead, state: EntryState): EntryRecord | null {
  if ('error' in read) {
    state.problems.push({ path: relative, reason: fileError(read.error, 'read', relative).message })
    return null
  }
  const { bytes, size } = read
  const version = fileVersion(bytes)
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    const reason = 'it is not UTF-8 text; Rapport shows it but will not change it'
    state.problems.push({ path: relative, reason })
    text = new TextDecoder('utf-8').decode(bytes.subarray(0, EXCERPT_BYTES))
    return recordOf(relative, clientId, { fields: {}, yaml: null, gap: '', body: text, problem: reason }, version, size)
  }
  const sides = splitGitMarkers(text)
  if (sides) return recordOf(relative, clientId, entryFileOfSides(sides.mine, sides.theirs), version, size, true)
  const file = parseEntryFile(text)
  if (file.problem) state.problems.push({ path: relative, reason: file.problem })
  return recordOf(relative, clientId, file, version, size)
}

/** An entry's file as on disk now, to open or save: parsed, with its version and text; an error that says why when it cannot be. */
export async function readEntryFile(
  root: string,
  record: EntryRecord,
  memory?: WrittenFrontMatter
): Promise<{ file: EntryFile; version: string; text: string }> {
  let bytes: Buffer
  try {
    bytes = await readFile(join(root, record.path))
  } catch (error) {
    throw fileError(error, 'open', record.path)
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new RapportError('broken-file', `${record.path} is not UTF-8 text, so Rapport cannot open it safely. It has not been changed.`, record.path)
  }
  return { file: parseEntryFile(text, memory), version: fileVersion(bytes), text }
}
