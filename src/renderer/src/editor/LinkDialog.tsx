import { useState } from 'react'
import type { FormEvent } from 'react'
import { isExternalUrlAllowed } from '@shared/external-url'
import { isMac } from '@renderer/platform/commands/shortcuts'
import { Dialog } from '@renderer/platform/ui/Dialog'
import './editor.css'
import { FormActions } from '@renderer/platform/ui/FormActions'

interface LinkDialogProps {
  initialUrl: string
  onApply: (url: string) => void
  onRemove: (() => void) | null
  onClose: () => void
  restoreFocus: () => boolean
}

/** People type "example.com" or "name@example.com"; links are stored complete. */
export function normaliseUrl(typed: string): string {
  const url = typed.trim()
  if (/^[a-z][a-z\d+.-]*:/i.test(url)) return url
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(url)) return `mailto:${url}`
  return `https://${url}`
}

export function LinkDialog({ initialUrl, onApply, onRemove, onClose, restoreFocus }: LinkDialogProps) {
  const [value, setValue] = useState(initialUrl)
  const [error, setError] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!value.trim()) {
      setError('Type the address the link should open.')
      return
    }
    const url = normaliseUrl(value)
    if (!isExternalUrlAllowed(url)) {
      setError('Only http, https and mailto links can be used.')
      return
    }
    onApply(url)
  }

  return (
    <Dialog title={initialUrl ? 'Edit link' : 'Add link'} onClose={onClose} restoreFocus={restoreFocus}>
      <form onSubmit={submit} noValidate className="link-form">
        <label htmlFor="link-url" className="field-label">
          URL
        </label>
        <input
          id="link-url"
          className="text-input"
          value={value}
          placeholder="https://"
          onChange={(event) => setValue(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          inputMode="url"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'link-url-error' : 'link-url-hint'}
          data-autofocus
        />
        {error ? (
          <p id="link-url-error" role="alert" className="form-error">
            {error}
          </p>
        ) : (
          <p id="link-url-hint" className="field-hint">
            {isMac ? '⌘-click' : 'Ctrl+click'} a link in your entry to open it.
          </p>
        )}
        <FormActions submitLabel="Apply" onCancel={onClose}>
          {onRemove && (
            <button type="button" className="button subtle push-left" onClick={onRemove}>
              Remove link
            </button>
          )}
        </FormActions>
      </form>
    </Dialog>
  )
}
