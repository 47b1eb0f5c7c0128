/** Between two blocks (a heading and its text, two paragraphs, two list items), so they never run together. */
export const BLOCK_SEPARATOR = ' · '

/**
 * The first meaningful text of an entry as plain text, for the entry list:
 * lines of one paragraph joined by a space, blocks by `BLOCK_SEPARATOR`.
 * Deliberately a few regular expressions rather than a Markdown parse: it runs
 * for every entry when a vault opens (10,000 of them in a big vault), and a
 * preview line does not need a syntax tree.
 */
export function excerptOf(markdown: string, maxChars = 160): string {
  const lines = markdown.slice(0, 8192).split(/\r?\n/)
  let inFence = false
  let text = ''
  // Whether the next line kept starts a block of its own rather than continuing a paragraph.
  let newBlock = true
  for (const raw of lines) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence
      newBlock = true
      continue
    }
    if (inFence) continue
    const line = plainLine(raw)
    if (line) text += text === '' ? line : `${newBlock || STARTS_BLOCK.test(raw) ? BLOCK_SEPARATOR : ' '}${line}`
    // A heading is a block on its one line; anything that left no words (a blank line, a rule, an underline, HTML) ends one.
    newBlock = HEADING.test(raw) || line === ''
    if (text.length >= maxChars) break
  }
  return shorten(text, maxChars)
}

const HEADING = /^\s{0,3}#{1,6}(\s|$)/
/** A heading or a list item starts a block even without a blank line before it. */
const STARTS_BLOCK = /^\s{0,3}#{1,6}(\s|$)|^\s*([-*+]|\d+[.)])\s/

/**
 * The markers of the containers a line sits in, however deep and in whatever
 * order: a quote in a list in a quote (`> - > text`) or a list nested on one
 * line (`- - - text`). Stripping only the first of each kind would leave a
 * deep one as a row of `- - - -` where its words should be.
 */
const CONTAINER_MARKERS = /^\s*(?:(?:>\s*)|(?:(?:[-*+]|\d{1,9}[.)])(?:\s+|$)))+(?:\[[ xX]\]\s+)?/

function plainLine(line: string): string {
  if (/^\s*([-*_]\s*){3,}$/.test(line)) return '' // thematic break
  if (/^\s*(=+|-+)\s*$/.test(line)) return '' // setext underline
  if (/^\s*\[[^\]]+\]:\s/.test(line)) return '' // link reference definition
  if (/^\s*<\/?[a-z][^>]*>\s*$/i.test(line)) return '' // a line of raw HTML
  if (/^\s*\|?\s*:?-{2,}/.test(line)) return '' // table delimiter row
  // Escaped characters are set aside first, so `\*` stays a star instead of being taken for emphasis.
  const escaped: string[] = []
  return line
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, (_match, char: string) => `\u0000${escaped.push(char) - 1}\u0000`)
    .replace(/^\s{0,3}#{1,6}\s+/, '') // heading
    .replace(CONTAINER_MARKERS, '') // quotes and list items, nested in any order (`> - > 1. `), and a task's box
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // image
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // link
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1') // reference link
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/(\*\*|__|~~|\*|_|`)/g, '') // emphasis, strike, code
    .replace(/\u0000(\d+)\u0000/g, (_match, index: string) => escaped[Number(index)] ?? '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Cuts text to `maxChars` at a word where one is near, marking the cut with an ellipsis. */
export function shorten(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  // Never cut between the two halves of a surrogate pair (an emoji).
  const cut = text.slice(0, maxChars - 1).replace(/[\uD800-\uDBFF]$/, '')
  const space = cut.lastIndexOf(' ')
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd().replace(/ ·$/, '')}…`
}
