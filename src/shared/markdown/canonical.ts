/**
 * Document → mdast → Markdown, in one canonical style: how an edited or new
 * block is written. mdast-util-to-markdown owns escaping.
 */
import type { Mark as PMMark, Node as PMNode } from '@tiptap/pm/model'
import type * as Mdast from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import type { Handle, Join, Options as ToMarkdownOptions } from 'mdast-util-to-markdown'
import { FORMAT_ATTRS } from '../editor-schema'
import { normalizeLineEndings } from './parse'

export const RAW_BLOCK = 'rawBlock'
export const RAW_INLINE = 'rawInline'

/** mdast as built for output; may hold the two raw node types below. */
interface OutNode {
  type: string
  children?: OutNode[]
  value?: string
  [field: string]: unknown
}

const RAW_FLOW_TYPE = 'rapportRawBlock'
const RAW_PHRASING_TYPE = 'rapportRawInline'

/** Raw Markdown is written exactly as stored; peek lets neighbouring text escape correctly. */
const writeRawMarkdown = (node: OutNode): string => node.value ?? ''
writeRawMarkdown.peek = (node: OutNode): string => (node.value ?? '').charAt(0)

/**
 * Raw blocks (tables, HTML, footnote definitions, …) may run on into whatever
 * follows them without a blank line, so inside list items and quotes they
 * always get one.
 */
const joinRawBlocksWithBlankLine: Join = (left, right) => ((left.type as string) === RAW_FLOW_TYPE || (right.type as string) === RAW_FLOW_TYPE ? 1 : undefined)

// Keyed by our own node types, which mdast's `Handlers` type does not list.
const RAW_HANDLERS: Record<string, Handle> = {
  [RAW_FLOW_TYPE]: writeRawMarkdown as Handle,
  [RAW_PHRASING_TYPE]: writeRawMarkdown as Handle
}

const TO_MARKDOWN_GFM = gfmToMarkdown()
const BULLETS = ['-', '*', '+'] as const
const ORDERED_DELIMITERS = ['.', ')'] as const

/**
 * The markers of a list rendered anew. Normally `-` and `.`; another one only
 * when the list would otherwise merge with a list next to it.
 */
interface ListMarkers {
  readonly bullet: (typeof BULLETS)[number]
  readonly ordered: (typeof ORDERED_DELIMITERS)[number]
}

const DEFAULT_MARKERS: ListMarkers = { bullet: '-', ordered: '.' }

const optionsByMarkers = new Map<string, ToMarkdownOptions>()

/** The canonical style, with the given list markers. */
export function markdownOptions(markers: ListMarkers = DEFAULT_MARKERS): ToMarkdownOptions {
  const key = markers.bullet + markers.ordered
  let options = optionsByMarkers.get(key)
  if (options === undefined) {
    options = {
      extensions: [TO_MARKDOWN_GFM],
      bullet: markers.bullet,
      bulletOther: markers.bullet === '-' ? '*' : '-',
      bulletOrdered: markers.ordered,
      emphasis: '*',
      strong: '*',
      rule: '-',
      ruleRepetition: 3,
      ruleSpaces: false,
      fence: '`',
      fences: true,
      setext: false,
      closeAtx: false,
      listItemIndent: 'one',
      incrementListMarker: true,
      resourceLink: false,
      quote: '"',
      handlers: RAW_HANDLERS,
      join: [joinRawBlocksWithBlankLine]
    }
    optionsByMarkers.set(key, options)
  }
  return options
}

export type ListKind = 'bullet' | 'ordered'

/** Two adjacent top-level lists of one kind and marker merge into one list. */
export function listKindOf(node: PMNode): ListKind | null {
  switch (node.type.name) {
    case 'bulletList':
    case 'taskList':
      return 'bullet'
    case 'orderedList':
      return 'ordered'
    default:
      return null
  }
}

export function markersFor(kind: ListKind): readonly string[] {
  return kind === 'bullet' ? BULLETS : ORDERED_DELIMITERS
}

function listMarkersFor(kind: ListKind, marker: string): ListMarkers {
  const bullet = BULLETS.find((candidate) => candidate === marker) ?? '-'
  const ordered = ORDERED_DELIMITERS.find((candidate) => candidate === marker) ?? '.'
  return kind === 'bullet' ? { ...DEFAULT_MARKERS, bullet } : { ...DEFAULT_MARKERS, ordered }
}

