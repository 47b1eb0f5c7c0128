import { decodeCharset } from '../fs/text-encoding'

/**
 * vCard text made ready for ical.js, one card at a time. ical.js reads
 * vCard 3.0 and 4.0 (RFC 6350/2426: folded lines, escapes, parameters,
 * values); what address books still write from vCard 2.1 is settled here
 * first: quoted-printable values with their soft line breaks and `CHARSET`,
 * and parameters written bare (`TEL;WORK;VOICE:`, which means `TYPE=`).
 * Photos, logos, sounds and keys are dropped as they are read, so a card
 * with a 10 MB photo never holds 10 MB in memory twice.
 */

export interface CardText {
  /** 1-based line of its `BEGIN:VCARD` in the file. */
  line: number
  text: string
}

/** Properties Rapport does not keep and that can be huge (base64 images and sounds). */
const DROPPED = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY'])

/** The property name of a content line: without its group (`item1.`), upper case. */
function propertyName(line: string): string {
  const end = line.search(/[;:]/)
  const name = end === -1 ? line : line.slice(0, end)
  return name.slice(name.lastIndexOf('.') + 1).toUpperCase()
}

const isQuotedPrintable = (line: string): boolean => /;(?:ENCODING=)?QUOTED-PRINTABLE[;:]/i.test(line.slice(0, line.indexOf(':') + 1))

interface LogicalLine {
  line: number
  text: string
}

/**
 * Content lines as written, unfolded: a line that starts with a space or a
 * tab goes on from the one before (RFC 6350 §3.2), and so does the line
 * after a quoted-printable value ending in `=` (its soft line break).
 * A dropped property's lines are passed over as they come.
 */
function* logicalLines(text: string): Generator<LogicalLine> {
  let current: LogicalLine | null = null
  let dropped = false
  let line = 0
  for (const physical of text.split(/\r\n|\n|\r/)) {
    line++
    if (current || dropped) {
      const folded = physical.startsWith(' ') || physical.startsWith('\t')
      if (folded) {
        if (current) current.text += physical.slice(1)
        continue
      }
      if (current && current.text.endsWith('=') && isQuotedPrintable(current.text)) {
        current.text = current.text.slice(0, -1) + physical
        continue
      }
      if (current) yield current
      current = null
    }
    dropped = DROPPED.has(propertyName(physical))
    if (!dropped) current = { line, text: physical }
  }
  if (current) yield current
}

/**
 * The cards of a file, each as its content lines in the form ical.js reads.
 * Text outside `BEGIN:VCARD`…`END:VCARD` is ignored; a card never closed is
 * returned as it is (ical.js then says what is wrong with it).
 */
export function* splitCards(text: string): Generator<CardText> {
  let card: string[] | null = null
  let start = 0
  for (const { line, text: content } of logicalLines(text)) {
    const upper = content.trim().toUpperCase()
    if (upper === 'BEGIN:VCARD') {
      if (card) yield { line: start, text: card.join('\r\n') }
      card = ['BEGIN:VCARD']
      start = line
    } else if (card && upper === 'END:VCARD') {
      card.push('END:VCARD')
      yield { line: start, text: card.join('\r\n') }
      card = null
    } else if (card && content.trim()) card.push(settleLine(content))
  }
  if (card) yield { line: start, text: card.join('\r\n') }
}

/** Index of the `:` that ends the name and parameters (a `:` inside a quoted parameter value does not). */
function valueStart(line: string): number {
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '"') quoted = !quoted
    else if (c === ':' && !quoted) return i
  }
  return -1
}

/** One content line in the vCard 3.0 form ical.js reads: bare parameters named, quoted-printable decoded. */
function settleLine(line: string): string {
  const colon = valueStart(line)
  if (colon === -1) return line
  const head = line.slice(0, colon)
  let value = line.slice(colon + 1)
  const [name = '', ...params] = head.split(';')
  let charset = 'utf-8'
  let quotedPrintable = false
  const kept: string[] = []
  for (const param of params) {
    const eq = param.indexOf('=')
    const key = eq === -1 ? '' : param.slice(0, eq).toUpperCase()
    const bare = eq === -1 ? param : ''
    if (key === 'ENCODING' && /^quoted-printable$/i.test(param.slice(eq + 1))) quotedPrintable = true
    else if (bare.toUpperCase() === 'QUOTED-PRINTABLE') quotedPrintable = true
    else if (key === 'CHARSET') charset = param.slice(eq + 1).replace(/"/g, '')
    else if (bare) kept.push(`TYPE=${bare}`)
    else kept.push(param)
  }
  if (quotedPrintable) {
    const decoded = decodeCharset(quotedPrintableBytes(value), charset)
    // The decoded text is written back escaped as vCard 3.0 text; `;` stays a separator (N, ORG, ADR).
    value = (decoded ?? value)
      .replace(/\\/g, '\\\\')
      .replace(/\r\n|\r|\n/g, '\\n')
      .replace(/,/g, structured(name) ? ',' : '\\,')
  }
  return [name, ...kept].join(';') + ':' + value
}

const structured = (name: string): boolean => ['N', 'ORG', 'ADR', 'CATEGORIES'].includes(name.slice(name.lastIndexOf('.') + 1).toUpperCase())

function quotedPrintableBytes(value: string): Uint8Array {
  const bytes: number[] = []
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? ''
    const hex = value.slice(i + 1, i + 3)
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b)
    }
  }
  return Uint8Array.from(bytes)
}
