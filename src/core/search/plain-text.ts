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
  return markdown
    .replace(LINK_TARGET, (target) => ` ${blank(target.slice(1))}`)
    .replace(HTML_TAG, blank)
    .replace(MARKUP, ' ')
}
