import { useState } from 'react'
import type { ClientSummary } from '@shared/domain'
import { useCommands } from '@renderer/platform/commands/useCommands'
import { useFocusAfterDialog } from '@renderer/platform/hooks/useFocusAfterDialog'
import type { ViewContext, JournalControls } from '@renderer/platform/views'
import { TemplatePicker } from './TemplatePicker'

/** "New Reflection…": the template picker for the client on screen, whose choice becomes a new entry. The shell mounts it once. */
export function ReflectionCommand({ context, journal }: { context: ViewContext; journal: JournalControls }) {
  const [picking, setPicking] = useState<ClientSummary | null>(null)
  const { focusAfterDone, restoreFocus } = useFocusAfterDialog()
  const { client } = journal
  useCommands({
    'entry.reflection': { enabled: () => context.canWrite && client !== null && !client.problem, run: () => client && setPicking(client) }
  })
  if (!picking) return null
  return (
    <TemplatePicker
      clientId={picking.id}
      clientName={picking.name}
      onClose={() => setPicking(null)}
      restoreFocus={restoreFocus}
      onChoose={async (template) => {
        await journal.newEntry(template)
        // The new entry's editor takes focus once it is open: the picker must not hand it back to the button.
        focusAfterDone(() => undefined)
        setPicking(null)
      }}
    />
  )
}
