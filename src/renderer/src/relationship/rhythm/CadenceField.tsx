import { useId, useState } from 'react'
import { call, errorMessage } from '@renderer/platform/api'
import './rhythm.css'

/** The rhythms people keep (Monica's "stay in touch", Dex's "keep in touch"); anything else can be typed into client.json or the command line. */
const CHOICES: ReadonlyArray<{ value: string; label: string }> = [
  { value: '1 week', label: 'Every week' },
  { value: '2 weeks', label: 'Every 2 weeks' },
  { value: '1 month', label: 'Every month' },
  { value: '3 months', label: 'Every quarter' },
  { value: '6 months', label: 'Every 6 months' },
  { value: '1 year', label: 'Every year' }
]

interface CadenceFieldProps {
  clientId: string
  /** Set for a person's own cadence. */
  personId?: string | undefined
  /** As stored (`2 weeks`, or a hand-written `10 days`). */
  value: string | undefined
  /** What "none" falls back to, said in the first option. */
  fallback: string
  disabled?: boolean
  onSaved: () => void
}

/** "Keep in touch": how often to reach out, for a client or one of their people; saved as soon as it is chosen. */
export function CadenceField({ clientId, personId, value, fallback, disabled, onSaved }: CadenceFieldProps) {
  const id = useId()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const known = value === undefined || CHOICES.some((c) => c.value === value)
  const choose = async (next: string) => {
    setBusy(true)
    try {
      await call('cadence:set', { clientId, ...(personId ? { personId } : {}), cadence: next === '' ? null : next })
      setError(null)
      onSaved()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="profile-field cadence-field">
      <label className="profile-label" htmlFor={id}>
        Keep in touch
      </label>
      <select id={id} className="text-input" value={value ?? ''} disabled={disabled || busy} onChange={(event) => void choose(event.target.value)}>
        <option value="">{fallback}</option>
        {CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
        {!known && <option value={value}>Every {value} (as written)</option>}
      </select>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
