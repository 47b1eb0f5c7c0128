import type { BriefGist } from '../../shared/contract/brief'
import type { Entry, EntrySummary } from '../../shared/domain'
import { excerptOf } from '../entries/excerpt'
import { dayOf, instantOf } from '../relationship/calendar'
import type { StoredInteraction } from '../relationship/stored-client'
import { fold } from '../templates/fold'
import { sectionsOf } from '../templates/markdown-sections'
import { briefLimits } from './limits'

/**
 * The gist of a conversation, from the journal: the entry linked in the
 * interaction, or else the entry written for this client on that day; and
 * of that entry, its Summary / Gist / What happened section if it has one,
 * or else its first lines.
 */

/** Headings a person gives the gist of an entry: "Summary", "The gist", "What happened", "TL;DR"… (compared folded). */
const SUMMARY_HEADING = /^(summary|the gist|gist|what happened|tl;? ?dr|recap)\b/
/** A cheap look before parsing: a line starting with one of those words, as an ATX heading or above a setext underline. */
const MAY_HAVE_SUMMARY = /^ {0,3}(#{1,6}[ \t]+)?(summary|the gist|gist|what happened|tl;? ?dr|recap)\b/im

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
  const summary = summarySection(entry.body)
  if (summary) return { ...ref, source: 'summary', heading: summary.heading, text: summary.text }
  return { ...ref, source: 'excerpt', text: excerptOf(entry.body, briefLimits.gistChars) }
}

function summarySection(body: string): { heading: string; text: string } | null {
  if (!MAY_HAVE_SUMMARY.test(body)) return null
  for (const section of sectionsOf(body)) {
    if (!SUMMARY_HEADING.test(fold(section.heading))) continue
    // The section's own Markdown, shortened by the same rule as every excerpt in the app.
    const start = section.content[0]?.position?.start.offset
    const end = section.content[section.content.length - 1]?.position?.end.offset
    const text = start === undefined || end === undefined ? '' : excerptOf(body.slice(start, end), briefLimits.gistChars)
    if (text) return { heading: section.heading, text }
  }
  return null
}
