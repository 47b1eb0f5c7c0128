import { fileVersion } from '../fs/file-version'

const OPENING = /^\uFEFF?---[ \t]*\r?\n/
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/gm
const GAP = /(?:[ \t]*\r?\n)*/y

/**
 * Where an entry file's body starts: after the front matter and the blank
 * lines that follow it, exactly as `parseEntryFile` splits it (a test holds
 * the two together), but without parsing the YAML — the index has the
 * fields already, and parsing 10,000 front matters would double its cost.
 * A file without front matter, or with an unclosed one, is all body.
 */
export function bodyStart(text: string): number {
  const opening = OPENING.exec(text)
  if (!opening) return 0
  CLOSING.lastIndex = opening[0].length
  const closing = CLOSING.exec(text)
  if (!closing) return 0
  let end = closing.index + closing[0].length
  if (text[end] === '\n') end++
  GAP.lastIndex = end
  return end + (GAP.exec(text)?.[0].length ?? 0)
}

const lenient = new TextDecoder('utf-8')

/**
 * An entry's Markdown body and its file's version, from the file's bytes, for
 * the indexes kept beside the store (search, backlinks). Front matter is
 * skipped, not parsed: the store has the fields already. Bytes that are not
 * UTF-8 are read leniently; the store reports such a file.
 */
export function entryBody(bytes: Buffer): { version: string; body: string } {
  const text = lenient.decode(bytes)
  return { version: fileVersion(bytes), body: text.slice(bodyStart(text)) }
}
