import { useState } from 'react'
import type { ReactNode, RefObject } from 'react'
import type { Entry } from '@shared/domain'
import { useCommands } from '@renderer/platform/commands/useCommands'
import type { AutosaveSession } from '@renderer/platform/editing/autosave-session'
import { HistoryDialog } from '@renderer/safety'

interface HistoryOptions {
  entryId: string
  sessionRef: RefObject<AutosaveSession | null>
  readOnlyReason: string | null
  onRestored: (restored: Entry) => void
}

/** The entry's history ("History", Ctrl/Cmd+Shift+H): saves first, then shows the dialog, which may put a version back. */
export function useHistory({ entryId, sessionRef, readOnlyReason, onRestored }: HistoryOptions): {
  openHistory: () => Promise<void>
  historyDialog: ReactNode
} {
  // The version the dialog may restore over (null: the text on screen is not all saved, so no restore).
  const [history, setHistory] = useState<{ version: string | null } | null>(null)

  const openHistory = async () => {
    const current = sessionRef.current
    // Save first, so the history compares against what is on screen. A restore needs the file to be exactly what the editor
    // shows (not the case during a conflict, or with a save failing): otherwise the core would refuse it and keep yet another copy.
    if (current) await current.flush()
    setHistory({ version: current?.isClean() ? current.currentVersion : null })
  }
  useCommands({ 'entry.history': { enabled: () => history === null, run: () => void openHistory() } })

  const historyDialog = history && (
    <HistoryDialog
      entryId={entryId}
      version={history.version ?? ''}
      cannotRestore={
        readOnlyReason ?? (history.version === null ? 'Your latest changes are not saved yet, so no version can be put back until they are.' : null)
      }
      onClose={() => setHistory(null)}
      onRestored={(restored) => {
        setHistory(null)
        onRestored(restored)
      }}
    />
  )
  return { openHistory, historyDialog }
}
