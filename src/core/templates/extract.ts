import type { ExtractProposal } from '../../shared/contract/templates'
import type { ClientFile } from '../../shared/domain'
import { alreadyHas } from './client-additions'
import { findDueDate } from './dates'
import { fold } from './fold'
import { itemsOf, sectionsOf } from './markdown-sections'
import type { TemplateDefinition } from './template-file'

/**
 * What a person wrote under a template's marked sections, offered as items
 * for the client record. Nothing here writes: the person says yes first.
 */

/**
 * A matcher for text written in a template, against the same text in an
 * entry: case, accents and spacing do not matter, and a placeholder matches
 * whatever it was filled with ("How {{client.name}} works" matches "How Dana works").
 */
export function templateTextMatcher(templateText: string): (text: string) => boolean {
  const HOLE = '\u0000'
  const folded = fold(templateText.replace(/\{\{[^}\n]*\}\}/g, HOLE))
  const pattern = new RegExp(`^${folded.split(HOLE).map(escapeRegExp).join('.+')}$`, 'u')
  return (text) => pattern.test(fold(text))
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export interface ExtractInput {
  /** The entry's Markdown, without front matter. */
  body: string
  template: TemplateDefinition
  /** The entry's day, `2026-11-22`: "by Friday" means the Friday after it. */
  entryDay: string
  /** The client's record, so items it already holds are not offered again. */
  client: ClientFile | null
}

export function extractProposals({ body, template, entryDay, client }: ExtractInput): ExtractProposal[] {
  const entrySections = sectionsOf(body)
  const templateSections = sectionsOf(template.body)
  const proposals: ExtractProposal[] = []
  const seen = new Set<string>()
  for (const marker of template.extract) {
    const isMarked = templateTextMatcher(marker.heading)
    // The template's own lines under the heading (hints like "_One concrete step._") are prompts, not answers.
    const hints = templateSections
      .filter((s) => isMarked(s.heading))
      .flatMap((s) => itemsOf(s.content))
      .map((item) => templateTextMatcher(item.text))
    const isCommitment = marker.kind === 'commitment-mine' || marker.kind === 'commitment-theirs'
    for (const section of entrySections.filter((s) => isMarked(s.heading))) {
      for (const item of itemsOf(section.content)) {
        if (isEmptyItem(item.text) || hints.some((isHint) => isHint(item.text))) continue
        // A ticked commitment is already kept: recording it as open would be wrong.
        if (isCommitment && item.checked === true) continue
        const dated = isCommitment ? findDueDate(item.text, entryDay) : null
        const text = dated?.text ?? item.text
        const key = `${marker.kind}\u0000${fold(text)}`
        if (seen.has(key) || (client && alreadyHas(client, marker.kind, text))) continue
        seen.add(key)
        proposals.push({ kind: marker.kind, text, ...(dated ? { due: dated.due } : {}), heading: section.heading })
      }
    }
  }
  return proposals
}

/** An item with no words: a bare task box, a dash, an ellipsis. */
const isEmptyItem = (text: string): boolean => !/[\p{L}\p{N}]/u.test(text.replace(/^\[[ xX]?\]/, ''))
