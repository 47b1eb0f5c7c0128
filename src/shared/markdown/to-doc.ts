/**
 * Markdown → TipTap document (JSON of `editorSchema`). Every top-level block
 * remembers the exact text it was parsed from, the exact text before it and a
 * fingerprint of its content (see `SOURCE_ATTRS`), so `docToMarkdown` can
 * write an untouched block back byte for byte. Whatever the editor has no
 * node for is kept as `rawBlock` / `rawInline` holding its Markdown source.
 */
import type { JSONContent } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import type * as Mdast from 'mdast'
import { toMarkdown } from 'mdast-util-to-markdown'
import { DOC_ATTRS, FORMAT_ATTRS, SOURCE_ATTRS, editorSchema, isAllowedLinkHref } from '../editor-schema'
import { RAW_BLOCK, RAW_INLINE, markdownOptions } from './canonical'
import { fingerprintOf } from './fingerprint'
import { BYTE_ORDER_MARK, detectLineEnding, normalizeLineEndings, parseMarkdown, spanOf } from './parse'

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

function appendInlineChildren(out: JSONContent[], nodes: readonly Mdast.PhrasingContent[], marks: readonly MarkJSON[], ctx: ParseContext): void {
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
  return node.type === 'paragraph' && (node.content ?? []).every((child) => child.type === 'text' && !child.marks && /^[ \t]*$/.test(child.text ?? ''))
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
