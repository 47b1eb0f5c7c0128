/**
 * The one place where Markdown becomes a TipTap document and back.
 *
 * Fidelity: `docToMarkdown(markdownToDoc(md)) === md` for any string. Every
 * top-level block remembers the exact text it was parsed from, the exact text
 * before it and a fingerprint of its content (see `SOURCE_ATTRS`). When
 * serializing, a block whose content still matches its fingerprint is written
 * back as its original text; only edited or new blocks are rendered anew, in
 * one canonical style, through mdast-util-to-markdown (which owns escaping).
 * Whatever the editor has no node for is kept as `rawBlock` / `rawInline`
 * holding its Markdown source, so nothing is dropped.
 */
import type { JSONContent } from '@tiptap/core'
import type { Mark as PMMark, Node as PMNode } from '@tiptap/pm/model'
import type * as Mdast from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import type { Extension as FromMarkdownExtension, Handle as FromMarkdownHandle } from 'mdast-util-from-markdown'
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import type { Handle, Join, Options as ToMarkdownOptions } from 'mdast-util-to-markdown'
import { gfm } from 'micromark-extension-gfm'
import { DOC_ATTRS, FORMAT_ATTRS, SOURCE_ATTRS, editorSchema, isAllowedLinkHref } from '../editor-schema'

const BYTE_ORDER_MARK = '\uFEFF'

// ---------------------------------------------------------------------------
// Parsing helpers
// ---------------------------------------------------------------------------

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

function parseMarkdown(markdown: string): Mdast.Root {
  return fromMarkdown(markdown, {
    extensions: MICROMARK_EXTENSIONS,
    mdastExtensions: MDAST_EXTENSIONS
  })
}

interface Span {
  readonly start: number
  readonly end: number
}

function spanOf(node: Mdast.Node): Span | null {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return typeof start === 'number' && typeof end === 'number' && end >= start ? { start, end } : null
}

/** The editor works with `\n` only; the file's own line ending is restored on output. */
function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

function detectLineEnding(markdown: string): '\n' | '\r\n' {
  const first = /\r\n|\n/.exec(markdown)
  return first?.[0] === '\r\n' ? '\r\n' : '\n'
}

// ---------------------------------------------------------------------------
// Markdown → document
// ---------------------------------------------------------------------------

interface ParseContext {
  /** The Markdown being parsed (without its byte order mark, as micromark sees it). */
  readonly text: string
  /**
   * Inside a blockquote or list item. There, a multi-line source slice also
   * contains the container's prefixes (`> `, indentation), so raw nodes get a
   * source rendered on their own instead.
   */
  readonly nested: boolean
  /** Directly inside a task list item, whose first paragraph legitimately starts after `[ ] `. */
  readonly inTaskItem?: boolean
}

type MarkJSON = { type: string; attrs?: Record<string, unknown> }

const RAW_BLOCK = 'rawBlock'
const RAW_INLINE = 'rawInline'

/** Markdown for a node the editor cannot represent, as it should be written in place of the node. */
function rawSourceOf(node: Mdast.Nodes, ctx: ParseContext): string {
  const span = spanOf(node)
  const slice = span ? ctx.text.slice(span.start, span.end) : ''
  if (span && (!ctx.nested || !/[\r\n]/.test(slice))) return normalizeLineEndings(slice)
  if (node.type === 'html') return normalizeLineEndings(node.value)
  return renderMdastNodeAlone(node)
}

function renderMdastNodeAlone(node: Mdast.Nodes): string {
  return normalizeLineEndings(toMarkdown(node, markdownOptions())).replace(/\n$/, '')
}

function rawBlock(node: Mdast.Nodes, ctx: ParseContext): JSONContent {
  return { type: RAW_BLOCK, attrs: { source: rawBlockSource(rawSourceOf(node, ctx)) } }
}

/**
 * An HTML block left open at the end of the file runs on over the final line
 * ending(s); those belong to the gap after the block, not to what it shows.
 */
function rawBlockSource(source: string): string {
  return source.trimEnd()
}

function withMarks(node: JSONContent, marks: readonly MarkJSON[]): JSONContent {
  return marks.length > 0 ? { ...node, marks: marks.map((mark) => ({ ...mark })) } : node
}

function withContent(node: JSONContent, content: JSONContent[]): JSONContent {
  return content.length > 0 ? { ...node, content } : node
}

function addMark(marks: readonly MarkJSON[], mark: MarkJSON): readonly MarkJSON[] {
  // ProseMirror rejects a mark set holding the same mark twice (**a **b** c**).
  return marks.some((existing) => existing.type === mark.type) ? marks : [...marks, mark]
}

function sameMarks(a: JSONContent['marks'], b: JSONContent['marks']): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? [])
}

