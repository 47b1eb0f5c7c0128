/**
 * Markdown read into a syntax tree (mdast): CommonMark with GFM (tables, task
 * lists, strikethrough, autolinks), with source positions. Every reader of
 * Markdown in Rapport parses through here, so all of them get the guard below.
 */
import type * as Mdast from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import type { Extension as FromMarkdownExtension, Handle as FromMarkdownHandle } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'

export const BYTE_ORDER_MARK = '\uFEFF'

/**
 * mdast-util-gfm-task-list-item assumes a checkbox always sits in a list item,
 * but micromark also finds one at the start of a paragraph that ends up
 * outside any (`-\n[x] foo`); the packages' development builds (which vitest
 * and Vite's dev server load) then throw. Record a checkbox only on a list item.
 */
const recordTaskCheck: FromMarkdownHandle = function (token) {
  const parent = this.stack[this.stack.length - 2]
  if (parent?.type === 'listItem') parent.checked = (token.type as string) === 'taskListCheckValueChecked'
}

const SAFE_TASK_CHECK: FromMarkdownExtension = {
  exit: { taskListCheckValueChecked: recordTaskCheck, taskListCheckValueUnchecked: recordTaskCheck }
}

const MICROMARK_EXTENSIONS = [gfm()]
// Later extensions override earlier handlers of the same token.
const MDAST_EXTENSIONS = [gfmFromMarkdown(), SAFE_TASK_CHECK]

export function parseMarkdown(markdown: string): Mdast.Root {
  return fromMarkdown(markdown, {
    extensions: MICROMARK_EXTENSIONS,
    mdastExtensions: MDAST_EXTENSIONS
  })
}

/** Where a node was found in the text it was parsed from (offsets without a byte order mark, as micromark counts). */
export interface Span {
  readonly start: number
  readonly end: number
}

export function spanOf(node: Mdast.Node): Span | null {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return typeof start === 'number' && typeof end === 'number' && end >= start ? { start, end } : null
}

/** The editor works with `\n` only; the file's own line ending is restored on output. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

export function detectLineEnding(markdown: string): '\n' | '\r\n' {
  const first = /\r\n|\n/.exec(markdown)
  return first?.[0] === '\r\n' ? '\r\n' : '\n'
}
