import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import type { SecurityStatus } from '@shared/contract/security'
import { call, errorMessage } from '@renderer/platform/api'
// Imported from here, not with CSS @import, so the bundle holds each stylesheet once and the cascade keeps its order.
import '@renderer/platform/ui/theme.css'
import '@renderer/platform/ui/ui.css'
import './security.css'

/** The whole window while an encrypted vault is locked: one field, one button, and a clear answer. */
export function LockScreen({ onUnlocked }: { onUnlocked: (status: SecurityStatus) => void }) {
  const [passphrase, setPassphrase] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const field = useRef<HTMLInputElement>(null)
  const fieldId = useId()
  const errorId = useId()

  const unlock = async (event: FormEvent) => {
    event.preventDefault()
    if (!passphrase || busy) return
    setBusy(true)
    setError(null)
    try {
      onUnlocked(await call('security:unlock', { passphrase }))
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }
  // After a wrong passphrase, ready to type again: the whole passphrase selected.
  useEffect(() => {
    if (error && !busy) field.current?.select()
  }, [error, busy])

  return (
    <main className="lock-screen" aria-labelledby={`${fieldId}-title`}>
      <form className="lock-card" onSubmit={(event) => void unlock(event)} aria-busy={busy || undefined}>
        <svg className="lock-icon" viewBox="0 0 24 24" aria-hidden="true" width="36" height="36">
          <path d="M7 10V7a5 5 0 0 1 10 0v3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          <rect x="4.5" y="10" width="15" height="11" rx="2.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
        <h1 id={`${fieldId}-title`}>Rapport is locked</h1>
        <p className="lock-explain">This vault is encrypted. Type your passphrase to open it.</p>
        <label className="field-label" htmlFor={fieldId}>
          Passphrase
        </label>
        <input
          className="text-input"
          ref={field}
          id={fieldId}
          type="password"
          autoComplete="current-password"
          // Focus goes straight to the passphrase: the one thing to do on this screen.
          autoFocus
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          disabled={busy}
        />
        {error && (
          <p id={errorId} role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy || !passphrase}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
    </main>
  )
}
