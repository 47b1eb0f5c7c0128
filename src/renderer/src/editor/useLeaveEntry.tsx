import { useState } from 'react'
import type { ReactNode, RefObject } from 'react'
import { ConfirmDialog } from '@renderer/platform/ui/ConfirmDialog'
import type { EntryEditorHandle } from './EntryEditor'

/**
 * Before anything replaces the open entry: saves it, and when its latest
 * edits cannot be saved, asks whether to leave them. `dialog` is that question,
 * for the shell to show.
 */
export function useLeaveEntry(editorRef: RefObject<EntryEditorHandle | null>): { leaveEntry: () => Promise<boolean>; dialog: ReactNode } {
  const [asking, setAsking] = useState<{ message: string; resolve: (leave: boolean) => void } | null>(null)

  const leaveEntry = async (): Promise<boolean> => {
    const editor = editorRef.current
    if (!editor || (await editor.flush())) return true
    const message = editor.saveProblem() ?? 'Your latest changes could not be saved.'
    const leave = await new Promise<boolean>((resolve) => setAsking({ message, resolve }))
    if (leave) editor.discard()
    return leave
  }

  const dialog = asking && (
    <ConfirmDialog
      title="Leave without saving?"
      message={`${asking.message} If you leave this entry now, your latest changes will be lost.`}
      confirmLabel="Leave without saving"
      cancelLabel="Stay"
      danger
      onClose={() => {
        asking.resolve(false)
        setAsking(null)
      }}
      onConfirm={async () => {
        asking.resolve(true)
        setAsking(null)
      }}
    />
  )
  return { leaveEntry, dialog }
}
