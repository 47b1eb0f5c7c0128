import type * as Mdast from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'

/** Markdown as CommonMark with GFM (tables, task lists, strikethrough, autolinks) reads it, with source positions. */
export function parseMarkdown(markdown: string): Mdast.Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
}

/** The text of a node as a reader sees it (a heading's words, for its anchor). */
export function plainText(node: Mdast.Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value
  return 'children' in node ? node.children.map((child) => plainText(child)).join('') : ''
}
