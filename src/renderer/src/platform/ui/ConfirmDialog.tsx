import { useId, useState } from 'react'
import { errorMessage } from '@renderer/platform/api'
import { Dialog } from './Dialog'

interface ConfirmDialogProps {
  title: string
  message: string
  confirmLabel: string
  cancelLabel?: string
  danger?: boolean
  /** Does the work; a thrown error is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>
  onClose: () => void
  restoreFocus?: () => boolean
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, message, confirmLabel, cancelLabel = 'Cancel', danger, onConfirm, onClose, restoreFocus } = props
  const messageId = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }

  return (
    <Dialog title={title} onClose={onClose} describedBy={messageId} restoreFocus={restoreFocus} busy={busy}>
      <p id={messageId} className="dialog-message">
        {message}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {/* Cancel takes focus first: a stray Enter must not destroy anything. */}
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {cancelLabel}
        </button>
        <button type="button" className={`button ${danger ? 'danger' : 'primary'}`} disabled={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