function pushText(out: JSONContent[], text: string, marks: readonly MarkJSON[]): void {
  if (text === '') return // ProseMirror has no empty text nodes
  const node = withMarks({ type: 'text', text }, marks)
  const previous = out[out.length - 1]
  if (previous?.type === 'text' && sameMarks(previous.marks, node.marks)) {
    previous.text = (previous.text ?? '') + text
  } else {
    out.push(node)
  }
}

function pushRawInline(out: JSONContent[], node: Mdast.Nodes, marks: readonly MarkJSON[], ctx: ParseContext): void {
  const source = rawSourceOf(node, ctx)
  if (source !== '') out.push(withMarks({ type: RAW_INLINE, attrs: { source } }, marks))
}

function inlineContent(nodes: readonly Mdast.PhrasingContent[], marks: readonly MarkJSON[], ctx: ParseContext): JSONContent[] {
  const out: JSONContent[] = []
  appendInlineChildren(out, nodes, marks, ctx)
  return out
}

function appendInlineChildren(
  out: JSONContent[],
  nodes: readonly Mdast.PhrasingContent[],
  marks: readonly MarkJSON[],
  ctx: ParseContext
): void {
  for (const node of nodes) appendInline(out, node, marks, ctx)
}

function appendInline(out: JSONContent[], node: Mdast.PhrasingContent, marks: readonly MarkJSON[], ctx: ParseContext): void {
  switch (node.type) {
    case 'text':
      pushText(out, normalizeLineEndings(node.value), marks)
      return
    case 'emphasis':
      appendInlineChildren(out, node.children, addMark(marks, { type: 'italic' }), ctx)
      return
    case 'strong':
      appendInlineChildren(out, node.children, addMark(marks, { type: 'bold' }), ctx)
      return
    case 'delete':
      appendInlineChildren(out, node.children, addMark(marks, { type: 'strike' }), ctx)
      return
    case 'inlineCode':
      // TipTap's code mark excludes every other mark, so code inside a link or
      // emphasis is kept as raw source carrying the outer marks.
      if (marks.length === 0) pushText(out, codeSpanText(node.value), [{ type: 'code' }])
      else pushRawInline(out, node, marks, ctx)
      return
    case 'break':
      out.push(withMarks({ type: 'hardBreak' }, marks))
      return
    case 'link':
      appendLink(out, node, marks, ctx)
      return
    default:
      // image, inline HTML, footnote reference, link/image reference, …
      pushRawInline(out, node, marks, ctx)
  }
}

/** Line endings inside a code span mean a space (CommonMark), and the editor shows it so. */
function codeSpanText(value: string): string {
  return value.replace(/\r\n?|\n/g, ' ')
}

function appendLink(out: JSONContent[], link: Mdast.Link, marks: readonly MarkJSON[], ctx: ParseContext): void {
  const nestedLink = marks.some((mark) => mark.type === 'link')
  if (nestedLink || !isAllowedLinkHref(link.url)) {
    // A `javascript:` (or similar) link stays inert source text.
    pushRawInline(out, link, marks, ctx)
    return
  }
  const linkMark: MarkJSON = { type: 'link', attrs: { href: link.url, title: link.title ?? null } }
  const content = inlineContent(link.children, [...marks, linkMark], ctx)
  // `[](url)` has no text to carry the mark; keep it as source so it is not lost.
  if (content.length === 0) pushRawInline(out, link, marks, ctx)
  else for (const child of content) mergeInto(out, child)
}

function mergeInto(out: JSONContent[], node: JSONContent): void {
  if (node.type === 'text') pushText(out, node.text ?? '', (node.marks ?? []) as MarkJSON[])
  else out.push(node)
}

function blockContent(node: Mdast.RootContent, ctx: ParseContext): JSONContent {
  switch (node.type) {
    case 'paragraph':
      return withContent({ type: 'paragraph' }, paragraphInlineContent(node, ctx))
    case 'heading':
      return withContent({ type: 'heading', attrs: { level: node.depth } }, inlineContent(node.children, [], ctx))
    case 'thematicBreak':
      return { type: 'horizontalRule' }
    case 'blockquote':
      return blockquoteContent(node, ctx)
    case 'code':
      return codeBlockContent(node)
    case 'list':
      return listContent(node, ctx)
    default:
      // html, table, definition, footnoteDefinition and anything unknown
      return rawBlock(node, ctx)
  }
}

/**
 * micromark can recognise a task checkbox at the start of a paragraph that
 * ends up outside any list item (`-\n[x] foo`); mdast then silently drops the
 * `[x]`. Text before the first child of a paragraph is put back as text.
 */
