import { useRef, useState } from 'react'
import type { FormEvent } from 'react'
import type { ClientSummary } from '@shared/domain'
import { errorMessage } from '@renderer/platform/api'
import { Dialog } from '@renderer/platform/ui/Dialog'
import './clients.css'
import { FormActions } from '@renderer/platform/ui/FormActions'

interface ClientNameDialogProps {
  mode: 'create' | 'rename'
  initialName?: string
  /** Sends the name to the core; its error message is shown under the field. */
  onSubmit: (name: string) => Promise<ClientSummary>
  onDone: (client: ClientSummary) => void
  onClose: () => void
  restoreFocus?: () => boolean
}

export function ClientNameDialog({ mode, initialName = '', onSubmit, onDone, onClose, restoreFocus }: ClientNameDialogProps) {
  const [name, setName] = useState(initialName)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onDone(await onSubmit(name))
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
      inputRef.current?.focus()
    }
  }

  return (
    <Dialog title={mode === 'create' ? 'New client' : 'Rename client'} onClose={onClose} restoreFocus={restoreFocus} busy={busy}>
      <form className="client-name-form" onSubmit={(event) => void submit(event)} noValidate>
        <label className="field-label" htmlFor="client-name">
          Client name
        </label>
        <input
          ref={inputRef}
          id="client-name"
          className="text-input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={300}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'client-name-error' : undefined}
          data-autofocus
          onFocus={(event) => event.target.select()}
        />
        {error && (
          <p id="client-name-error" role="alert" className="form-error">
            {error}
          </p>
        )}
        <FormActions submitLabel={mode === 'create' ? 'Add client' : 'Rename'} onCancel={onClose} disabled={busy} />
      </form>
    </Dialog>
  )
}
