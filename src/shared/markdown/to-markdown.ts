/**
 * TipTap document → Markdown. Fidelity: `docToMarkdown(markdownToDoc(md)) === md`
 * for any string. A block whose content still matches the fingerprint taken
 * when it was parsed is written back as its original text; only edited or new
 * blocks are rendered anew (`renderCanonical`), and the gaps between blocks are
 * kept or adjusted so the result still parses into the same blocks.
 */
import type { JSONContent } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import type * as Mdast from 'mdast'
import { DOC_ATTRS, SOURCE_ATTRS, editorSchema } from '../editor-schema'
import type { ListKind } from './canonical'
import { RAW_BLOCK, htmlBlockTerminator, listKindOf, markerInSource, markersFor, rawSourceAttr, renderCanonical, rendersNothing } from './canonical'
import { fingerprintOf } from './fingerprint'
import { BYTE_ORDER_MARK, parseMarkdown, spanOf } from './parse'

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
      (index === 0 ? origin.before.length === origin.offset : !this.useSeparator.has(index) && wereNeighbours(this.plans[index - 1] ?? right, right))
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
      else if (this.repairJoin(index))
        index = Math.max(0, index - 1) // the left block may have changed too
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
