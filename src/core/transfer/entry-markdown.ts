import type { Block } from './markdown-blocks'
import { emphasis, heading, inline, printMarkdown } from './markdown-blocks'
import { readableMoment } from './readable-dates'

/** What an entry shows about itself when its front matter is left out. */
export interface EntryHeader {
  title: string
  created: string
  updated: string
  tags: readonly string[]
}

export const UNTITLED = 'Untitled'

/**
 * An entry for people, without front matter: its title as a heading, a date
 * line (`*Sunday 22 November 2026 at 10:30 · last changed …*`), its tags, then
 * the body as written. `depth` is the title's heading level (2 inside a dossier).
 */
export function readableEntry(header: EntryHeader, body: string, timeZone: string, depth: 1 | 2 = 1): string {
  const written = readableMoment(header.created, timeZone)
  const changed = readableMoment(header.updated, timeZone)
  const when = changed === written || header.updated <= header.created ? written : `${written} · last changed ${changed}`
  return joinBlocks(headerBlocks(header.title, when, header.tags, depth), withoutTitleHeading(body, header.title))
}

/** An earlier version of an entry (from its history), without front matter. */
export function readableVersion(header: EntryHeader, body: string, replacedAt: string, timeZone: string): string {
  const when = `Earlier version, as it was until ${readableMoment(replacedAt, timeZone)}`
  return joinBlocks(headerBlocks(header.title, when, header.tags, 1), withoutTitleHeading(body, header.title))
}

function headerBlocks(title: string, when: string, tags: readonly string[], depth: 1 | 2): string {
  const blocks: Block[] = [heading(depth, title.trim() || UNTITLED), emphasis(when)]
  if (tags.length > 0) blocks.push(inline(`Tags: ${tags.join(', ')}`))
  return printMarkdown(blocks)
}

/** The header, a blank line, the body (which keeps its own line endings). */
function joinBlocks(header: string, body: string): string {
  return body.trim() === '' ? header : `${header}\n${body}`
}

/** A body that starts with the entry's own title as `# Title` does not get it twice. */
function withoutTitleHeading(body: string, title: string): string {
  const match = /^\s*# +(.*?)(?: +#+)? *(?:\r?\n|$)/.exec(body)
  return match && match[1]?.trim() === title.trim() && title.trim() !== '' ? body.slice(match[0].length).replace(/^(?:[ \t]*\r?\n)+/, '') : body
}
