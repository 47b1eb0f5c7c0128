import type * as Mdast from 'mdast'
import type { MentionTarget } from '../../shared/mentions'
import { parseMentionHref } from '../../shared/mentions'
import { parseMarkdown } from '../../shared/markdown'

/** One mention in an entry: what it points at, the name as written, and the sentence around it. */
export interface FoundMention extends MentionTarget {
  /** The link's text as a reader sees it (the name when it was written). */
  text: string
  /** The sentence the mention is in, as plain text, shortened around the mention when very long. */
  sentence: string
}

/** A sentence longer than this is cut to this much around the mention, with an ellipsis. */
const MAX_SENTENCE = 240

/** Cheap test first: parsing Markdown costs far more, and most entries mention nobody. */
export function mayHaveMentions(markdown: string): boolean {
  return /rapport:/i.test(markdown)
}

/**
 * Every mention and entry link in a Markdown body, in reading order: inline
 * links `[Name](rapport://person/p_1)`, reference links whose definition is
 * such a target, and autolinks `<rapport://entry/e_1>`. Links inside code are
 * not links and are not found.
 */
export function findMentions(markdown: string): FoundMention[] {
  if (!mayHaveMentions(markdown)) return []
  const chunks = chunksWithMentions(markdown)
  return chunks === null ? findIn(markdown) : chunks.flatMap((chunk) => inPlainParagraph(chunk) ?? findIn(chunk))
}

/** `findMentions` with every paragraph parsed, never read by `inPlainParagraph`: what that shortcut must always agree with. */
export function findMentionsByParsing(markdown: string): FoundMention[] {
  if (!mayHaveMentions(markdown)) return []
  const chunks = chunksWithMentions(markdown)
  return chunks === null ? findIn(markdown) : chunks.flatMap(findIn)
}

/** `[text](destination)`: an inline link with plain text and a destination without spaces, brackets or a title. */
const PLAIN_LINK = /\[([^[\]]*)\]\(([A-Za-z0-9:/_.-]+)\)/g
/**
 * What may give a paragraph's text another meaning than the letters written: emphasis, code, escapes, entities, HTML
 * and autolinks, strikethrough, tables, images (and any `!`, `^`: footnotes), another kind of link; spaces that
 * Markdown drops or turns into a break.
 */
const NOT_PLAIN = /[*_`\\&<>~|!^[\]\t]|[ ]\n|[ ]$/
/** A line that opens a block (heading, quote, list, rule, setext underline) or continues one (indented). */
const BLOCK_LINE = /^(?:[^\p{L}\p{N}"'([]|\d{1,9}[.)](?:\s|$))/mu

/**
 * A paragraph of plain sentences with inline links, read without parsing — the common case (`Spoke with [Priya](…)
 * about the plan.`), and parsing a paragraph costs a thousand times more. Null for anything else, which is parsed:
 * the shortcut only takes text whose meaning as Markdown is the letters themselves (a test holds it to the parser).
 */
export function inPlainParagraph(chunk: string): FoundMention[] | null {
  if (BLOCK_LINE.test(chunk)) return null
  const links: FlatLink[] = []
  let text = ''
  let from = 0
  let plain = ''
  for (const match of chunk.matchAll(PLAIN_LINK)) {
    const [whole, label = '', url = ''] = match
    const between = chunk.slice(from, match.index)
    text += between
    plain += between + label
    const start = text.length
    text += label
    const target = parseMentionHref(url)
    if (target) links.push({ target, start, end: text.length })
    from = match.index + whole.length
  }
  text += chunk.slice(from)
  plain += chunk.slice(from)
  if (NOT_PLAIN.test(plain)) return null
  const flat = text.replace(/\s/g, ' ')
  return links.map((link) => ({ ...link.target, text: flat.slice(link.start, link.end).trim(), sentence: sentenceAround(flat, link.start, link.end) }))
}

/**
 * Parsing a whole entry is the cost of building the index; most of an
 * entry mentions nobody. So only the runs of lines (between blank lines,
 * outside fenced code) that hold `rapport:` are parsed, each on its own —
 * a paragraph means the same alone as in its entry. Null when that might
 * not hold (an indented run could be code or a list item's paragraph; a
 * reference definition reaches across the file): then the whole is parsed.
 */
export function chunksWithMentions(markdown: string): string[] | null {
  if (/^ {0,3}\[[^\]]*\]:\s*<?rapport:/im.test(markdown)) return null
  const chunks: string[] = []
  let run: string[] = []
  let fence: string | null = null
  let giveUp = false
  const flush = (): void => {
    const text = run.join('\n')
    if (/rapport:/i.test(text)) {
      if (/^\s/.test(run[0] ?? '')) giveUp = true
      else chunks.push(text)
    }
    run = []
  }
  for (const line of markdown.split(/\r?\n/)) {
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null
      continue
    }
    const opening = /^\s*(`{3,}|~{3,})/.exec(line)
    if (opening?.[1]) {
      flush()
      fence = opening[1]
    } else if (line.trim() === '') flush()
    else run.push(line)
  }
  flush()
  return giveUp ? null : chunks
}

