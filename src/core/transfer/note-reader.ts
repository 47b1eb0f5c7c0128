import { createHash } from 'node:crypto'
import type { Stats } from 'node:fs'
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs'
import { lstat, open } from 'node:fs/promises'
import { decodeText, looksBinary } from '../fs/text-encoding'
import { MAX_NOTE_BYTES, tooBig } from './import-scan'

/**
 * A note's text, the hash of its bytes, and its file's stamp as it was read
 * (see `stampWhenRead`): null when that stamp cannot tell a later change.
 */
export type NoteText = { text: string; hash: string; stamp: string | null } | { problem: string }

/**
 * Reads one note for an import, only ever reading it: opened without
 * following a link (one swapped in since the scan is refused), its size
 * checked on the open file before anything is read, then decoded. Text that
 * is not UTF-8 is skipped with the reason, or read as Windows-1252 (what most
 * old Windows and Latin-1 files are) when the person asked for that.
 */
export async function readNoteText(absolute: string, options: { windows1252: boolean }): Promise<NoteText> {
  let bytes: Buffer
  let info: Stats
  try {
    const handle = await open(absolute, READ_ONLY_NO_LINK)
    try {
      info = await handle.stat()
      if (!info.isFile()) return { problem: 'it is no longer a plain file' }
      if (info.size > MAX_NOTE_BYTES) return { problem: tooBig(info.size) }
      bytes = await handle.readFile()
    } finally {
      await handle.close()
    }
  } catch (error) {
    return { problem: unreadable(error) }
  }
  return noteText(bytes, info, options)
}

/**
 * `readNoteText` with blocking calls, for the import's own thread
 * (import-worker.ts), where nothing else waits: four system calls a note,
 * instead of as many trips through libuv's pool of four threads, which the
 * process that answers the window needs for its own files meanwhile.
 */
export function readNoteTextSync(absolute: string, options: { windows1252: boolean }): NoteText {
  let bytes: Buffer
  let info: Stats
  try {
    const fd = openSync(absolute, READ_ONLY_NO_LINK)
    try {
      info = fstatSync(fd)
      if (!info.isFile()) return { problem: 'it is no longer a plain file' }
      if (info.size > MAX_NOTE_BYTES) return { problem: tooBig(info.size) }
      bytes = readFileSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    return { problem: unreadable(error) }
  }
  return noteText(bytes, info, options)
}

/** Not following a link; not waiting for a writer should a pipe have been swapped in (a plain file is checked for next). */
const READ_ONLY_NO_LINK = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ELOOP') return 'it has become a link since it was found; links are not followed'
  if (code === 'ENOENT') return 'it is no longer there'
  if (code === 'EACCES' || code === 'EPERM') return 'it could not be read: permission was denied'
  return `it could not be read: ${(error as Error).message}`
}

function noteText(bytes: Buffer, info: Stats, options: { windows1252: boolean }): NoteText {
  const text = decodeText(bytes, options)
  if (text === null) {
    return {
      problem:
        'it is not UTF-8 text (it may be Windows-1252 or Latin-1), so it was skipped; import it again choosing "read as Windows-1252" (--windows-1252) to read it that way'
    }
  }
  if (looksBinary(text)) return { problem: 'it looks like a binary file, not text, so it was skipped' }
  return { text, hash: createHash('sha256').update(bytes).digest('hex'), stamp: stampWhenRead(info) }
}

/**
 * What a file's metadata says of its bytes: its size, modification and
 * change times, and inode. A write changes it, so the same stamp later
 * means the same bytes, without reading them again (as git's index and
 * rsync judge a file).
 */
export const fileStamp = (info: Stats): string => `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`

/**
 * How far a file's clock may lag: a change within one tick of it leaves the
 * time as it was (FAT keeps 2 s, Linux a scheduler tick). A file modified
 * this recently when read may change again with the same stamp.
 */
const TIME_GRAIN_MS = 2000

/** The stamp of a file as it is read, or null when it was modified too recently for a later stamp to tell a change. */
export function stampWhenRead(info: Stats, now = Date.now()): string | null {
  return now - info.mtimeMs > TIME_GRAIN_MS ? fileStamp(info) : null
}

/** A file's stamp now (null: gone, or not a plain file). */
export async function noteStamp(absolute: string): Promise<string | null> {
  const info = await lstat(absolute).catch(() => null)
  return info?.isFile() ? fileStamp(info) : null
}

/** `noteStamp`, blocking: for the import's own thread. */
export function noteStampSync(absolute: string): string | null {
  try {
    const info = lstatSync(absolute, { throwIfNoEntry: false })
    return info?.isFile() ? fileStamp(info) : null
  } catch {
    return null
  }
}

/** How an import reads its notes: the text and its stamp, and a file's stamp now. */
export interface NoteFiles {
  read: (absolute: string, options: { windows1252: boolean }) => Promise<NoteText> | NoteText
  stamp: (absolute: string) => Promise<string | null> | string | null
}

/** Without blocking: on the thread that answers the window (an import whose own thread could not start). */
export const noteFiles: NoteFiles = { read: readNoteText, stamp: noteStamp }

/** Blocking, on the import's own thread, where nothing else waits (see `readNoteTextSync`). */
export const noteFilesSync: NoteFiles = { read: readNoteTextSync, stamp: noteStampSync }
