import type * as Mdast from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import type { Options } from 'mdast-util-to-markdown'

/**
 * Markdown that Rapport writes itself (a profile, a title, a date line) is
 * built as a syntax tree and printed by mdast-util-to-markdown, so whatever a
 * person typed (`*`, `#`, `<b>`, `|` in a table) shows as typed in every
 * CommonMark/GFM renderer instead of becoming syntax.
 */

const OPTIONS: Options = {
  extensions: [gfmToMarkdown()],
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fences: true,
  setext: false,
  listItemIndent: 'one',
  tightDefinitions: true
}

/** The blocks as Markdown, ending with one newline. */
export function printMarkdown(blocks: Mdast.RootContent[]): string {
  return toMarkdown({ type: 'root', children: blocks }, OPTIONS)
}

/** One line of text a person typed, made safe as plain text (line breaks become spaces). */
export const text = (value: string): Mdast.Text => ({ type: 'text', value: value.replace(/\s*[\r\n]+\s*/g, ' ') })

export const heading = (depth: 1 | 2 | 3 | 4 | 5 | 6, value: string): Mdast.Heading => ({ type: 'heading', depth, children: [text(value)] })

export const paragraph = (...children: Mdast.PhrasingContent[]): Mdast.Paragraph => ({ type: 'paragraph', children })

export const emphasis = (value: string): Mdast.Emphasis => ({ type: 'emphasis', children: [text(value)] })

export const strong = (value: string): Mdast.Strong => ({ type: 'strong', children: [text(value)] })

export const link = (url: string, value: string): Mdast.Link => ({ type: 'link', url, children: [text(value)] })

/** A tight bullet list, one item per line of phrasing. */
export const bulletList = (items: Mdast.PhrasingContent[][]): Mdast.List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((children) => ({ type: 'listItem', spread: false, children: [paragraph(...children)] }))
})

/** A GFM table; each cell is phrasing (plain text unless a link is wanted). */
export function table(header: string[], rows: Mdast.PhrasingContent[][][]): Mdast.Table {
  const row = (cells: Mdast.PhrasingContent[][]): Mdast.TableRow => ({ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) })
  return { type: 'table', align: header.map(() => null), children: [row(header.map((h) => [text(h)])), ...rows.map(row)] }
}

/** The text of a heading as a reader sees it (for anchors). */
export function plainText(node: Mdast.Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value
  return 'children' in node ? node.children.map((child) => plainText(child)).join('') : ''
}
