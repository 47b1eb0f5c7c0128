/**
 * Markdown as searchable plain text, cheaply: the syntax that is not words
 * (link targets, HTML tags, emphasis and heading marks) becomes spaces of
 * the same length. Offsets in the plain text are therefore offsets in the
 * Markdown, which is how a result opens the editor at its match.
 */
const LINK_TARGET = /\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)/g
const HTML_TAG = /<\/?[A-Za-z][^<>\n]{0,500}>|<!--[\s\S]*?-->/g
const MARKUP = /!(?=\[)|[#*_`~>|[\]\\]/g

const blank = (match: string): string => match.replace(/[^\n]/g, ' ')

export function plainText(markdown: string): string {
  return markdown.replace(LINK_TARGET, (target) => ` ${blank(target.slice(1))}`).replace(HTML_TAG, blank).replace(MARKUP, ' ')
}

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
