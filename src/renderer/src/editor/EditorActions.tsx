import type { Editor } from '@tiptap/react'
import type { Entry } from '@shared/domain'
import { withShortcut } from '@renderer/platform/commands/shortcuts'
import { ExportIcon, HistoryIcon, TrashIcon } from '@renderer/platform/ui/icons'
import { MakeCommitmentButton } from '@renderer/relationship'

interface EditorActionsProps {
  editor: Editor
  entry: Entry
  readOnly: boolean
  canTrash: boolean
  onHistory: () => void
  onExport: () => void
  onTrash: () => void
}

/** The buttons at the right of the editor's top bar: a commitment from the selection, history, export, trash. */
export function EditorActions({ editor, entry, readOnly, canTrash, onHistory, onExport, onTrash }: EditorActionsProps) {
  return (
    <div className="editor-topbar-actions">
      <MakeCommitmentButton editor={editor} entry={entry} disabled={readOnly} />
      <button type="button" className="button icon-button" aria-label="History" title={withShortcut('History', 'entry.history')} onClick={onHistory}>
        <HistoryIcon />
      </button>
      <button
        type="button"
        className="button icon-button"
        aria-label="Export to Markdown"
        title={withShortcut('Export to Markdown', 'entry.export')}
        onClick={onExport}
      >
        <ExportIcon />
      </button>
      <button type="button" className="button icon-button" aria-label="Move entry to trash" title="Move entry to trash" onClick={onTrash} disabled={!canTrash}>
        <TrashIcon />
      </button>
    </div>
  )
}