/** The marker a list's original source starts with (`-`, `*`, `+`, `.`, `)`). */
export function markerInSource(source: string): string | null {
  const match = /^[ \t]*(?:\d{1,9}([.)])|([-*+]))/.exec(source)
  return match?.[1] ?? match?.[2] ?? null
}

/**
 * The line that ends an HTML block of CommonMark kinds 1–5, which run until
 * such a line rather than until a blank line; null for other content.
 */
export function htmlBlockTerminator(source: string): string | null {
  const rawTag = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i.exec(source)
  if (rawTag) return `</${(rawTag[1] ?? 'script').toLowerCase()}>`
  if (/^ {0,3}<!--/.test(source)) return '-->'
  if (/^ {0,3}<\?/.test(source)) return '?>'
  if (/^ {0,3}<!\[CDATA\[/.test(source)) return ']]>'
  if (/^ {0,3}<![A-Za-z]/.test(source)) return '>'
  return null
}

function stringAttr(node: PMNode, name: string): string | null {
  const value: unknown = node.attrs[name]
  return typeof value === 'string' && value !== '' ? value : null
}

export function rawSourceAttr(node: PMNode): string {
  const value: unknown = node.attrs.source
  return typeof value === 'string' ? normalizeLineEndings(value) : ''
}

/** Nothing to write: an empty paragraph (or one holding only line breaks), a blank raw block. */
export function rendersNothing(node: PMNode): boolean {
  if (node.type.name === 'paragraph') {
    let hasContent = false
    node.forEach((child) => {
      if (child.type.name !== 'hardBreak') hasContent = true
    })
    return !hasContent
  }
  if (node.type.name === RAW_BLOCK) return rawSourceAttr(node).trim() === ''
  return false
}

function blockToMdast(node: PMNode): OutNode {
  switch (node.type.name) {
    case 'paragraph':
      return { type: 'paragraph', children: phrasingOf(node) }
    case 'heading':
      return { type: 'heading', depth: headingDepth(node), children: phrasingOf(node) }
    case 'blockquote':
      return { type: 'blockquote', children: flowChildrenOf(node, false) }
    case 'codeBlock':
      return {
        type: 'code',
        lang: stringAttr(node, 'language'),
        meta: stringAttr(node, FORMAT_ATTRS.codeMeta),
        value: node.textContent
      }
    case 'horizontalRule':
      return { type: 'thematicBreak' }
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
      return listToMdast(node)
    case RAW_BLOCK:
      return { type: RAW_FLOW_TYPE, value: rawSourceAttr(node) }
    default:
      // A node type added later by another extension: keep at least its text.
      return node.isTextblock ? { type: 'paragraph', children: phrasingOf(node) } : { type: RAW_FLOW_TYPE, value: node.textContent }
  }
}

function headingDepth(node: PMNode): number {
  const level = Number(node.attrs.level)
  return Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 1
}

/**
 * Child blocks of a quote or list item. Empty paragraphs have no Markdown form
 * and are left out, except the first paragraph of a task item, which carries
 * the checkbox.
 */
function flowChildrenOf(node: PMNode, keepFirstParagraph: boolean): OutNode[] {
  const children: OutNode[] = []
  node.forEach((child, _offset, index) => {
    if (index === 0 && keepFirstParagraph && child.type.name === 'paragraph') children.push(blockToMdast(child))
    else if (!rendersNothing(child)) children.push(blockToMdast(child))
  })
  return children
}

function listToMdast(list: PMNode): OutNode {
  const ordered = list.type.name === 'orderedList'
  const isTaskList = list.type.name === 'taskList'
  const spread = list.attrs[FORMAT_ATTRS.loose] === true
  const start = Number(list.attrs.start)
  const items: OutNode[] = []
  list.forEach((item) => {
    items.push({
      type: 'listItem',
      spread,
      checked: isTaskList ? item.attrs.checked === true : null,
      children: flowChildrenOf(item, isTaskList)
    })
  })
  return {
    type: 'list',
    ordered,
    start: ordered && Number.isInteger(start) && start >= 0 ? start : null,
    spread,
    children: items
  }
}

const MARK_NESTING_ORDER = ['link', 'bold', 'italic', 'strike']

function markToMdast(mark: PMMark): OutNode {
  switch (mark.type.name) {
    case 'link': {
      const href: unknown = mark.attrs.href
      const title: unknown = mark.attrs.title
      return {
        type: 'link',
        url: typeof href === 'string' ? href : '',
        title: typeof title === 'string' && title !== '' ? title : null,
        children: []
      }
    }
    case 'bold':
      return { type: 'strong', children: [] }
    case 'italic':
      return { type: 'emphasis', children: [] }
    default:
      return { type: 'delete', children: [] }
  }
}

function inlineLeafToMdast(node: PMNode): OutNode | null {
  if (node.isText) {
    const text = node.text ?? ''
    const isCode = node.marks.some((mark) => mark.type.name === 'code')
    return isCode ? { type: 'inlineCode', value: text } : { type: 'text', value: text }
  }
  if (node.type.name === 'hardBreak') return { type: 'break' }
  if (node.type.name === RAW_INLINE) return { type: RAW_PHRASING_TYPE, value: rawSourceAttr(node) }
  const text = node.textContent
  return text === '' ? null : { type: 'text', value: text }
}

/**
 * Turns ProseMirror's flat marks back into nested mdast. Marks already open
 * stay open as long as the next node still has them, so `**a *b* c**` comes
 * back as one strong around an emphasis.
 */
function phrasingOf(parent: PMNode): OutNode[] {
  const inlines: PMNode[] = []
  parent.forEach((child) => inlines.push(child))
  // A line break at the end of a block has no Markdown form (`foo\` is a literal backslash).
  while (inlines[inlines.length - 1]?.type.name === 'hardBreak') inlines.pop()

  const root: OutNode[] = []
  const open: { mark: PMMark; children: OutNode[] }[] = []
  const current = (): OutNode[] => open[open.length - 1]?.children ?? root

  for (const inline of inlines) {
    const marks = inline.marks.filter((mark) => MARK_NESTING_ORDER.includes(mark.type.name))
    let keep = 0
    while (keep < open.length && marks.some((mark) => open[keep]?.mark.eq(mark))) keep++
    open.length = keep
    const toOpen = marks
      .filter((mark) => !open.some((entry) => entry.mark.eq(mark)))
      .sort((a, b) => MARK_NESTING_ORDER.indexOf(a.type.name) - MARK_NESTING_ORDER.indexOf(b.type.name))
    for (const mark of toOpen) {
      const node = markToMdast(mark)
      const children = node.children ?? []
      current().push(node)
      open.push({ mark, children })
    }
    const leaf = inlineLeafToMdast(inline)
    if (leaf) current().push(leaf)
  }
  return trimTrailingSpaces(root)
}

/**
 * Spaces at the end of a paragraph or heading mean nothing in Markdown, so
 * mdast-util-to-markdown would keep them as `&#x20;`. Autosave runs while
 * someone pauses after a space; that space must not land in the file as an
 * entity, so it is dropped. (Leading spaces are kept, as entities: they are
 * rarely typed by accident, and may be meant as indentation.)
 */
function trimTrailingSpaces(nodes: OutNode[]): OutNode[] {
  const trimEnd = (list: OutNode[]): void => {
    const node = list[list.length - 1]
    if (!node) return
    if (node.type === 'text' && typeof node.value === 'string') node.value = node.value.replace(/[ \t]+$/, '')
    else if (node.children && node.type !== 'inlineCode') trimEnd(node.children)
    else return
    // A text or a mark left empty goes, and the space before it is looked at in turn.
    if (node.value === '' || node.children?.length === 0) {
      list.pop()
      trimEnd(list)
    }
  }
  trimEnd(nodes)
  return nodes
}

/** How a block rendered anew is written: list marker, whether open HTML gets closed. */
interface RenderChoices {
  readonly marker: string | null
  readonly closeHtml: boolean
}

export function renderCanonical(node: PMNode, choices: RenderChoices, lineEnding: string): string {
  if (node.type.name === RAW_BLOCK && choices.closeHtml) {
    const source = rawSourceAttr(node)
    return `${source}\n${htmlBlockTerminator(source) ?? ''}`.replace(/\n/g, lineEnding)
  }
  const kind = listKindOf(node)
  const markers = kind && choices.marker ? listMarkersFor(kind, choices.marker) : DEFAULT_MARKERS
  // The tree may hold the two raw node types, for which handlers are registered.
  const markdown = toMarkdown(blockToMdast(node) as unknown as Mdast.Nodes, markdownOptions(markers))
  return markdown.replace(/\n$/, '').replace(/\r\n?|\n/g, lineEnding)
}
