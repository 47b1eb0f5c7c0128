import { useState } from 'react'
import type { EntrySummary } from '@shared/domain'
import { call } from '@renderer/platform/api'
import { useCommands } from '@renderer/platform/commands/useCommands'
import { useFocusAfterDialog } from '@renderer/platform/hooks/useFocusAfterDialog'
import { ConfirmDialog } from '@renderer/platform/ui/ConfirmDialog'
import type { ViewContext, JournalControls } from '@renderer/platform/views'
import { entryTitle } from './EntryList'

/** "New Entry" and "Move Entry to Trash…", with the trash's confirmation; the shell mounts it once. */
export function EntryCommands({ context, journal }: { context: ViewContext; journal: JournalControls }) {
  const [trashing, setTrashing] = useState<EntrySummary | null>(null)
  const { focusAfterDone, restoreFocus } = useFocusAfterDialog()
  const { canWrite } = context
  const { client, entry } = journal
  useCommands({
    'entry.new': { enabled: () => canWrite && client !== null && !client.problem, run: () => void journal.newEntry() },
    'entry.trash': { enabled: () => canWrite && entry !== null, run: () => entry && canWrite && setTrashing(entry) }
  })
  if (!trashing) return null
  return (
    <ConfirmDialog
      title="Move entry to trash"
      message={`Move “${entryTitle(trashing)}” to the trash? You can restore it from the vault's .rapport/trash folder.`}
      confirmLabel="Move to trash"
      danger
      onClose={() => setTrashing(null)}
      restoreFocus={restoreFocus}
      onConfirm={async () => {
        // The trash should hold the text as it was last seen, not an older save.
        if (journal.openEntryId() === trashing.id) await context.flush()
        await call('entries:trash', { id: trashing.id })
        journal.forgetEntry(trashing.id)
        focusAfterDone(journal.focusEntries)
        setTrashing(null)
      }}
    />
  )
}
