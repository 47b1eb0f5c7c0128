import type * as Mdast from 'mdast'
import { parseMarkdown } from '../../shared/markdown'

/**
 * Links between entries inside Markdown: `[text](rapport://entry/<id>)`, a
 * link to another entry's file, `[text][ref]` with `[ref]: target`, and
 * `<rapport://entry/<id>>`. This is the one place where such links are found
 * and rewritten (export, import, and later the mentions feature), so they
 * are recognised the same way everywhere.
 */

/**
 * Given a link's target (percent-decoded), the new destination, written as it
 * should appear in Markdown (see `linkDestination`), or null to leave the link alone.
 */
export type LinkResolver = (target: string) => string | null

const ENTRY_URL = /^rapport:\/\/entry\/([^/?#\s]+)/i
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** The entry id in `rapport://entry/<id>[#…]`, or null when the target is not that kind of link. */
export function entryIdOfUrl(target: string): string | null {
  const match = ENTRY_URL.exec(target)
  return match?.[1] ? safeDecode(match[1]) : null
}

export const entryUrl = (id: string): string => `rapport://entry/${encodeURIComponent(id)}`

/**
 * Cheap test for text that cannot hold a link worth rewriting: most entries
 * have none, and parsing Markdown costs far more than this look.
 */
export function mayHaveLinks(markdown: string): boolean {
  return markdown.includes('](') || markdown.includes(']:') || /<rapport:/i.test(markdown)
}

/**
 * Rewrites the target of every link `resolve` knows, leaving every other
 * byte of the Markdown as it was (code, spacing, titles, other links). Links
 * inside code spans and code blocks are not links and are never touched.
 */
export function rewriteEntryLinks(markdown: string, resolve: LinkResolver): string {
  if (!mayHaveLinks(markdown)) return markdown
  const tree = parseMarkdown(markdown)
  const edits: Array<{ start: number; end: number; text: string }> = []
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return
    const span = destinationSpan(markdown, node)
    if (!span) return
    const replacement = resolve(safeDecode(node.url))
    if (replacement === null) return
    const start = node.position?.start.offset ?? span.start
    if (markdown[start] === '<' && !HAS_SCHEME.test(replacement)) {
      // `<rapport://entry/x>` to a relative path: an autolink needs a scheme, so it becomes `[rapport://entry/x](path)`.
      const shown = markdown.slice(span.start, span.end).replace(/[\\[\]*_`<>]/g, '\\$&')
      edits.push({ start, end: span.end + 1, text: `[${shown}](${replacement})` })
    } else edits.push({ start: span.start, end: span.end, text: replacement })
  })
  let result = markdown
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
  return result
}

/** Where a link's destination is written in the source: `[start, end)`. */
interface Span {
  start: number
  end: number
}

function visit(node: Mdast.Nodes, see: (node: Mdast.Nodes) => void): void {
  see(node)
  if ('children' in node) for (const child of node.children) visit(child, see)
}

/**
 * Where, in the source, the destination of a link or definition is written.
 * Autolinks (`<x>`) and GFM bare URLs are handled too (a bare URL is never an
 * entry link, so it is skipped).
 */
function destinationSpan(source: string, node: Mdast.Link | Mdast.Definition): Span | null {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return null
  if (node.type === 'link') {
    if (source[start] === '<') return { start: start + 1, end: end - 1 }
    if (source[start] !== '[' || source[end - 1] !== ')') return null
    // The destination follows the `](` that closes the link text: after the last child, or right after `[` when the text is empty.
    const textEnd = node.children.at(-1)?.position?.end.offset ?? start + 1
    const open = source.indexOf('](', textEnd)
    if (open === -1 || open >= end) return null
    return readDestination(source, open + 2, end)
  }
  const colon = /^\s*\[(?:\\.|[^\\\]])*\]:/.exec(source.slice(start, end))
  return colon ? readDestination(source, start + colon[0].length, end) : null
}

/** The destination starting at `from` (after optional spaces and one line break): `<…>`, or raw text up to a space or the unbalanced `)`. */
export function readDestination(source: string, from: number, limit: number): Span | null {
  let i = from
  while (i < limit && /[ \t\r\n]/.test(source[i] ?? '')) i++
  if (source[i] === '<') {
    const close = source.indexOf('>', i)
    return close === -1 || close > limit ? null : { start: i + 1, end: close }
  }
  const start = i
  let depth = 0
  for (; i < limit; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (c === '(') depth++
    else if (c === ')') {
      if (depth === 0) break
      depth--
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') break
  }
  return i > start ? { start, end: i } : null
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