function paragraphInlineContent(paragraph: Mdast.Paragraph, ctx: ParseContext): JSONContent[] {
  const content = inlineContent(paragraph.children, [], ctx)
  const start = spanOf(paragraph)?.start
  const firstChildStart = paragraph.children[0] ? spanOf(paragraph.children[0])?.start : undefined
  if (ctx.inTaskItem || start === undefined || firstChildStart === undefined || firstChildStart <= start) return content
  const lost: JSONContent[] = []
  pushText(lost, normalizeLineEndings(ctx.text.slice(start, firstChildStart)), [])
  for (const node of content) mergeInto(lost, node)
  return lost
}

function emptyParagraph(): JSONContent {
  return { type: 'paragraph' }
}

function blockquoteContent(quote: Mdast.Blockquote, ctx: ParseContext): JSONContent {
  const inner: ParseContext = { ...ctx, nested: true, inTaskItem: false }
  const content = quote.children.map((child) => blockContent(child, inner))
  // A bare `>` is an empty quote; ProseMirror needs at least one block in it.
  return { type: 'blockquote', content: content.length > 0 ? content : [emptyParagraph()] }
}

function codeBlockContent(code: Mdast.Code): JSONContent {
  const attrs = { language: code.lang ?? null, [FORMAT_ATTRS.codeMeta]: code.meta ?? null }
  const text = normalizeLineEndings(code.value)
  return withContent({ type: 'codeBlock', attrs }, text === '' ? [] : [{ type: 'text', text }])
}

function listContent(list: Mdast.List, ctx: ParseContext): JSONContent {
  const checks = list.children.map((item) => item.checked)
  const isTaskList = checks.length > 0 && checks.every((checked) => typeof checked === 'boolean')
  const hasTasks = checks.some((checked) => typeof checked === 'boolean')
  // The editor has no ordered task list and no list mixing tasks and plain items.
  if (hasTasks && (!isTaskList || list.ordered === true)) return rawBlock(list, ctx)

  const loose = list.spread === true || list.children.some((item) => item.spread === true)
  const inner: ParseContext = { ...ctx, nested: true }
  const content = list.children.map((item) => listItemContent(item, isTaskList, inner))
  const attrs: Record<string, unknown> = { [FORMAT_ATTRS.loose]: loose ? true : null }
  if (isTaskList) return { type: 'taskList', attrs, content }
  if (list.ordered === true) return { type: 'orderedList', attrs: { ...attrs, start: list.start ?? 1 }, content }
  return { type: 'bulletList', attrs, content }
}

function isBlankParagraph(node: JSONContent): boolean {
  return (
    node.type === 'paragraph' &&
    (node.content ?? []).every((child) => child.type === 'text' && !child.marks && /^[ \t]*$/.test(child.text ?? ''))
  )
}

function listItemContent(item: Mdast.ListItem, isTask: boolean, ctx: ParseContext): JSONContent {
  const itemCtx: ParseContext = { ...ctx, inTaskItem: isTask }
  const content = item.children.map((child) => blockContent(child, itemCtx))
  const first = content[0]
  if (first === undefined || first.type !== 'paragraph') {
    // List items must start with a paragraph (`-` alone, `- ```code`, `- - nested`);
    // an empty one stands for "nothing before the first block".
    content.unshift(emptyParagraph())
  } else if (isTask && isBlankParagraph(first)) {
    // GFM cannot write an empty task, so an empty one is saved as `- [ ] &#x20;`.
    content[0] = emptyParagraph()
  }
  if (isTask) return { type: 'taskItem', attrs: { checked: item.checked === true }, content }
  return { type: 'listItem', content }
}

/**
 * Converts one top-level mdast node and stamps it with its source. A result
 * the schema rejects (which should not happen) becomes raw source instead.
 */
function topLevelBlock(node: Mdast.RootContent, ctx: ParseContext, source: string, before: string, offset: number): JSONContent {
  const sourceAttrs = {
    [SOURCE_ATTRS.source]: source,
    [SOURCE_ATTRS.before]: before,
    [SOURCE_ATTRS.offset]: offset
  }
  let block = blockContent(node, ctx)
  let checked: PMNode
  try {
    checked = editorSchema.nodeFromJSON(block)
    checked.check()
  } catch {
    block = { type: RAW_BLOCK, attrs: { source: rawBlockSource(normalizeLineEndings(source)) } }
    checked = editorSchema.nodeFromJSON(block)
  }
  block.attrs = { ...block.attrs, ...sourceAttrs, [SOURCE_ATTRS.fingerprint]: fingerprintOf(checked) }
  return block
}

/**
 * Parses Markdown into a TipTap document (JSON) of `editorSchema`.
 * `docToMarkdown` of the result gives back exactly `markdown`.
 */
