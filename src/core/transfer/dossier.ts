import { entryIdOfUrl, rewriteEntryLinks } from './entry-links'
import type { EntryHeader } from './entry-markdown'
import { readableEntry } from './entry-markdown'
import { HeadingSlugger, headingsOf } from './heading-anchors'
import { heading } from './markdown-blocks'
import { literalText, parseMarkdown as parse } from '../../shared/markdown'

/**
 * A client's dossier: one Markdown file to read from top to bottom — the
 * profile, then `# Journal` with every entry as a `##` section, oldest first.
 * Oldest first because a dossier is read as the story of the relationship,
 * in the order it happened, and later entries build on earlier ones (the
 * app's lists are newest first because there one looks for the latest).
 * Each entry's own headings move two levels down so they sit under its
 * title; links between entries of the dossier jump to their section.
 */

export interface DossierEntry {
  id: string
  header: EntryHeader
  /** The body, with links to other entries of this dossier written as `rapport://entry/<id>` (see entry-links.ts). */
  body: string
}

export const JOURNAL_HEADING = 'Journal'

export function dossierMarkdown(profile: string, entries: readonly DossierEntry[], timeZone: string): string {
  const parts = [profile.trimEnd(), heading(1, JOURNAL_HEADING)]
  for (const entry of entries) parts.push(readableEntry(entry.header, shiftHeadings(entry.body, 2), timeZone, 2).trimEnd())
  const markdown = `${parts.join('\n\n')}\n`
  const anchors = entryAnchors(
    markdown,
    entries.map((e) => e.id)
  )
  return rewriteEntryLinks(markdown, (target) => {
    const id = entryIdOfUrl(target)
    const anchor = id === null ? undefined : anchors.get(id)
    return anchor === undefined ? null : `#${anchor}`
  })
}

/**
 * Every heading `by` levels deeper (at most `######`), the rest of the text
 * byte for byte. A setext heading (`Title` over `===`) at the top level
 * becomes an ATX one; inside a list or a quote it is left as it is.
 */
export function shiftHeadings(markdown: string, by: number): string {
  if (!/(^|\n)\s{0,3}(#|=+\s*(\n|$)|-+\s*(\n|$))/.test(markdown)) return markdown
  const tree = parse(markdown)
  const edits: Array<{ start: number; end: number; text: string }> = []
  for (const node of headingsOf(tree)) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) continue
    const marks = '#'.repeat(Math.min(6, node.depth + by))
    if (markdown[start] === '#') {
      const run = /^#+/.exec(markdown.slice(start))?.[0].length ?? 0
      edits.push({ start, end: start + run, text: marks })
    } else if (tree.children.includes(node)) {
      const lines = markdown.slice(start, end).split(/\r?\n/).slice(0, -1)
      edits.push({ start, end, text: `${marks} ${lines.map((l) => l.trim()).join(' ')}` })
    }
  }
  let result = markdown
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
  return result
}

/** The anchor of each entry's section, by the rule in heading-anchors.ts. */
function entryAnchors(markdown: string, ids: readonly string[]): Map<string, string> {
  const slugger = new HeadingSlugger()
  const anchors = new Map<string, string>()
  let topLevel = 0
  let next = 0
  for (const node of headingsOf(parse(markdown))) {
    const slug = slugger.slug(literalText(node))
    if (node.depth === 1) topLevel++
    // The second `#` heading is the Journal; every `##` after it is an entry's title, in order (their own headings are `###` or deeper).
    if (topLevel >= 2 && node.depth === 2) {
      const id = ids[next++]
      if (id !== undefined) anchors.set(id, slug)
    }
  }
  return anchors
}
