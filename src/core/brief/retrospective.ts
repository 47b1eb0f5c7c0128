import type { BriefRetrospective } from '../../shared/contract/brief'
import type { Entry } from '../../shared/domain'
import { excerptOf } from '../../shared/markdown'
import { dayOf } from '../relationship/calendar'
import { extractProposals, templateTextMatcher } from '../templates/extract'
import type { TemplateDefinition } from '../templates/template-file'
import { DEFAULT_ORDER } from '../templates/template-file'
import { briefLimits, capped } from './limits'

/** The built-in template whose entries are retrospectives. */
export const RETROSPECTIVE_TEMPLATE = 'feedback-retrospective'

/**
 * The headings whose points the brief repeats, in the order worth reading
 * before a call: what I said I would change first, then what to keep doing,
 * then what got in the way.
 */
export const RETROSPECTIVE_HEADINGS = ['What changes', 'What worked', 'What did not'] as const

/**
 * The points of a retrospective entry, under each heading that has any.
 *
 * What counts as a point is the templates' own rule (`extractProposals`):
 * each paragraph or list item a person wrote under the heading, without the
 * template's prompts (left in the entry as written) and without empty
 * bullets. `template` is the retrospective template as the person has it
 * (their edited copy, if any), so their own prompts are recognised too;
 * without it, every line counts.
 */
export function retrospectiveOf(entry: Entry, template: TemplateDefinition | null, timeZone: string): BriefRetrospective | null {
  const day = dayOf(entry.created, timeZone) ?? entry.created.slice(0, 10)
  // Marked as style notes only so that items are taken as written: the kind matters for commitments (due dates, ticked boxes), not here.
  const asMarked: TemplateDefinition = {
    ...(template ?? { id: RETROSPECTIVE_TEMPLATE, name: '', description: '', order: DEFAULT_ORDER, fields: [], body: '', warnings: [] }),
    extract: RETROSPECTIVE_HEADINGS.map((heading) => ({ heading, kind: 'style-note' as const }))
  }
  const proposals = extractProposals({ body: entry.body, template: asMarked, entryDay: day, client: null })
  const points = RETROSPECTIVE_HEADINGS.flatMap((heading) => {
    const isHeading = templateTextMatcher(heading)
    const under = proposals.filter((p) => isHeading(p.heading))
    const first = under[0]
    return first
      ? [
          {
            heading: first.heading,
            items: capped(
              under.map((p) => excerptOf(p.text, briefLimits.textChars)),
              briefLimits.retrospectivePoints
            )
          }
        ]
      : []
  })
  if (points.length === 0) return null
  return { entryId: entry.id, title: entry.title.trim(), path: entry.path, day, points }
}