export function markdownToDoc(markdown: string): JSONContent {
  const bom = markdown.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK : ''
  // micromark drops a byte order mark and counts offsets without it.
  const text = markdown.slice(bom.length)
  const ctx: ParseContext = { text, nested: false }
  const blocks: JSONContent[] = []
  let cursor = 0

  for (const node of parseMarkdown(text).children) {
    const span = spanOf(node)
    if (span === null || span.start < cursor) continue // cannot happen; its text stays in the next gap
    const before = (blocks.length === 0 ? bom : '') + text.slice(cursor, span.start)
    blocks.push(topLevelBlock(node, ctx, text.slice(span.start, span.end), before, bom.length + span.start))
    cursor = span.end
  }

  const hasBlocks = blocks.length > 0
  const doc: JSONContent = {
    type: 'doc',
    attrs: {
      [DOC_ATTRS.trailing]: (hasBlocks ? '' : bom) + text.slice(cursor),
      [DOC_ATTRS.end]: hasBlocks ? bom.length + cursor : 0,
      [DOC_ATTRS.lineEnding]: detectLineEnding(markdown)
    },
    // A document needs one block; an empty paragraph is written as nothing.
    content: hasBlocks ? blocks : [emptyParagraph()]
  }
  return reassemblesExactly(doc, markdown) ? doc : wholeFileAsRawBlock(markdown)
}

/** Safety net for the fidelity rule: the pieces kept must add up to the input. */
function reassemblesExactly(doc: JSONContent, markdown: string): boolean {
  let text = ''
  for (const block of doc.content ?? []) {
    const before: unknown = block.attrs?.[SOURCE_ATTRS.before]
    const source: unknown = block.attrs?.[SOURCE_ATTRS.source]
    if (typeof before === 'string' && typeof source === 'string') text += before + source
  }
  return text + String(doc.attrs?.[DOC_ATTRS.trailing] ?? '') === markdown
}

function wholeFileAsRawBlock(markdown: string): JSONContent {
  const block: JSONContent = {
    type: RAW_BLOCK,
    attrs: {
      source: rawBlockSource(normalizeLineEndings(markdown)),
      [SOURCE_ATTRS.source]: markdown,
      [SOURCE_ATTRS.before]: '',
      [SOURCE_ATTRS.offset]: 0
    }
  }
  if (block.attrs) block.attrs[SOURCE_ATTRS.fingerprint] = fingerprintOf(editorSchema.nodeFromJSON(block))
  return {
    type: 'doc',
    attrs: {
      [DOC_ATTRS.trailing]: '',
      [DOC_ATTRS.end]: markdown.length,
      [DOC_ATTRS.lineEnding]: detectLineEnding(markdown)
    },
    content: [block]
  }
}

// ---------------------------------------------------------------------------
// Fingerprints: "is this block still what was parsed?"
// ---------------------------------------------------------------------------

/**
 * The attributes that change what a block looks like in Markdown. Others
 * (link target/rel, an ordered list's `type`, ids or alignment another
 * extension might add) must not make an untouched block count as edited.
 */
const MARKDOWN_NODE_ATTRS = ['level', 'language', 'start', 'checked', 'source', FORMAT_ATTRS.loose, FORMAT_ATTRS.codeMeta]
const MARKDOWN_MARK_ATTRS = ['href', 'title']

/**
 * A 64-bit hash of everything of a block that shows in Markdown: types,
 * attributes above, marks, text. Computed on ProseMirror nodes so defaults
 * filled in by the schema and text nodes merged by it make no difference.
 */
function fingerprintOf(node: PMNode): string {
  return hash64(describeForFingerprint(node))
}

function describeAttrs(attrs: Record<string, unknown>, names: readonly string[]): string {
  let description = ''
  for (const name of names) {
    const value = attrs[name]
    // JSON quotes strings, so no two different structures describe alike.
    if (value !== undefined && value !== null) description += ` ${name}=${JSON.stringify(value)}`
  }
  return description
}

function describeForFingerprint(node: PMNode): string {
  let description = `(${node.type.name}${describeAttrs(node.attrs, MARKDOWN_NODE_ATTRS)}`
  for (const mark of node.marks) description += ` @${mark.type.name}${describeAttrs(mark.attrs, MARKDOWN_MARK_ATTRS)}`
  if (node.isText) description += ` ${JSON.stringify(node.text ?? '')}`
  node.forEach((child) => {
    description += describeForFingerprint(child)
  })
  return `${description})`
}

/** cyrb53-style hash widened to two 32-bit lanes. */
function hash64(text: string): string {
  let h1 = 0xdeadbeef ^ text.length
  let h2 = 0x41c6ce57 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0')
}

