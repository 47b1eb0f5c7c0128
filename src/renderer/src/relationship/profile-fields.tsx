import { useEffect, useId, useRef, useState } from 'react'
import type { Input } from '@shared/api'
import { errorMessage } from '@renderer/platform/api'

export type ProfilePatchInput = Input<'clients:update-profile'>['patch']
/** Saves part of the profile; throws with the core's message when it is refused. */
export type SaveProfile = (patch: ProfilePatchInput) => Promise<void>

const SAVE_AFTER_MS = 500

interface TextFieldProps<Patch> {
  label: string
  value: string | undefined
  /** Builds the patch for a value; an empty value should remove the field (null). */
  toPatch: (value: string | null) => Patch
  /** Saves the patch; throws with the core's message when it is refused. */
  save: (patch: Patch) => Promise<void>
  multiline?: boolean
  type?: 'text' | 'email' | 'tel' | 'date'
  placeholder?: string
  hint?: string
}

/**
 * A labelled field that saves itself: half a second after typing stops, or
 * on leaving it. A refusal from the core is shown under the field, and the
 * text stays as typed so it can be corrected.
 */
export function AutosaveTextField<Patch = ProfilePatchInput>({
  label,
  value,
  toPatch,
  save,
  multiline,
  type = 'text',
  placeholder,
  hint
}: TextFieldProps<Patch>) {
  const id = useId()
  const [text, setText] = useState(value ?? '')
  const [error, setError] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const lastSaved = useRef(value ?? '')
  const editing = useRef(false)

  // A change on disk (or from another field's save) shows up unless the person is typing here.
  useEffect(() => {
    if (!editing.current) {
      setText(value ?? '')
      lastSaved.current = value ?? ''
    }
  }, [value])

  const flush = async (next: string) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (next.trim() === lastSaved.current.trim()) return
    try {
      await save(toPatch(next.trim() === '' ? null : next.trim()))
      lastSaved.current = next
      setError(null)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  // Leaving the tab within the half second (a shortcut, not a click) must not lose what was typed: save it on the way out.
  const flushRef = useRef(flush)
  flushRef.current = flush
  const textRef = useRef(text)
  textRef.current = text
  useEffect(
    () => () => {
      if (timer.current) void flushRef.current(textRef.current)
    },
    []
  )

  const onChange = (next: string) => {
    setText(next)
    editing.current = true
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void flush(next), type === 'date' ? 0 : SAVE_AFTER_MS)
  }
  const common = {
    id,
    value: text,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    onFocus: () => {
      editing.current = true
    },
    onBlur: () => {
      editing.current = false
      void flush(text)
    }
  }
  return (
    <div className="profile-field">
      <label className="profile-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea className="text-input profile-textarea" rows={2} {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input className="text-input" type={type} autoComplete="off" spellCheck={type === 'text'} {...common} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && !error && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="form-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

interface ChoiceFieldProps<T extends string> {
  label: string
  value: T | undefined
  options: ReadonlyArray<{ value: T; label: string }>
  onChoose: (value: T | null) => Promise<void>
}

/** A select that saves as soon as a choice is made; "Not known" removes the value. */
export function ChoiceField<T extends string>({ label, value, options, onChoose }: ChoiceFieldProps<T>) {
  const id = useId()
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="profile-field">
      <label className="profile-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="text-input"
        value={value ?? ''}
        onChange={(event) => {
          const chosen = options.find((o) => o.value === event.target.value)?.value ?? null
          onChoose(chosen).then(
            () => setError(null),
            (failure: unknown) => setError(errorMessage(failure))
          )
        }}
      >
        <option value="">Not known</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

interface ChipsFieldProps {
  label: string
  values: readonly string[]
  onChange: (values: string[]) => Promise<void>
  placeholder?: string
}

/** How long after our own save a list read back from disk is not trusted to be newer than what is shown. */
const OWN_SAVE_SETTLES_MS = 2000

/** Likes, dislikes, tags: Enter (or a comma) adds what is typed, Backspace in the empty field removes the last. */
export function ChipsField({ label, values, onChange, placeholder }: ChipsFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  // Shown at once and built on by the next keystroke, before the save of the last one has come back.
  const [shown, setShown] = useState<readonly string[]>(values)
  const saving = useRef(0)
  const settledAt = useRef(0)
  const stored = JSON.stringify(values)
  // What is on disk wins once no save of ours is on its way (a hand edit, another window) — but not in the
  // moment after one: a re-read started before our save landed may still answer with the older list.
  useEffect(() => {
    if (saving.current === 0 && Date.now() - settledAt.current > OWN_SAVE_SETTLES_MS) setShown(JSON.parse(stored) as string[])
  }, [stored])

  const commit = (next: string[]) => {
    setShown(next)
    saving.current++
    onChange(next)
      .then(
        () => setError(null),
        (failure: unknown) => setError(errorMessage(failure))
      )
      .finally(() => {
        saving.current--
        settledAt.current = Date.now()
      })
  }
  const add = () => {
    const value = draft.trim()
    if (!value) return
    setDraft('')
    if (!shown.some((v) => v.toLowerCase() === value.toLowerCase())) commit([...shown, value])
  }

  return (
    <div className="profile-field">
      <label className="profile-label" htmlFor={id}>
        {label}
      </label>
      <div className="chips" onClick={() => inputRef.current?.focus()}>
        <ul className="chip-list">
          {shown.map((value, index) => (
            <li key={`${value}-${index}`} className="chip">
              <span>{value}</span>
              <button type="button" className="chip-remove" aria-label={`Remove ${value}`} onClick={() => commit(shown.filter((_, i) => i !== index))}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          ref={inputRef}
          id={id}
          className="chip-input"
          value={draft}
          placeholder={shown.length === 0 ? placeholder : 'Add…'}
          autoComplete="off"
          onChange={(event) => setDraft(event.target.value.replace(',', ''))}
          onBlur={add}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault()
              add()
            } else if (event.key === 'Backspace' && draft === '' && shown.length > 0) {
              event.preventDefault()
              commit(shown.slice(0, -1))
            }
          }}
        />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
