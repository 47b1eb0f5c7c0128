import type { BriefGist, BriefGistPart } from '../../shared/contract/brief'
import type { Entry, EntrySummary } from '../../shared/domain'
import { excerptOf } from '../../shared/markdown'
import { dayOf, instantOf } from '../relationship/calendar'
import type { StoredInteraction } from '../relationship/stored-client'
import { fold } from '../templates/fold'
import { sectionsOf } from '../templates/markdown-sections'
import { gistLine, gistParts } from './gist-parts'
import { briefLimits } from './limits'

/**
 * The gist of a conversation, from the journal: the entry linked in the
 * interaction, or else the entry written for this client on that day; and
 * of that entry, its Summary / Gist / What happened section if it has one,
 * or else its first lines.
 */

/** Headings a person gives the gist of an entry: "Summary", "The gist", "What happened", "TL;DR"… (compared folded). */
const SUMMARY_HEADING = /^(summary|the gist|gist|what happened|tl;? ?dr|recap)\b/
/** A reflection's own sections that say what it came to, quoted by name: "What I learned", "How I will repair it", "What changes". */
const REFLECTION_HEADING = /^(what i learned|how i will repair it|what changes)\b/
/** A cheap look before parsing: a line starting with one of those words, as an ATX heading or above a setext underline. */
const MAY_HAVE_SUMMARY = /^ {0,3}(#{1,6}[ \t]+)?(summary|the gist|gist|what happened|tl;? ?dr|recap|what i learned|how i will repair it|what changes)\b/im

/**
 * Entry ids an interaction links to. Interactions have "linked entries"
 * (DESIGN.md), not yet a documented field: `entries: [id…]` and `entry: id`
 * as a person or a script may have written them are both read.
 */
export function linkedEntryIds(interaction: StoredInteraction): string[] {
  const { entries, entry } = interaction as Record<string, unknown>
  const ids = Array.isArray(entries) ? entries.filter((id): id is string => typeof id === 'string') : []
  if (typeof entry === 'string') ids.push(entry)
  return ids.map((id) => id.trim()).filter(Boolean)
}

/** The client's entries grouped by the day they were written in the user's zone, for the few days asked about. */
export function entriesOnDays(entries: readonly EntrySummary[], days: ReadonlySet<string>, timeZone: string): Map<string, EntrySummary[]> {
  const byDay = new Map<string, EntrySummary[]>()
  if (days.size === 0) return byDay
  for (const entry of entries) {
    const day = dayOf(entry.created, timeZone)
    if (day === null || !days.has(day)) continue
    byDay.set(day, [...(byDay.get(day) ?? []), entry])
  }
  return byDay
}

/**
 * The entries that may hold a conversation's gist, best first: those it
 * links to, then the ones written that day, closest in time to it first.
 */
export function gistCandidates(interaction: StoredInteraction, sameDay: readonly EntrySummary[], timeZone: string): string[] {
  const at = instantOf(interaction.at, timeZone) ?? 0
  const distance = (e: EntrySummary): number => Math.abs((instantOf(e.created, timeZone) ?? 0) - at)
  const closest = [...sameDay].sort((a, b) => distance(a) - distance(b)).map((e) => e.id)
  return [...new Set([...linkedEntryIds(interaction), ...closest])]
}

/** The gist of an entry: its summary section when it has one with words in it, else its first lines. */
export function gistOf(entry: Entry, timeZone: string): BriefGist {
  const ref = {
    entryId: entry.id,
    title: entry.title.trim(),
    path: entry.path,
    day: dayOf(entry.created, timeZone) ?? entry.created.slice(0, 10)
  }
  const summary = summarySection(entry.body, SUMMARY_HEADING) ?? (entry.template ? summarySection(entry.body, REFLECTION_HEADING) : null)
  if (summary) {
    const source = SUMMARY_HEADING.test(fold(summary.heading)) ? 'summary' : 'section'
    return { ...ref, source, heading: summary.heading, text: summary.text, ...structured(summary.markdown) }
  }
  return { ...ref, source: 'excerpt', text: excerptOf(entry.body, briefLimits.gistChars), ...structured(entry.body) }
}

/** The gist's structure, when it has any (a heading, or more than one item): its text then follows the parts. */
function structured(markdown: string): { parts: BriefGistPart[]; text: string } | Record<string, never> {
  const parts = gistParts(markdown, briefLimits.gistChars)
  const simple = parts.length === 0 || (parts.length === 1 && parts[0]?.heading === undefined && (parts[0]?.items.length ?? 0) <= 1)
  return simple ? {} : { parts, text: gistLine(parts) }
}

function summarySection(body: string, heading: RegExp): { heading: string; text: string; markdown: string } | null {
  if (heading === SUMMARY_HEADING && !MAY_HAVE_SUMMARY.test(body)) return null
  for (const section of sectionsOf(body)) {
    if (!heading.test(fold(section.heading))) continue
    // The section's own Markdown, shortened by the same rule as every excerpt in the app.
    const start = section.content[0]?.position?.start.offset
    const end = section.content[section.content.length - 1]?.position?.end.offset
    const markdown = start === undefined || end === undefined ? '' : body.slice(start, end)
    const text = excerptOf(markdown, briefLimits.gistChars)
    if (text) return { heading: section.heading, text, markdown }
  }
  return null
}
