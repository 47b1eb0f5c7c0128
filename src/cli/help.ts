import type { CliCommand } from './command'

/** Help fits a terminal of the classic width. */
export const HELP_WIDTH = 80
/** Command names longer than this put their summary on the next line instead of widening the column. */
const NAME_COLUMN_MAX = 16

/**
 * Splits a usage line into the pieces that must stay whole: a bracketed
 * `[--title T]` or a group `(--entry ID | --all)` is one piece, never broken
 * between an option and its value.
 */
export function usagePieces(usage: string): string[] {
  const pieces: string[] = []
  let depth = 0
  let current = ''
  for (const char of usage) {
    if (char === '[' || char === '(') depth++
    if (char === ']' || char === ')') depth = Math.max(0, depth - 1)
    if (char === ' ' && depth === 0) {
      if (current) pieces.push(current)
      current = ''
    } else current += char
  }
  if (current) pieces.push(current)
  return pieces
}

const width = (text: string): number => [...text].length

/** Fills lines up to `HELP_WIDTH`, the first starting with `first`, the others with `indent`. */
export function wrap(pieces: readonly string[], first: string, indent: string): string[] {
  const lines: string[] = []
  let line = first
  let empty = true
  for (const piece of pieces) {
    if (!empty && width(line) + 1 + width(piece) > HELP_WIDTH) {
      lines.push(line)
      line = indent
      empty = true
    }
    line += (empty ? '' : ' ') + piece
    empty = false
  }
  lines.push(line)
  return lines
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean)

/** A command's usage line is its synopsis, optionally followed by three spaces and a note: `new --client NAME   (the body is read from standard input)`. */
function splitUsage(verb: CliCommand): { synopsis: string; note: string } {
  const at = verb.usage.indexOf('   ')
  return at < 0 ? { synopsis: verb.usage, note: '' } : { synopsis: verb.usage.slice(0, at), note: verb.usage.slice(at).trim() }
}

/** `Usage: rapport …`, wrapped under the command's name. */
export function usageLines(verb: CliCommand): string[] {
  const { synopsis } = splitUsage(verb)
  return wrap(usagePieces(synopsis), 'Usage: rapport ', ' '.repeat('Usage: rapport '.length + verb.name.length + 1))
}

export function verbHelp(verb: CliCommand): string {
  const { note } = splitUsage(verb)
  return [
    ...usageLines(verb),
    '',
    ...wrap(words(verb.summary), '', ''),
    ...(note ? ['', ...wrap(words(note), '', '')] : []),
    '',
    ...wrap(words('Every command also takes --vault DIR, --json and --help, anywhere.'), '', '')
  ].join('\n')
}

export function topHelp(verbs: readonly CliCommand[]): string {
  const column = Math.min(NAME_COLUMN_MAX, Math.max(...verbs.map((v) => width(v.name))))
  const indent = ' '.repeat(2 + column + 2)
  const commands = verbs.flatMap((verb) => {
    const name = `  ${verb.name.padEnd(column)}  `
    if (width(verb.name) > column) return [`  ${verb.name}`, ...wrap(words(verb.summary), indent, indent)]
    return wrap(words(verb.summary), name, indent)
  })
  return [
    'rapport — your private client journal, from the command line',
    '',
    'Usage: rapport COMMAND [options] [--vault DIR] [--json]',
    '       rapport help COMMAND',
    '',
    'Commands:',
    ...commands,
    '',
    'Options for every command, before or after its name:',
    '  --vault DIR  the vault; else $RAPPORT_VAULT, else ~/Documents/Rapport',
    '  --json       machine-readable output',
    '  --help, -h   help; rapport COMMAND --help for one command',
    '',
    ...wrap(words('Only init and commands that add to a vault may create one.'), '', ''),
    ...wrap(words('An encrypted vault asks for its passphrase at the terminal, or reads $RAPPORT_PASSPHRASE.'), '', ''),
    'Exit status: 0 success, 1 a problem, 2 wrong usage.'
  ].join('\n')
}
