import { useEffect, useId, useRef, useState } from 'react'
import { errorMessage } from '@renderer/app/api'

const SAVE_AFTER_MS = 500

/**
 * A text field of a person that saves as you type (half a second after the
 * last key, and on leaving it); `null` clears the field. A change from disk
 * shows up unless the person is typing here.
 */
export function PersonField({ label, value, save, multiline, type = 'text' }: { label: string; value: string | undefined; save: (value: string | null) => Promise<void>; multiline?: boolean; type?: 'text' | 'email' | 'tel' }) {
  const id = useId()
  const [text, setText] = useState(value ?? '')
  const [error, setError] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const lastSaved = useRef(value ?? '')
  const editing = useRef(false)

  useEffect(() => {
    if (!editing.current) {
      setText(value ?? '')
      lastSaved.current = value ?? ''
    }
  }, [value])

  const flush = async (next: string) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    editing.current = false
    if (next.trim() === lastSaved.current.trim()) return
    try {
      await save(next.trim() === '' ? null : next.trim())
      lastSaved.current = next
      setError(null)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }
  const latest = useRef({ flush, text })
  latest.current = { flush, text }
  // Leaving within the half second must not lose what was typed.
  useEffect(
    () => () => {
      if (timer.current) void latest.current.flush(latest.current.text)
    },
    []
  )

  const onChange = (next: string) => {
    setText(next)
    editing.current = true
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void flush(next), SAVE_AFTER_MS)
  }
  const common = {
    id,
    className: 'text-input',
    value: text,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onBlur: () => void flush(text)
  }
  return (
    <div className="person-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />}
      {error && (
        <p id={`${id}-error`} className="field-hint" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
