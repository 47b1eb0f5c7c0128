import { useState } from 'react'
import type { JournalControls, ViewContext } from '@renderer/platform/views'
import { useCommands } from '@renderer/platform/commands/useCommands'
import { BriefPicker } from './BriefPicker'

/**
 * "Open Brief" (CmdOrCtrl+Shift+B) from anywhere: the selected client's brief
 * at once, or, with no client selected, a "Brief for…" picker. App mounts it
 * once; it owns nothing but the picker.
 */
export function BriefCommand({ context, journal }: { context: ViewContext; journal: JournalControls }) {
  const clientId = journal.client?.id ?? null
  const [picking, setPicking] = useState(false)
  useCommands({
    'client.brief': {
      enabled: () => context.clients.length > 0,
      run: () => (clientId ? context.openClient(clientId, 'brief') : setPicking(true))
    }
  })
  if (!picking) return null
  return (
    <BriefPicker
      clients={context.clients.filter((c) => !c.problem)}
      onClose={() => setPicking(false)}
      onPick={(client) => {
        setPicking(false)
        context.openClient(client.id, 'brief')
      }}
    />
  )
}
