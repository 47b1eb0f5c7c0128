/**
 * JSON laid out one property a line, so a large document (the search
 * index's cache) is turned into bytes and read back a property at a time,
 * with the event loop let in between, instead of in one long
 * `JSON.stringify` or `JSON.parse`. It stays plain JSON to any other reader.
 */

/** Strings longer than this are written in pieces of this length. */
const LONG_STRING = 512 * 1024

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type Pause = () => Promise<void>

/** Objects are written a property a line, all the way down; anything else (strings, numbers, arrays) on the line of its property. */
export async function stringifyByLines(value: { [key: string]: Json }, pause: Pause): Promise<Buffer> {
  const pieces: Buffer[] = []
  const write = async (object: { [key: string]: Json }): Promise<void> => {
    const entries = Object.entries(object)
    for (const [i, [key, child]] of entries.entries()) {
      const comma = i < entries.length - 1 ? ',' : ''
      if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
        pieces.push(Buffer.from(`${JSON.stringify(key)}:{\n`))
        await write(child)
        pieces.push(Buffer.from(`}${comma}\n`))
      } else if (typeof child === 'string' && child.length > LONG_STRING) {
        // A long string (the index's postings) is escaped and encoded a piece at a time; a surrogate pair cut in two is escaped on both sides, which JSON reads back whole.
        pieces.push(Buffer.from(`${JSON.stringify(key)}:"`))
        for (let at = 0; at < child.length; at += LONG_STRING) {
          pieces.push(Buffer.from(JSON.stringify(child.slice(at, at + LONG_STRING)).slice(1, -1)))
          await pause()
        }
        pieces.push(Buffer.from(`"${comma}\n`))
      } else {
        pieces.push(Buffer.from(`${JSON.stringify(key)}:${JSON.stringify(child)}${comma}\n`))
      }
      await pause()
    }
  }
  pieces.push(Buffer.from('{\n'))
  await write(value)
  pieces.push(Buffer.from('}\n'))
  return Buffer.concat(pieces)
}

/** Reads what `stringifyByLines` wrote a line at a time; JSON laid out any other way (edited by hand) is parsed whole. Throws on anything broken. */
export async function parseByLines(text: string, pause: Pause): Promise<unknown> {
  try {
    return await parseLines(text.split('\n'), pause)
  } catch {
    return JSON.parse(text)
  }
}

async function parseLines(lines: readonly string[], pause: Pause): Promise<unknown> {
  if (lines[0] !== '{') throw new SyntaxError('not laid out a property a line')
  const root: { [key: string]: unknown } = {}
  const open: Array<{ [key: string]: unknown }> = []
  for (const [at, raw] of lines.entries()) {
    const line = raw.endsWith(',') ? raw.slice(0, -1) : raw
    if (at === 0) open.push(root)
    else if (line === '}') {
      if (!open.pop()) throw new SyntaxError(`line ${at + 1} closes more than was opened`)
    } else if (line !== '' || at !== lines.length - 1) {
      const object = open[open.length - 1]
      const colon = line.indexOf('":')
      if (!object || colon < 0) throw new SyntaxError(`line ${at + 1} is not a property`)
      const key = JSON.parse(line.slice(0, colon + 1)) as string
      const rest = line.slice(colon + 2)
      if (rest === '{') {
        const child: { [key: string]: unknown } = {}
        object[key] = child
        open.push(child)
      } else object[key] = JSON.parse(rest)
      await pause()
    }
  }
  if (open.length > 0) throw new SyntaxError('the text is cut short')
  return root
}
