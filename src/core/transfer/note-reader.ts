import { createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { decodeText, looksBinary } from '../fs/text-encoding'
import { MAX_NOTE_BYTES, tooBig } from './import-scan'

export type NoteText = { text: string; hash: string } | { problem: string }

/**
 * Reads one note for an import, only ever reading it: opened without
 * following a link (one swapped in since the scan is refused), its size
 * checked on the open file before anything is read, then decoded. Text that
 * is not UTF-8 is skipped with the reason, or read as Windows-1252 (what most
 * old Windows and Latin-1 files are) when the person asked for that.
 */
export async function readNoteText(absolute: string, options: { windows1252: boolean }): Promise<NoteText> {
  let bytes: Buffer
  try {
    const handle = await open(absolute, READ_ONLY_NO_LINK)
    try {
      const info = await handle.stat()
      if (!info.isFile()) return { problem: 'it is no longer a plain file' }
      if (info.size > MAX_NOTE_BYTES) return { problem: tooBig(info.size) }
      bytes = await handle.readFile()
    } finally {
      await handle.close()
    }
  } catch (error) {
    return { problem: unreadable(error) }
  }
  return noteText(bytes, options)
}

/**
 * `readNoteText` with blocking calls, for the import's own thread
 * (import-worker.ts), where nothing else waits: four system calls a note,
 * instead of as many trips through libuv's pool of four threads, which the
 * process that answers the window needs for its own files meanwhile.
 */
export function readNoteTextSync(absolute: string, options: { windows1252: boolean }): NoteText {
  let bytes: Buffer
  try {
    const fd = openSync(absolute, READ_ONLY_NO_LINK)
    try {
      const info = fstatSync(fd)
      if (!info.isFile()) return { problem: 'it is no longer a plain file' }
      if (info.size > MAX_NOTE_BYTES) return { problem: tooBig(info.size) }
      bytes = readFileSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    return { problem: unreadable(error) }
  }
  return noteText(bytes, options)
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

function noteText(bytes: Buffer, options: { windows1252: boolean }): NoteText {
  const text = decodeText(bytes, options)
  if (text === null) {
    return {
      problem:
        'it is not UTF-8 text (it may be Windows-1252 or Latin-1), so it was skipped; import it again choosing "read as Windows-1252" (--windows-1252) to read it that way'
    }
  }
  if (looksBinary(text)) return { problem: 'it looks like a binary file, not text, so it was skipped' }
  return { text, hash: createHash('sha256').update(bytes).digest('hex') }
}