// ---------------------------------------------------------------------------
// Document → mdast (canonical rendering of edited or new blocks)
// ---------------------------------------------------------------------------

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
const joinRawBlocksWithBlankLine: Join = (left, right) =>
  (left.type as string) === RAW_FLOW_TYPE || (right.type as string) === RAW_FLOW_TYPE ? 1 : undefined

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
function markdownOptions(markers: ListMarkers = DEFAULT_MARKERS): ToMarkdownOptions {
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

type ListKind = 'bullet' | 'ordered'

/** Two adjacent top-level lists of one kind and marker merge into one list. */
function listKindOf(node: PMNode): ListKind | null {
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

function markersFor(kind: ListKind): readonly string[] {
  return kind === 'bullet' ? BULLETS : ORDERED_DELIMITERS
}

function listMarkersFor(kind: ListKind, marker: string): ListMarkers {
  const bullet = BULLETS.find((candidate) => candidate === marker) ?? '-'
  const ordered = ORDERED_DELIMITERS.find((candidate) => candidate === marker) ?? '.'
  return kind === 'bullet' ? { ...DEFAULT_MARKERS, bullet } : { ...DEFAULT_MARKERS, ordered }
}

/** The marker a list's original source starts with (`-`, `*`, `+`, `.`, `)`). */
function markerInSource(source: string): string | null {
  const match = /^[ \t]*(?:\d{1,9}([.)])|([-*+]))/.exec(source)
  return match?.[1] ?? match?.[2] ?? null
}

/**
 * The line that ends an HTML block of CommonMark kinds 1–5, which run until
 * such a line rather than until a blank line; null for other content.
 */
function htmlBlockTerminator(source: string): string | null {
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

function rawSourceAttr(node: PMNode): string {
  const value: unknown = node.attrs.source
  return typeof value === 'string' ? normalizeLineEndings(value) : ''
}

/** Nothing to write: an empty paragraph (or one holding only line breaks), a blank raw block. */
function rendersNothing(node: PMNode): boolean {
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
      return node.isTextblock
        ? { type: 'paragraph', children: phrasingOf(node) }
        : { type: RAW_FLOW_TYPE, value: node.textContent }
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

function renderCanonical(node: PMNode, choices: RenderChoices, lineEnding: string): string {
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

// ---------------------------------------------------------------------------
// Document → Markdown
// ---------------------------------------------------------------------------

interface Origin {
  readonly source: string
  readonly before: string
  readonly offset: number
}

interface PlannedBlock {
  readonly node: PMNode
  readonly origin: Origin | null
  /** Written as its original source (untouched) rather than rendered anew. */
  asSource: boolean
  /** For a list rendered anew: its marker (`-`, `*`, `+`, `.`, `)`). */
  marker: string | null
  /** For open HTML rendered anew: closed with its terminating line. */
  closeHtml: boolean
  text: string
}

function originOf(node: PMNode): Origin | null {
  const source: unknown = node.attrs[SOURCE_ATTRS.source]
  const before: unknown = node.attrs[SOURCE_ATTRS.before]
  const offset: unknown = node.attrs[SOURCE_ATTRS.offset]
  if (typeof source !== 'string' || typeof before !== 'string') return null
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) return null
  return { source, before, offset }
}

function isUnchanged(node: PMNode, origin: Origin | null): boolean {
  const stamp: unknown = node.attrs[SOURCE_ATTRS.fingerprint]
  return origin !== null && typeof stamp === 'string' && stamp === fingerprintOf(node)
}

/** The two blocks were next to each other in the parsed file, in this order. */
function wereNeighbours(left: PlannedBlock, right: PlannedBlock): boolean {
  const a = left.origin
  const b = right.origin
  return a !== null && b !== null && a.offset + a.source.length + b.before.length === b.offset
}

/** The blocks to write: untouched ones as their source, the rest still to be rendered. */
function planBlocks(doc: PMNode): PlannedBlock[] {
  const plans: PlannedBlock[] = []
  doc.forEach((node) => {
    const origin = originOf(node)
    const asSource = isUnchanged(node, origin)
    if (asSource || !rendersNothing(node)) {
      plans.push({
        node,
        origin,
        asSource,
        marker: null,
        closeHtml: false,
        text: asSource && origin ? origin.source : ''
      })
    }
  })
  return plans
}

/**
 * The kind of list a planned block writes, if any. Raw Markdown counts too:
 * a list the editor could not represent (tasks mixed with plain items) is
 * raw source and merges with a neighbouring list all the same.
 */
function listKindOfPlan(plan: PlannedBlock): ListKind | null {
  if (plan.node.type.name !== RAW_BLOCK) return listKindOf(plan.node)
  const marker = /^[ \t]*(?:\d{1,9}([.)])|([-*+]))(?:[ \t]|$)/m.exec(plan.text)
  if (!marker || marker.index !== 0) return null
  return marker[1] ? 'ordered' : 'bullet'
}

function markerOfPlan(plan: PlannedBlock): string | null {
  return plan.asSource || plan.node.type.name === RAW_BLOCK ? markerInSource(plan.text) : plan.marker
}

/** Canonical blocks that always end before a blank line, whatever follows. */
const CLOSED_WHEN_CANONICAL = new Set(['paragraph', 'heading', 'horizontalRule', 'blockquote', 'codeBlock'])

/**
 * The top-level mdast node a block must parse back as; null when any will do
 * (raw Markdown may be anything).
 */
function expectedMdastKind(node: PMNode): string | null {
  switch (node.type.name) {
    case 'paragraph':
      return 'paragraph'
    case 'heading':
      return 'heading'
    case 'blockquote':
      return 'blockquote'
    case 'codeBlock':
      return 'code'
    case 'horizontalRule':
      return 'thematicBreak'
    case 'bulletList':
    case 'taskList':
      return 'list'
    case 'orderedList':
      return 'list ordered'
    default:
      return null
  }
}

function mdastKind(node: Mdast.RootContent): string {
  return node.type === 'list' && node.ordered === true ? 'list ordered' : node.type
}

/** The indentation a block's first line had: the end of the gap before it. */
function indentOfLastLine(gap: string): string {
  return /[ \t]*$/.exec(gap)?.[0] ?? ''
}

/**
 * The gap before a block ends with that block's own indentation, which is
 * part of its original source (an indented fence strips that much from its
 * content lines); a block rendered anew starts at the margin instead.
 */
function withoutIndentOfLastLine(gap: string): string {
  return gap.slice(0, gap.length - indentOfLastLine(gap).length)
}

interface TopLevelNode {
  readonly kind: string
  readonly start: number
  readonly end: number
}

/** Parses short stretches of output to see where top-level blocks begin and end. */
class BlockParser {
  private readonly cache = new Map<string, TopLevelNode[]>()

  topLevelNodes(markdown: string): TopLevelNode[] {
    let nodes = this.cache.get(markdown)
    if (nodes === undefined) {
      nodes = parseMarkdown(markdown).children.flatMap((node) => {
        const span = spanOf(node)
        return span ? [{ kind: mdastKind(node), ...span }] : []
      })
      this.cache.set(markdown, nodes)
    }
    return nodes
  }
}

class MarkdownWriter {
  private readonly plans: PlannedBlock[]
  private readonly separator: string
  private readonly parser = new BlockParser()
  /** Joins (by index of their right block) whose original gap was given up for a blank line. */
  private readonly useSeparator = new Set<number>()

  constructor(
    private readonly doc: PMNode,
    private readonly lineEnding: string
  ) {
    this.plans = planBlocks(doc)
    this.separator = lineEnding + lineEnding
    this.plans.forEach((plan, index) => {
      // lists are rendered once their marker is known
      if (!plan.asSource && !listKindOf(plan.node)) this.render(index)
    })
    this.assignListMarkers()
  }

  write(): string {
    if (this.plans.length === 0) return this.emptyDocument()
    this.settleJoins()
    let out = ''
    this.plans.forEach((plan, index) => {
      out += this.gapBefore(index) + plan.text
    })
    return out + this.trailing()
  }

  private emptyDocument(): string {
    // A file that was only whitespace is written back as it was.
    const trailing: unknown = this.doc.attrs[DOC_ATTRS.trailing]
    return this.doc.attrs[DOC_ATTRS.end] === 0 && typeof trailing === 'string' ? trailing : ''
  }

  private trailing(): string {
    const last = this.plans[this.plans.length - 1]
    const trailing: unknown = this.doc.attrs[DOC_ATTRS.trailing]
    const end: unknown = this.doc.attrs[DOC_ATTRS.end]
    if (!last?.origin || typeof trailing !== 'string') return this.lineEnding
    const wasLast = last.origin.offset + last.origin.source.length === end
    // Text after an edited last block is kept only if it is whitespace (it
    // might otherwise belong to the construct the block was before).
    return wasLast && (last.asSource || trailing.trim() === '') ? trailing : this.lineEnding
  }

  /** Whether the block starts exactly as in the file: same neighbour (or file start) and same gap. */
  private joinIsOriginal(index: number): boolean {
    const right = this.plans[index]
    if (!right?.asSource || !right.origin) return false
    if (index === 0) return right.origin.before.length === right.origin.offset
    const left = this.plans[index - 1]
    return left?.asSource === true && !this.useSeparator.has(index) && wereNeighbours(left, right)
  }

  private gapBefore(index: number): string {
    const right = this.plans[index]
    if (!right) return ''
    const origin = right.origin
    const keepsOriginalGap =
      origin !== null &&
      (index === 0
        ? origin.before.length === origin.offset
        : !this.useSeparator.has(index) && wereNeighbours(this.plans[index - 1] ?? right, right))
    if (origin && keepsOriginalGap) {
      return right.asSource ? origin.before : withoutIndentOfLastLine(origin.before)
    }
    const separator = index === 0 ? '' : this.separator
    // Original text moved elsewhere keeps the indentation of its first line,
    // which its other lines are relative to.
    return origin && right.asSource ? separator + indentOfLastLine(origin.before) : separator
  }

  /**
   * Makes sure every block parses back as itself where it now stands: two
   * lists with the same marker must not merge, an unclosed fence or HTML
   * comment must not swallow new text, text must not change meaning in a new
   * context. Joins next to changes are checked cheaply on their own first;
   * then, unless the file is unchanged, the whole output is parsed once to
   * confirm (micromark has a few long-range context effects), and any join
   * found wrong is repaired and the check repeated.
   */
  private settleJoins(): void {
    this.settleJoinsFrom(0)
    const maxRepairs = this.plans.length * 4 + 4
    for (let repair = 0; repair < maxRepairs && !this.isOriginalFile(); repair++) {
      const join = this.firstMisparsedJoin()
      if (join === -1 || !this.repairJoin(join)) return
      this.settleJoinsFrom(Math.max(0, join - 1))
    }
  }

  private settleJoinsFrom(start: number): void {
    let index = start
    while (index < this.plans.length) {
      if (this.joinHolds(index)) index++
      else if (this.repairJoin(index)) index = Math.max(0, index - 1) // the left block may have changed too
      else index++ // nothing left to try; the text is still all there
    }
  }

  /**
   * Repairs a join by, in order: a blank line instead of the original gap;
   * closing open HTML rendered anew; and only then rendering anew an
   * untouched block (right, then left), so original text is given up last.
   * (Lists next to lists get distinct markers on their own, see
   * `assignListMarkers`.)
   */
  private repairJoin(index: number): boolean {
    const right = Math.min(index, this.plans.length - 1)
    if (right > 0 && right === index && !this.useSeparator.has(index) && this.gapBefore(index) !== this.separator) {
      this.useSeparator.add(index)
      return true
    }
    const sides = right > 0 && right === index ? [right, right - 1] : [right]
    return sides.some((side) => this.closeOpenHtml(side)) || sides.some((side) => this.renderUntouched(side))
  }

  private isOriginalFile(): boolean {
    if (!this.plans.every((_, index) => this.joinIsOriginal(index))) return false
    const last = this.plans[this.plans.length - 1]?.origin
    return last != null && last.offset + last.source.length === this.doc.attrs[DOC_ATTRS.end]
  }

  private joinHolds(index: number): boolean {
    // The file up to here is byte-identical to the parsed one.
    if (this.joinIsOriginal(index) && (index === 0 || this.joinIsOriginal(index - 1))) return true
    const left = this.plans[index - 1]
    const right = this.plans[index]
    if (!right) return true
    const canonicalPair = left !== undefined && !left.asSource && !right.asSource
    if (canonicalPair && CLOSED_WHEN_CANONICAL.has(left.node.type.name) && this.gapBefore(index) === this.separator) {
      return true
    }
    return this.misparsedJoinIn(Math.max(0, index - 2), index, false) === -1
  }

  private firstMisparsedJoin(): number {
    return this.misparsedJoinIn(0, this.plans.length - 1, true)
  }

  /**
   * Parses blocks `first..last` as they would be written and checks that each
   * comes back as itself (same kind, same extent). Returns the index of the
   * first join found wrong, or -1.
   */
  private misparsedJoinIn(first: number, last: number, wholeFile: boolean): number {
    let window = ''
    const expected: { index: number; start: number; end: number; count: number; kind: string | null }[] = []
    for (let index = first; index <= last; index++) {
      const plan = this.plans[index]
      if (!plan) continue
      const gap = this.gapBefore(index)
      window += index === first && !wholeFile ? indentOfLastLine(gap) : gap
      // micromark skips a byte order mark and counts offsets without it
      if (window.startsWith(BYTE_ORDER_MARK)) window = window.slice(BYTE_ORDER_MARK.length)
      const start = window.length
      window += plan.text
      const isRaw = plan.node.type.name === RAW_BLOCK
      const count = isRaw && !plan.asSource ? this.parser.topLevelNodes(plan.text).length : 1
      expected.push({ index, start, end: window.length, count, kind: isRaw ? null : expectedMdastKind(plan.node) })
    }
    const nodes = this.parser.topLevelNodes(wholeFile ? window + this.trailing() : window)
    let next = 0
    for (const block of expected) {
      for (let n = 0; n < block.count; n++) {
        const node = nodes[next++]
        if (!node || node.start < block.start) return block.index
        if (node.end > block.end) return block.index + 1 // it ran on into what follows
        if (block.kind !== null && node.kind !== block.kind) return block.index
      }
    }
    return next === nodes.length ? -1 : last + 1
  }

  private closeOpenHtml(index: number): boolean {
    const plan = this.plans[index]
    if (!plan || plan.asSource || plan.closeHtml || plan.node.type.name !== RAW_BLOCK) return false
    if (htmlBlockTerminator(rawSourceAttr(plan.node)) === null) return false
    plan.closeHtml = true
    this.render(index)
    return true
  }

  private renderUntouched(index: number): boolean {
    const plan = this.plans[index]
    if (!plan?.asSource) return false
    plan.asSource = false
    this.render(index)
    this.assignListMarkers()
    return true
  }

  private render(index: number): void {
    const plan = this.plans[index]
    if (plan) plan.text = renderCanonical(plan.node, plan, this.lineEnding)
  }

  /**
   * Gives every list rendered anew a marker that differs from the lists next
   * to it (adjacent lists with one marker would merge into one): `-` (or `.`)
   * unless a neighbour uses it.
   */
  private assignListMarkers(): void {
    this.plans.forEach((plan, index) => {
      const kind = plan.asSource ? null : listKindOf(plan.node)
      if (!kind) return
      const previous = this.plans[index - 1]
      const next = this.plans[index + 1]
      const taken = new Set<string>()
      if (previous && listKindOfPlan(previous) === kind) taken.add(markerOfPlan(previous) ?? '')
      // A following list rendered anew adapts to this one in its own turn.
      if (next && listKindOfPlan(next) === kind && (next.asSource || !listKindOf(next.node))) {
        taken.add(markerOfPlan(next) ?? '')
      }
      const candidates = markersFor(kind)
      const marker =
        candidates.find((candidate) => !taken.has(candidate)) ??
        candidates.find((candidate) => candidate !== markerOfPlan(previous ?? plan)) ??
        candidates[0] ??
        null
      if (marker !== plan.marker) {
        plan.marker = marker
        this.render(index)
      }
    })
  }
}

/**
 * Serializes a TipTap document (JSON of `editorSchema`) to Markdown. Blocks
 * unchanged since `markdownToDoc` are written back byte for byte; edited and
 * new blocks are written in the canonical style.
 */
export function docToMarkdown(doc: JSONContent): string {
  const node = editorSchema.nodeFromJSON(doc)
  const lineEnding = node.attrs[DOC_ATTRS.lineEnding] === '\r\n' ? '\r\n' : '\n'
  return new MarkdownWriter(node, lineEnding).write()
}

// ---------------------------------------------------------------------------
// Excerpts
// ---------------------------------------------------------------------------

/** Blocks whose text is not prose worth previewing. */
const NOT_PROSE = new Set(['code', 'html', 'definition', 'footnoteDefinition', 'thematicBreak', 'yaml'])
/** Inline nodes whose text is not prose (markup, references). */
const NOT_PROSE_INLINE = new Set(['html', 'image', 'imageReference', 'footnoteReference'])

function plainTextOf(node: Mdast.Nodes): string {
  if (NOT_PROSE.has(node.type) || NOT_PROSE_INLINE.has(node.type)) return ''
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  if (node.type === 'break') return ' '
  if ('children' in node) {
    const parts = (node.children as Mdast.Nodes[]).map(plainTextOf)
    return node.type === 'paragraph' || node.type === 'heading' ? parts.join('') : parts.join(' ')
  }
  return ''
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function truncateOnWordBoundary(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  if (maxChars <= 1) return maxChars === 1 ? '…' : ''
  let cut = text.slice(0, maxChars - 1)
  const endsMidWord = text.charAt(maxChars - 1) !== ' '
  const lastSpace = cut.lastIndexOf(' ')
  // Prefer a word boundary unless that throws away more than half the room.
  if (endsMidWord && lastSpace >= maxChars / 2) cut = cut.slice(0, lastSpace)
  // Never leave half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return `${cut.replace(/[\s,;:.\-–—]+$/, '')}…`
}

/** Only the start of a long entry is parsed; the cut is made at a blank line. */
function excerptWindow(markdown: string, maxChars: number): string {
  const limit = Math.max(4096, maxChars * 16)
  if (markdown.length <= limit) return markdown
  const blank = markdown.slice(limit).search(/\n[ \t]*\r?\n/)
  return blank === -1 ? markdown : markdown.slice(0, limit + blank)
}

/**
 * Plain-text preview of an entry for lists: the first meaningful text with
 * Markdown syntax removed, whitespace collapsed, cut on a word boundary with
 * "…" so that the result is at most `maxChars` characters.
 */
export function markdownExcerpt(markdown: string, maxChars = 160): string {
  const window = excerptWindow(markdown.replace(/^\uFEFF/, ''), maxChars)
  const pieces: string[] = []
  let length = 0
  for (const block of parseMarkdown(window).children) {
    const text = collapseWhitespace(plainTextOf(block))
    if (text === '') continue
    pieces.push(text)
    length += text.length + 1
    if (length > maxChars) break
  }
  return truncateOnWordBoundary(pieces.join(' '), maxChars)
}
