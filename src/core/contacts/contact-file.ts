import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { decodeUtf8, decodeWindows1252 } from '../fs/text-encoding'

/**
 * Reading a contacts file for an import, only ever reading it: opened
 * without following a link, its size checked before a byte is read, then
 * decoded. Address books write UTF-8 (with or without a byte order mark),
 * UTF-16 (Outlook, with its mark) or, in old Windows exports, Windows-1252:
 * bytes that are not UTF-8 are read as that, and the preview says so.
 */

/** A vCard file with a few photos is a few MB; a 10 MB photo is allowed, a 64 MB file is not a contacts file. */
export const MAX_CONTACTS_FILE_BYTES = 64 * 1024 * 1024

export type ContactsEncoding = 'utf-8' | 'utf-16' | 'windows-1252'

export type ContactsText = { text: string; hash: string; encoding: ContactsEncoding } | { problem: string }

export async function readContactsFile(absolute: string): Promise<ContactsText> {
  let bytes: Buffer
  try {
    const handle = await open(absolute, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
    try {
      const info = await handle.stat()
      if (!info.isFile()) return { problem: 'it is not a file' }
      if (info.size > MAX_CONTACTS_FILE_BYTES) {
        return {
          problem: `it is ${Math.round(info.size / 1024 / 1024)} MB; a contacts file can be at most ${MAX_CONTACTS_FILE_BYTES / 1024 / 1024} MB (export without photos, or in parts)`
        }
      }
      bytes = await handle.readFile()
    } finally {
      await handle.close()
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') return { problem: 'it is a link; links are not followed' }
    if (code === 'ENOENT') return { problem: 'there is no such file' }
    if (code === 'EISDIR') return { problem: 'it is a folder; choose a .vcf or .csv file' }
    if (code === 'EACCES' || code === 'EPERM') return { problem: 'it could not be read: permission was denied' }
    return { problem: `it could not be read: ${(error as Error).message}` }
  }
  const hash = createHash('sha256').update(bytes).digest('hex')
  const decoded = decode(bytes)
  if (looksBinary(decoded.text))
    return { problem: 'it is not a text file (it looks like a binary file renamed); choose a vCard (.vcf) or a CSV exported from your address book' }
  return { ...decoded, hash }
}

function decode(bytes: Buffer): { text: string; encoding: ContactsEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16' }
  const utf8 = decodeUtf8(bytes)
  return utf8 === null ? { text: decodeWindows1252(bytes), encoding: 'windows-1252' } : { text: utf8, encoding: 'utf-8' }
}

/** Text has no NUL characters, and few other control characters, in its first 64 KB. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 65_536)
  if (head.includes('\u0000')) return true
  const controls = head.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0
  return controls > head.length / 100 + 2
}
