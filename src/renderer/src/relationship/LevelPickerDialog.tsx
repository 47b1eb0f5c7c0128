import { useId, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { errorMessage } from '@renderer/platform/api'
import { FormActions } from '@renderer/platform/ui/FormActions'

export interface LevelChoice<T extends string> {
  level: T
  note: string
  writeEntry: boolean
}

interface LevelPickerDialogProps<T extends string> {
  title: string
  /** What is being chosen, for the list's label: "Stage", "Trust". */
  noun: string
  levels: readonly T[]
  words: Record<T, string>
  current: T | undefined
  onChoose: (choice: LevelChoice<T>) => Promise<void>
  onClose: () => void
}

/**
 * A small picker: the list has focus when it opens, so a change takes the
 * shortcut, a first letter (or arrows) and Enter. The note and "write an
 * entry" are there for when there is more to say.
 */
export function LevelPickerDialog<T extends string>({ title, noun, levels, words, current, onChoose, onClose }: LevelPickerDialogProps<T>) {
  const [active, setActive] = useState<T>(current ?? levels[0] ?? ('' as T))
  const [note, setNote] = useState('')
  const [writeEntry, setWriteEntry] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const baseId = useId()
  const optionId = (level: T) => `${baseId}-${level}`

  const submit = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await onChoose({ level: active, note: note.trim(), writeEntry })
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = levels.indexOf(active)
    const go = (i: number) => {
      const next = levels[(i + levels.length) % levels.length]
      if (next) setActive(next)
    }
    if (event.key === 'ArrowDown') go(index + 1)
    else if (event.key === 'ArrowUp') go(index - 1)
    else if (event.key === 'Home') go(0)
    else if (event.key === 'End') go(levels.length - 1)
    else if (event.key === 'Enter') void submit()
    else if (/^[a-z]$/i.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // First letter: the next level starting with it after the active one (two levels can share a letter).
      const letter = event.key.toLowerCase()
      const order = [...levels.slice(index + 1), ...levels.slice(0, index + 1)]
      const match = order.find((level) => words[level].toLowerCase().startsWith(letter))
      if (match) setActive(match)
    } else return
    event.preventDefault()
  }

  return (
    <Dialog title={title} onClose={onClose} busy={busy} className="level-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <ul role="listbox" aria-label={noun} tabIndex={0} data-autofocus className="level-list" aria-activedescendant={optionId(active)} onKeyDown={onListKey}>
          {levels.map((level) => (
            <li
              key={level}
              id={optionId(level)}
              role="option"
              aria-selected={level === active}
              className={`level-option ${level === active ? 'active' : ''}`}
              onClick={() => setActive(level)}
              onDoubleClick={() => void submit()}
            >
              <span>{words[level]}</span>
              {level === current && <span className="level-current">current</span>}
            </li>
          ))}
        </ul>
        <label className="field-label rel-dialog-label" htmlFor={`${baseId}-note`}>
          Why (optional)
        </label>
        <input id={`${baseId}-note`} className="text-input" value={note} onChange={(event) => setNote(event.target.value)} autoComplete="off" />
        <label className="rel-checkbox">
          <input type="checkbox" checked={writeEntry} onChange={(event) => setWriteEntry(event.target.checked)} />
          Write an entry about it
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <FormActions submitLabel={`Set ${noun.toLowerCase()}`} onCancel={onClose} disabled={busy} />
      </form>
    </Dialog>
  )
}
