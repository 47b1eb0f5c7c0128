/**
 * The cache's compact encodings: a list of strings as one string (one value
 * a line) and integers as base64. A JSON parser reads a few long strings far
 * faster than thousands of small arrays, and splitting them can be done a
 * piece at a time, so loading the index never holds the event loop long.
 */

/** Values a line each; a backslash, newline or tab inside a value (an id or tag someone typed) is escaped. */
export function joinColumn(values: readonly string[]): string {
  // Nearly always nothing needs escaping: joined at once, and checked whole (a regex per value costs ms at 10,000).
  const joined = values.join('\n')
  if (!joined.includes('\\') && !joined.includes('\t') && newlines(joined) === Math.max(0, values.length - 1)) return joined
  return values.map(escape).join('\n')
}

function newlines(text: string): number {
  let count = 0
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++
  return count
}

/** The values of a column; throws unless there are exactly `count`, so a damaged cache is never half-read. */
export function splitColumn(text: string, count: number, name: string): string[] {
  const values = count === 0 && text === '' ? [] : text.split('\n')
  if (values.length !== count) throw new Error(`the ${name} column has ${values.length} values for ${count} documents`)
  return text.includes('\\') ? values.map(unescape) : values
}

/** Lists (a document's tags) as a column: tab-separated within a line. */
export function joinListColumn(lists: ReadonlyArray<readonly string[]>): string {
  return lists.map((list) => list.map(escape).join('\t')).join('\n')
}

export function splitListColumn(text: string, count: number, name: string): string[][] {
  const escaped = text.includes('\\')
  const lines = count === 0 && text === '' ? [] : text.split('\n')
  if (lines.length !== count) throw new Error(`the ${name} column has ${lines.length} values for ${count} documents`)
  return lines.map((line) => (line === '' ? [] : escaped ? line.split('\t').map(unescape) : line.split('\t')))
}

/** Bytes encoded between two pauses: a multiple of 3, so the pieces of base64 join into the whole. */
const BASE64_PIECE = 3 * 256 * 1024

/** Little-endian, as every platform Rapport ships on (x64, arm64) is; encoded a piece at a time. */
export async function int32ToBase64(values: Int32Array, pause: () => Promise<void>): Promise<string> {
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength)
  const pieces: string[] = []
  for (let at = 0; at < bytes.length; at += BASE64_PIECE) {
    pieces.push(bytes.subarray(at, at + BASE64_PIECE).toString('base64'))
    await pause()
  }
  return pieces.join('')
}

/** The integers back, decoded a piece at a time. */
export async function base64ToInt32(text: string, name: string, pause: () => Promise<void>): Promise<Int32Array<ArrayBufferLike>> {
  const size = Buffer.byteLength(text, 'base64')
  if (size % 4 !== 0 || text.length % 4 !== 0) throw new Error(`the ${name} are cut short`)
  const bytes = Buffer.alloc(size)
  let written = 0
  // A piece of base64 whose length is a multiple of 4 decodes on its own.
  const piece = (BASE64_PIECE / 3) * 4
  for (let at = 0; at < text.length; at += piece) {
    written += bytes.write(text.slice(at, at + piece), written, 'base64')
    await pause()
  }
  if (written !== size) throw new Error(`the ${name} are not base64`)
  // A Buffer this size has its own memory, starting at 0; a small one may sit in a shared pool at any byte, and is copied.
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, size / 4)
  return new Int32Array(new Uint8Array(bytes).buffer)
}

const escape = (value: string): string =>
  /[\\\n\t]/.test(value) ? value.replace(/[\\\n\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : '\\t')) : value
const unescape = (value: string): string => value.replace(/\\([\\nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'))