function findIn(markdown: string): FoundMention[] {
  const tree = parseMarkdown(markdown)
  const definitions = new Map<string, string>()
  visit(tree, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node.url)
  })
  const found: FoundMention[] = []
  visitBlocks(tree, (block) => {
    const flat = flatten(block, definitions)
    for (const link of flat.links)
      found.push({ ...link.target, text: flat.text.slice(link.start, link.end).trim(), sentence: sentenceAround(flat.text, link.start, link.end) })
  })
  return found
}

interface FlatLink {
  target: MentionTarget
  start: number
  end: number
}

/** A block's words as one line of plain text, with where each mention's text sits in it. */
function flatten(block: Mdast.Parent, definitions: ReadonlyMap<string, string>): { text: string; links: FlatLink[] } {
  let text = ''
  const links: FlatLink[] = []
  const walk = (node: Mdast.Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      text += node.value
      return
    }
    if (node.type === 'break') {
      text += ' '
      return
    }
    if (node.type === 'image' || node.type === 'imageReference') {
      text += node.alt ?? ''
      return
    }
    if (!('children' in node) || isBlock(node)) return
    const url = node.type === 'link' ? node.url : node.type === 'linkReference' ? definitions.get(node.identifier.toLowerCase()) : undefined
    const target = url === undefined ? null : parseMentionHref(url)
    const start = text.length
    for (const child of node.children) walk(child)
    if (target) links.push({ target, start, end: text.length })
  }
  for (const child of block.children) walk(child as Mdast.Nodes)
  return { text: text.replace(/\s/g, ' '), links }
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell'])
const isBlock = (node: Mdast.Nodes): boolean => BLOCKS.has(node.type) || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote'

/** Calls `see` for each block of text (paragraph, heading, table cell), wherever it is nested. */
function visitBlocks(node: Mdast.Nodes, see: (block: Mdast.Parent) => void): void {
  if (BLOCKS.has(node.type) && 'children' in node) {
    see(node)
    return
  }
  if ('children' in node) for (const child of node.children) visitBlocks(child, see)
}

function visit(node: Mdast.Nodes, see: (node: Mdast.Nodes) => void): void {
  see(node)
  if ('children' in node) for (const child of node.children) visit(child, see)
}

/** The sentence of `text` that holds `[start, end)`: from after the previous full stop (or ! ?) to the next one. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = 0
  const before = /[.!?…](?=\s)/g
  for (let match = before.exec(text); match && match.index < start; match = before.exec(text)) from = match.index + 1
  const after = /[.!?…](?=\s|$)/g
  after.lastIndex = end
  const next = after.exec(text)
  const to = next ? next.index + 1 : text.length
  let sentence = text.slice(from, to).replace(/\s+/g, ' ').trim()
  if (sentence.length > MAX_SENTENCE) {
    // Keep the mention in view: centre the cut on it.
    const at = Math.max(0, text.slice(from, start).replace(/\s+/g, ' ').trimStart().length - Math.floor((MAX_SENTENCE - (end - start)) / 2))
    const cut = sentence.slice(at, at + MAX_SENTENCE).trim()
    sentence = `${at > 0 ? '…' : ''}${cut}${at + MAX_SENTENCE < sentence.length ? '…' : ''}`
  }
  return sentence
}
