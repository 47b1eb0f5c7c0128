/**
 * Markdown that Rapport writes itself (a profile, a title, a date line), as
 * plain strings. Whatever a person typed goes through `inline`, so `*`, `#`,
 * `<b>`, `|` or `[x](y)` in a name or a note shows as typed in every
 * CommonMark/GFM renderer instead of becoming syntax.
 *
 * Why strings and not mdast-util-to-markdown: with the GFM extension it
 * costs over a millisecond per call and several per table, which made a
 * 500-client export spend seconds printing profiles. The escaping rule below
 * is small, and markdown-blocks.test.ts proves it against the real parser.
 */

/** A block of Markdown, without the blank line around it. */
export type Block = string

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char)

/**
 * Text a person typed, on one line, shown exactly as written: everything
 * Markdown would read as syntax is escaped, nothing more, so it still reads
 * well as plain text. `startsLine`: the text opens a block (a paragraph, a
 * heading), where `#`, `-`, `>` or `1.` would start something else.
 */
export function inline(value: string, startsLine = true): string {
  const escaped = value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // Backslash first, then emphasis, code, links, images, raw HTML and autolinks, strikethrough.
    .replace(/[\\`*[\]<~]/g, '\\$&')
    // An entity (`&amp;`) would show as the character it names.
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
    // `_` inside a word (snake_case) is never emphasis; at a word's edge it can be.
    .replace(/_/g, (underscore: string, at: number, all: string) => (isWordChar(all[at - 1]) && isWordChar(all[at + 1]) ? underscore : '\\_'))
    // At the end of a heading, `#` would be taken for its closing sequence.
    .replace(/#$/, '\\#')
  // At the start: a heading, a list item, a quote, a thematic break, a setext underline, an ordered list.
  return startsLine ? escaped.replace(/^([#+\-=>])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2') : escaped
}

export const heading = (depth: 1 | 2 | 3 | 4 | 5 | 6, value: string): Block => `${'#'.repeat(depth)} ${inline(value)}`

export const emphasis = (value: string): string => `*${inline(value)}*`

export const strong = (value: string): string => `**${inline(value)}**`

/** `url` must already be a link destination (see `linkDestination`, `entryUrl`). */
export const link = (url: string, value: string): string => `[${inline(value)}](${url})`

/** Paragraphs of text typed by a person, each kept as one paragraph. */
export const paragraphs = (value: string | undefined): Block[] =>
  value?.trim()
    ? value
        .trim()
        .split(/\n\s*\n/)
        .map((p) => inline(p))
        .filter(Boolean)
    : []

/** A tight bullet list; each item is Markdown already (made with `inline`, `strong`, `link`…). */
export const bulletList = (items: readonly string[]): Block => items.map((item) => `- ${item}`).join('\n')

/** Text for a table cell: as `inline`, and a `|` does not end the cell. */
export const cell = (value: string | undefined): string => inline(value ?? '', false).replace(/\|/g, '\\|')

/** A GFM table; header and cells are Markdown already (see `cell`; an empty cell is fine). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Block {
  const row = (cells: readonly string[]): string => `| ${cells.map((c) => c || ' ').join(' | ')} |`.replace(/ {2,}\|/g, ' |')
  return [row(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(row)].join('\n')
}

/** Blocks separated by blank lines, ending with one newline. */
export const printMarkdown = (blocks: readonly Block[]): string => `${blocks.filter((b) => b.trim() !== '').join('\n\n')}\n`
