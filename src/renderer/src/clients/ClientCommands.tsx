import { useState } from 'react'
import type { ClientSummary } from '@shared/domain'
import { call } from '@renderer/platform/api'
import { useCommands } from '@renderer/platform/commands/useCommands'
import { useFocusAfterDialog } from '@renderer/platform/hooks/useFocusAfterDialog'
import { ConfirmDialog } from '@renderer/platform/ui/ConfirmDialog'
import type { ViewContext, JournalControls } from '@renderer/platform/views'
import { ClientNameDialog } from './ClientNameDialog'

type Open = { kind: 'new' } | { kind: 'rename'; client: ClientSummary } | { kind: 'trash'; client: ClientSummary }

/** "New Client…", "Rename Client…" and "Move Client to Trash…", with their dialogs; the shell mounts it once. */
export function ClientCommands({ context, journal }: { context: ViewContext; journal: JournalControls }) {
  const [open, setOpen] = useState<Open | null>(null)
  const { focusAfterDone, restoreFocus } = useFocusAfterDialog()
  const { canWrite } = context
  const { client } = journal
  useCommands({
    'client.new': { enabled: () => canWrite, run: () => setOpen({ kind: 'new' }) },
    'client.rename': { enabled: () => canWrite && client !== null && !client.problem, run: () => client && setOpen({ kind: 'rename', client }) },
    'client.trash': { enabled: () => canWrite && client !== null, run: () => client && setOpen({ kind: 'trash', client }) }
  })
  const close = () => setOpen(null)

  if (open?.kind === 'new') {
    return (
      <ClientNameDialog
        mode="create"
        onSubmit={(name) => call('clients:create', { name })}
        onClose={close}
        restoreFocus={restoreFocus}
        onDone={(created) => {
          journal.putClient(created)
          focusAfterDone(journal.focusEntries)
          // Close only once the client is selected, so focus can land in its (now rendered) entries pane.
          void journal.selectClient(created.id).finally(() => setOpen((o) => (o?.kind === 'new' ? null : o)))
        }}
      />
    )
  }
  if (open?.kind === 'rename') {
    return (
      <ClientNameDialog
        mode="rename"
        initialName={open.client.name}
        onSubmit={(name) => call('clients:rename', { id: open.client.id, name })}
        onClose={close}
        onDone={(renamed) => {
          journal.putClient(renamed)
          setOpen(null)
        }}
      />
    )
  }
  if (open?.kind === 'trash') {
    return (
      <ConfirmDialog
        title="Move client to trash"
        message={`Move ${open.client.name} to the trash? Its journal goes with it; you can restore it from the vault's .rapport/trash folder.`}
        confirmLabel="Move to trash"
        danger
        onClose={close}
        restoreFocus={restoreFocus}
        onConfirm={async () => {
          const trashed = open.client
          const isOpen = trashed.id === journal.client?.id
          if (isOpen) await context.flush()
          await call('clients:trash', { id: trashed.id })
          journal.forgetClient(trashed.id)
          focusAfterDone(journal.focusClients)
          setOpen(null)
        }}
      />
    )
  }
  return null
}
