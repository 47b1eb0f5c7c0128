import type { Editor } from '@tiptap/react'
import { useId, useState } from 'react'
import type { Entry } from '@shared/domain'
import { call, errorMessage } from '@renderer/platform/api'
import { withShortcut } from '@renderer/platform/commands/shortcuts'
import { useCommands } from '@renderer/platform/commands/useCommands'
import { Dialog } from '@renderer/platform/ui/Dialog'
import './relationship.css'
import { FormActions } from '@renderer/platform/ui/FormActions'

interface MakeCommitmentButtonProps {
  editor: Editor
  entry: Entry
  disabled: boolean
}

/** The selected words, as plain text on one line: a promise is a sentence, not a paragraph. */
function selectedText(editor: Editor): string {
  const { from, to } = editor.state.selection
  return editor.state.doc.textBetween(from, to, ' ').replace(/\s+/g, ' ').trim()
}

/**
 * "Make commitment from selection" beside the editor's toolbar (and
 * Ctrl+Shift+K): the selected words become a promise linked to this entry.
 */
export function MakeCommitmentButton({ editor, entry, disabled }: MakeCommitmentButtonProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const usable = !disabled && entry.clientId !== null
  const start = () => {
    if (usable) setDraft(selectedText(editor))
  }
  useCommands({ 'entry.commitment': { enabled: () => usable, run: start } })

  return (
    <>
      <button
        type="button"
        className="button icon-button commitment-from-selection"
        aria-label="Make commitment from selection"
        title={withShortcut('Make commitment from selection', 'entry.commitment')}
        disabled={!usable}
        // Keep the editor's selection when clicked with a mouse.
        onMouseDown={(event) => event.preventDefault()}
        onClick={start}
      >
        <svg className="icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
          <path d="M3 8.5l3 3 7-7" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M3 3.5h5" strokeLinecap="round" />
        </svg>
      </button>
      {draft !== null && entry.clientId !== null && (
        <CommitmentFromSelectionDialog
          initialWhat={draft}
          clientId={entry.clientId}
          entryId={entry.id}
          onClose={() => setDraft(null)}
          restoreFocus={() => {
            editor.commands.focus()
            return true
          }}
        />
      )}
    </>
  )
}

interface DialogProps {
  initialWhat: string
  clientId: string
  entryId: string
  onClose: () => void
  restoreFocus: () => boolean
}

function CommitmentFromSelectionDialog({ initialWhat, clientId, entryId, onClose, restoreFocus }: DialogProps) {
  const id = useId()
  const [what, setWhat] = useState(initialWhat)
  const [by, setBy] = useState<'me' | 'client'>('me')
  const [due, setDue] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await call('commitments:add', { clientId, by, what, entry: entryId, ...(due ? { due } : {}) })
      onClose()
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  return (
    <Dialog title="Make a commitment" onClose={onClose} busy={busy} restoreFocus={restoreFocus}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <fieldset className="who-choice">
          <legend className="field-label">Who promised</legend>
          <label>
            <input type="radio" name={`${id}-by`} checked={by === 'me'} onChange={() => setBy('me')} data-autofocus />I did
          </label>
          <label>
            <input type="radio" name={`${id}-by`} checked={by === 'client'} onChange={() => setBy('client')} />
            They did
          </label>
        </fieldset>
        <label className="field-label rel-dialog-label" htmlFor={`${id}-what`}>
          What
        </label>
        <input id={`${id}-what`} className="text-input" value={what} onChange={(e) => setWhat(e.target.value)} autoComplete="off" />
        <label className="field-label rel-dialog-label" htmlFor={`${id}-due`}>
          Due (optional)
        </label>
        <input id={`${id}-due`} className="text-input" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <FormActions submitLabel="Add commitment" onCancel={onClose} disabled={busy} />
      </form>
    </Dialog>
  )
}
