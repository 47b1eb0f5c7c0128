import { useState } from 'react'
import type { JournalControls, ViewContext } from '@renderer/platform/views'
import { useCommands } from '@renderer/platform/commands/useCommands'
import { ContactsExportDialog } from './ContactsExportDialog'
import { ContactsImportDialog } from './ContactsImportDialog'

/** "Import Contacts…" and "Export Contacts…" from the File menu, shortcuts and palette; App mounts it once. */
export function ContactsCommands({ context, journal }: { context: ViewContext; journal: JournalControls }) {
  const clientId = journal.client?.id ?? null
  const [open, setOpen] = useState<'import' | 'export' | null>(null)
  useCommands({
    'contacts.import': { enabled: () => context.canWrite, run: () => setOpen('import') },
    'contacts.export': { enabled: () => context.clients.length > 0, run: () => setOpen('export') }
  })
  const close = () => setOpen(null)
  if (open === 'import') {
    return (
      <ContactsImportDialog
        onImported={() => void context.refresh().catch((error: unknown) => context.notify(error instanceof Error ? error.message : String(error)))}
        onClose={close}
      />
    )
  }
  if (open === 'export') return <ContactsExportDialog clients={context.clients.filter((c) => !c.problem)} clientId={clientId} onClose={close} />
  return null
}
