import { useState } from 'react'
import type { JournalControls, ViewContext } from '@renderer/platform/views'
import { entryTitle as titleOf } from '@renderer/journal'
import { useCommands } from '@renderer/platform/commands/useCommands'
import { ExportDialog } from './ExportDialog'
import { ImportDialog } from './ImportDialog'
import { DayOneImportDialog } from './DayOneImportDialog'

interface TransferCommandsProps {
  context: ViewContext
  /** The client on screen, if any, Export… starts with; the entry open in the editor, if any, it offers. */
  journal: JournalControls
}

/**
 * "Export…" and "Import Markdown…" from the menu, shortcuts and palette. App
 * mounts it once; it owns nothing but its two dialogs. The single-entry
 * "Export Entry to Markdown…" (a save dialog for one file) stays with the editor.
 */
export function TransferCommands({ context, journal }: TransferCommandsProps) {
  const clientId = journal.client?.id ?? null
  const entryId = journal.entry?.id ?? null
  const entryTitle = journal.entry && titleOf(journal.entry)
  const [open, setOpen] = useState<'export' | 'import' | 'dayOne' | null>(null)
  useCommands({
    'vault.export': { enabled: () => true, run: () => setOpen('export') },
    'vault.import': { enabled: () => context.canWrite, run: () => setOpen('import') },
    'vault.importDayOne': { enabled: () => context.canWrite, run: () => setOpen('dayOne') }
  })
  const close = () => setOpen(null)
  if (open === 'export') {
    return <ExportDialog clients={context.clients} clientId={clientId} entryId={entryId} entryTitle={entryTitle} onClose={close} />
  }
  if (open === 'dayOne') {
    return (
      <DayOneImportDialog
        clients={context.clients.filter((c) => !c.problem)}
        onImported={() => void context.refresh().catch((error: unknown) => context.notify(error instanceof Error ? error.message : String(error)))}
        onClose={close}
      />
    )
  }
  if (open === 'import') {
    return (
      <ImportDialog
        clients={context.clients.filter((c) => !c.problem)}
        onImported={() => void context.refresh().catch((error: unknown) => context.notify(error instanceof Error ? error.message : String(error)))}
        onClose={close}
      />
    )
  }
  return null
}
