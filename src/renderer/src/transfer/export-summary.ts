import type { ExportPlan } from '@shared/contract/transfer'
import { plural } from './transfer-words'

/** "Writes 12 files: 1 client profile, 11 entries." — what an export will write, before the person chooses a folder. */
export function exportSummary(plan: ExportPlan): string {
  const kinds = { profile: 0, dossier: 0, entry: 0, history: 0 }
  for (const file of plan.files) kinds[file.kind]++
  const parts = [
    kinds.dossier ? plural(kinds.dossier, 'dossier') : '',
    kinds.profile ? plural(kinds.profile, 'client profile') : '',
    kinds.entry ? plural(kinds.entry, 'entry', 'entries') : '',
    kinds.history ? plural(kinds.history, 'earlier version') : ''
  ].filter(Boolean)
  if (plan.files.length === 0) return 'There is nothing to export yet.'
  const dossierHolds = kinds.dossier && kinds.entry === 0 ? ` holding ${plural(plan.entries, 'entry', 'entries')}` : ''
  return `Writes ${plural(plan.files.length, 'file')}: ${parts.join(', ')}${dossierHolds}.`
}
