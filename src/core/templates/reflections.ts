import type { ReflectionSummary } from '../../shared/contract/templates'
import { monthOf, nextMonth } from './dates'
import type { TemplateDefinition } from './template-file'

/**
 * Reflection over time: which reflections (entries started from a template)
 * were written when, and how a template's numeric scale (such as `mood`)
 * moves. Pure: the entries and their front matter are read by the caller.
 */

export interface Reflection {
  entryId: string
  clientId: string | null
  title: string
  created: string
  template: string
  /** The entry's front matter; only the scale fields its template declares are read from it. */
  fields: Readonly<Record<string, unknown>>
}

type Series = ReflectionSummary['series'][number]

export function summariseReflections(
  reflections: readonly Reflection[],
  templates: readonly Pick<TemplateDefinition, 'id' | 'name' | 'order' | 'fields'>[],
  clientId: string | null
): ReflectionSummary {
  const byId = new Map(templates.map((t) => [t.id, t]))
  const sorted = [...reflections].sort((a, b) => a.created.localeCompare(b.created) || a.entryId.localeCompare(b.entryId))

  const counts = new Map<string, number>()
  const perMonth = new Map<string, Record<string, number>>()
  for (const r of sorted) {
    counts.set(r.template, (counts.get(r.template) ?? 0) + 1)
    const month = monthOf(r.created)
    if (!month) continue
    const row = perMonth.get(month) ?? {}
    row[r.template] = (row[r.template] ?? 0) + 1
    perMonth.set(month, row)
  }

  // Every month between the first and the last, so a chart shows the quiet months too.
  const months: ReflectionSummary['months'] = []
  const known = [...perMonth.keys()].sort()
  const [first, last] = [known[0], known[known.length - 1]]
  for (let month = first; month !== undefined && last !== undefined && month <= last; month = nextMonth(month)) {
    const byTemplate = perMonth.get(month) ?? {}
    months.push({ month, total: Object.values(byTemplate).reduce((sum, n) => sum + n, 0), byTemplate })
  }

  // One series per scale field, labelled as the first template (by order) that asks it.
  const series = new Map<string, Series>()
  const askers = [...templates].sort((a, b) => a.order - b.order)
  for (const r of sorted) {
    for (const field of byId.get(r.template)?.fields ?? []) {
      if (!field.scale) continue
      const value = asNumber(r.fields[field.key])
      if (value === null || value < field.scale.min || value > field.scale.max) continue
      const asker = askers.find((t) => t.fields.some((f) => f.key === field.key && f.scale))
      const label = asker?.fields.find((f) => f.key === field.key)?.label ?? field.label
      const line = series.get(field.key) ?? { field: field.key, label, scale: field.scale, points: [] }
      line.points.push({ entryId: r.entryId, created: r.created, template: r.template, value })
      series.set(field.key, line)
    }
  }

  return {
    clientId,
    total: sorted.length,
    templates: [...counts]
      .map(([id, count]) => ({ id, name: byId.get(id)?.name ?? id, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    months,
    timeline: sorted.map((r) => ({ entryId: r.entryId, clientId: r.clientId, title: r.title, created: r.created, template: r.template })).reverse(),
    series: [...series.values()]
  }
}

/** `4`, or `"4"` as some editors write it; anything else is no answer. */
function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  return null
}
