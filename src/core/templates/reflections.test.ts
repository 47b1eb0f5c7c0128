import { describe, expect, it } from 'vitest'
import type { Reflection } from './reflections'
import { summariseReflections } from './reflections'

const templates = [
  {
    id: 'after-difficult-meeting',
    name: 'After a difficult meeting',
    order: 10,
    fields: [{ key: 'mood', label: 'How did it feel?', scale: { min: 1, max: 5 } }]
  },
  { id: 'before-a-call', name: 'Before a call', order: 60, fields: [] }
]

let n = 0
const reflection = (created: string, template: string, fields: Record<string, unknown> = {}): Reflection => ({
  entryId: `e_${++n}`,
  clientId: 'c_1',
  title: `Entry ${n}`,
  created,
  template,
  fields
})

describe('reflection over time', () => {
  it('counts reflections per template and per month, quiet months included, and charts mood', () => {
    const summary = summariseReflections(
      [
        reflection('2026-09-10T12:00:00Z', 'after-difficult-meeting', { mood: 2 }),
        reflection('2026-09-20T12:00:00Z', 'before-a-call'),
        reflection('2026-11-05T12:00:00Z', 'after-difficult-meeting', { mood: '4' }),
        reflection('2026-11-06T12:00:00Z', 'after-difficult-meeting', { mood: 9 }),
        reflection('2026-11-07T12:00:00Z', 'after-difficult-meeting', { mood: 'good' }),
        reflection('2026-11-08T12:00:00Z', 'gone-template')
      ],
      templates,
      'c_1'
    )
    expect(summary.total).toBe(6)
    expect(summary.templates).toEqual([
      { id: 'after-difficult-meeting', name: 'After a difficult meeting', count: 4 },
      { id: 'before-a-call', name: 'Before a call', count: 1 },
      { id: 'gone-template', name: 'gone-template', count: 1 }
    ])
    expect(summary.months).toEqual([
      { month: '2026-09', total: 2, byTemplate: { 'after-difficult-meeting': 1, 'before-a-call': 1 } },
      { month: '2026-10', total: 0, byTemplate: {} },
      { month: '2026-11', total: 4, byTemplate: { 'after-difficult-meeting': 3, 'gone-template': 1 } }
    ])
    expect(summary.timeline.map((t) => t.created.slice(0, 10))).toEqual(['2026-11-08', '2026-11-07', '2026-11-06', '2026-11-05', '2026-09-20', '2026-09-10'])
    // Out of the scale (9) or not a number ("good"): no answer, not a point.
    expect(summary.series).toEqual([
      {
        field: 'mood',
        label: 'How did it feel?',
        scale: { min: 1, max: 5 },
        points: [
          expect.objectContaining({ created: '2026-09-10T12:00:00Z', value: 2, template: 'after-difficult-meeting' }),
          expect.objectContaining({ created: '2026-11-05T12:00:00Z', value: 4 })
        ]
      }
    ])
  })

  it('is empty, not broken, with no reflections', () => {
    expect(summariseReflections([], templates, null)).toEqual({ clientId: null, total: 0, templates: [], months: [], timeline: [], series: [] })
  })
})
