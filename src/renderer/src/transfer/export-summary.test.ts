import { describe, expect, it } from 'vitest'
import type { ExportPlan, ExportPlanFile } from '@shared/contract/transfer'
import { exportSummary } from './export-summary'

const planOf = (kinds: Array<ExportPlanFile['kind']>, entries: number): ExportPlan => ({
  target: null,
  files: kinds.map((kind, i) => ({ path: `f${i}.md`, kind, exists: false })),
  existing: 0,
  entries,
  clients: 1,
  snapshots: 0
})

describe('exportSummary', () => {
  it('counts each kind of file, in words', () => {
    expect(exportSummary(planOf(['profile', 'entry', 'entry', 'history'], 2))).toBe('Writes 4 files: 1 client profile, 2 entries, 1 earlier version.')
  })

  it('says what a dossier holds, since its entries are not files of their own', () => {
    expect(exportSummary(planOf(['dossier'], 11))).toBe('Writes 1 file: 1 dossier holding 11 entries.')
  })

  it('says so when there is nothing to write', () => {
    expect(exportSummary(planOf([], 0))).toBe('There is nothing to export yet.')
  })
})
