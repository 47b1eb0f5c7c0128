import type { ImportDestination, ImportDuplicate, ImportPreview } from '../../shared/contract/transfer'
import type { Vault } from '../vault/vault'
import { clientName } from './export-plan'
import type { ImportPlan } from './import-plan'

/** How the preview names the vault's own journal. */
export const YOUR_JOURNAL = 'Your journal'

/** What the preview shows: where the notes go, what is new, what looks like a duplicate, what cannot be imported. */
export function previewOf(plan: ImportPlan, vault: Vault): ImportPreview {
  const destinations = new Map<string, ImportDestination>()
  for (const note of plan.notes) {
    const d = note.destination
    const key = d.kind === 'client' ? d.clientId : d.kind === 'new' ? `new:${d.key}` : 'journal'
    let row = destinations.get(key)
    if (!row) {
      const name =
        d.kind === 'client'
          ? clientName(vault.clients.get(d.clientId))
          : d.kind === 'new'
            ? (plan.newClients.find((c) => c.key === d.key)?.name ?? d.key)
            : YOUR_JOURNAL
      destinations.set(key, (row = { clientId: d.kind === 'client' ? d.clientId : null, name, isNew: d.kind === 'new', entries: 0, duplicates: 0 }))
    }
    if (note.duplicateOf) row.duplicates++
    else row.entries++
  }
  const duplicates: ImportDuplicate[] = plan.notes.flatMap((n) =>
    n.duplicateOf ? [{ path: n.source.absolute, title: n.title, of: n.duplicateOf.of, inVault: n.duplicateOf.inVault }] : []
  )
  return {
    paths: plan.request.paths,
    notes: plan.notes.length,
    toImport: plan.notes.filter((n) => !n.duplicateOf).length,
    destinations: [...destinations.values()].sort((a, b) => b.entries - a.entries || a.name.localeCompare(b.name)),
    newClients: plan.newClients.map((c) => ({ name: c.name, source: c.source, notes: c.notes, willCreate: plan.request.createClients })),
    duplicates,
    problems: plan.problems,
    otherFiles: plan.otherFiles,
    historyVersions: plan.historyVersions,
    fromRapportExport: (plan.profilePages ?? []).length > 0
  }
}
