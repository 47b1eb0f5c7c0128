import type * as Mdast from 'mdast'
import { escapeLinkText } from '../../shared/mentions'
import { isLocalHref } from '../attachments/attachment-links'
import { linkDestination } from '../../shared/markdown'
import { readDestination } from './entry-links'
import { parseMarkdown } from '../../shared/markdown'

/**
 * Obsidian's own link syntax, as its help describes it ("Internal links",
 * "Embed files"), turned into ordinary Markdown any tool reads:
 *
 *   [[Priya Raman]]             a mention of the person or client of that name, else a link to the imported note
 *   [[Priya Raman|Priya]]       the same, shown as "Priya" (`\|` inside a table)
 *   [[Scope call#Next steps]]   a link to the note (heading and block references are dropped)
 *   ![[whiteboard.png|300]]     the file copied into the vault: `![whiteboard](../attachments/whiteboard.png)`
 *   ![[plan.pdf]]               the same, as a link: `[plan.pdf](../attachments/plan.pdf)`
 *   ![board](img/board.png)     a Markdown image or link to a local file: the file copied, the destination rewritten
 *
 * Anything it cannot resolve stays exactly as written. Code (spans and
 * blocks) and HTML are never touched.
 */
export interface ObsidianTargets {
  /** What a wikilink's target (`Priya Raman`) names: a mention or entry link, or null. */
  link(target: string): string | null
  /** Keeps the file a note embeds or links (as written, percent-decoded) in the vault; the href from the entry, or null to leave it. */
  attachment(target: string): Promise<{ href: string; image: boolean } | null>
}

const WIKILINK = /(!?)\[\[([^[\]\n]+?)\]\]/g

interface Edit {
  start: number
  end: number
  text: string
}

/**
 * Cheap test for Markdown with nothing for `rewriteObsidianLinks` to do: no
 * wikilink, and no link or image to a local file (every link left has a
 * scheme, such as the `rapport://entry/` links an import makes). Parsing
 * Markdown costs far more than this look.
 */
export function mayHaveObsidianLinks(markdown: string): boolean {
  return markdown.includes('[[') || /\]\(\s*<?(?![a-z][a-z0-9+.-]*:)/i.test(markdown)
}

export async function rewriteObsidianLinks(markdown: string, targets: ObsidianTargets): Promise<string> {
  if (!markdown.includes('[[') && !markdown.includes('](')) return markdown
  const tree = parseMarkdown(markdown)
  const untouchable: Array<[number, number]> = []
  const files: Array<{ node: Mdast.Image | Mdast.Link; start: number; end: number }> = []
  const visit = (node: Mdast.Nodes): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) {
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') untouchable.push([start, end])
      if ((node.type === 'image' || node.type === 'link') && isLocalFile(node.url)) files.push({ node, start, end })
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') untouchable.push([start, end])
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  const inside = (at: number): boolean => untouchable.some(([s, e]) => at >= s && at < e)

  const edits: Edit[] = []
  for (const match of markdown.matchAll(WIKILINK)) {
    const at = match.index
    if (inside(at) || markdown[at - 1] === '\\') continue
    const [whole, bang, inner = ''] = match
    const [rawTarget = '', ...shown] = inner.split(/\\?\|/)
    const target = rawTarget.trim()
    const label = shown.join('|').trim()
    if (!target) continue
    const noteName = target.split(/[#^]/)[0]?.trim() ?? ''
    if (bang && hasFileExtension(noteName)) {
      const kept = await targets.attachment(noteName)
      if (!kept) continue
      const name = noteName.split('/').pop() ?? noteName
      // `|300` or `|300x200` sizes an embedded image in Obsidian; any other text is its caption.
      const caption = label && !/^\d+(x\d+)?$/.test(label) ? label : kept.image ? name.replace(/\.[^.]+$/, '') : name
      const text = `${kept.image ? '!' : ''}[${escapeLinkText(caption)}](${linkDestination(kept.href)})`
      edits.push({ start: at, end: at + whole.length, text })
      continue
    }
    const href = noteName ? targets.link(noteName) : null
    if (href === null) continue
    edits.push({ start: at, end: at + whole.length, text: `[${escapeLinkText(label || target.replace(/#\^?/, ' › '))}](${href})` })
  }

  for (const { node, start, end } of files) {
    const span = destinationOf(markdown, node, start, end)
    if (!span) continue
    const kept = await targets.attachment(decoded(node.url))
    if (kept) edits.push({ start: span.start, end: span.end, text: linkDestination(kept.href) })
  }

  let result = markdown
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
  return result
}

const hasFileExtension = (name: string): boolean => /\.[A-Za-z0-9]{1,10}$/.test(name) && !/\.(md|markdown)$/i.test(name)

/** A destination that is a file beside the note (not a note itself, a web address or an anchor). */
function isLocalFile(url: string): boolean {
  const path = decoded(url)
  return isLocalHref(path) && hasFileExtension(path)
}

function decoded(url: string): string {
  const bare = url.split(/[?#]/)[0] ?? ''
  try {
    return decodeURIComponent(bare)
  } catch {
    return bare
  }
}

/** Where the destination of `[text](dest)` or `![alt](dest)` is written: after the `](` that closes the text. */
function destinationOf(source: string, node: Mdast.Image | Mdast.Link, start: number, end: number): { start: number; end: number } | null {
  if (source[end - 1] !== ')') return null
  const textEnd = node.type === 'link' ? (node.children.at(-1)?.position?.end.offset ?? start + 1) : start + 2
  const open = source.indexOf('](', textEnd)
  if (open === -1 || open >= end) return null
  return readDestination(source, open + 2, end)
}
