import { useState } from 'react'
import type { ViewContext } from '@renderer/platform/views'
import { runCommand, useCommands } from '@renderer/platform/commands/useCommands'
import { CommandPalette } from './CommandPalette'
import type { PaletteItem } from './palette-items'

/** Ctrl/Cmd+K from anywhere. App mounts it once; it owns nothing but the palette. */
export function PaletteCommand({ context }: { context: ViewContext }) {
  const { views } = context
  const [open, setOpen] = useState(false)
  useCommands({ 'app.palette': { enabled: () => true, run: () => setOpen(true) } })
  if (!open) return null

  const go = (item: PaletteItem) => {
    setOpen(false)
    // After the palette's dialog has gone: a command run while a dialog is open is ignored by design.
    requestAnimationFrame(() => {
      switch (item.kind) {
        case 'command':
          return runCommand(item.id)
        case 'view':
          return context.openView(item.viewId)
        case 'client':
          return context.openClient(item.client.id)
        case 'entry': {
          const { result } = item
          if (result.open.kind !== 'entry') return
          const [start, end] = result.highlights[0] ?? [0, 0]
          context.openEntry(result.clientId, result.open.entryId, end > start ? result.snippet.slice(start, end) : undefined)
        }
      }
    })
  }
  return <CommandPalette context={context} views={views} onChoose={go} onClose={() => setOpen(false)} />
}
