import { useImperativeHandle, useRef, useState } from 'react'
import type { Ref } from 'react'
import './editor.css'

export interface TitleFieldHandle {
  setValue(value: string): void
  focus(): void
}

interface TitleFieldProps {
  initialValue: string
  readOnly: boolean
  onChange: (value: string) => void
  /** Enter or ArrowDown at the end: carry on in the text. */
  onLeave: () => void
  ref?: Ref<TitleFieldHandle>
}

/** Keeps its own state so typing a title re-renders this input only. */
export function TitleField({ initialValue, readOnly, onChange, onLeave, ref }: TitleFieldProps) {
  const [value, setValue] = useState(initialValue)
  const inputRef = useRef<HTMLInputElement>(null)

  useImperativeHandle(ref, () => ({
    setValue,
    focus: () => inputRef.current?.focus()
  }))

  return (
    <>
      <label htmlFor="entry-title" className="visually-hidden">
        Title
      </label>
      <input
        ref={inputRef}
        id="entry-title"
        className="title-input"
        placeholder="Untitled"
        value={value}
        readOnly={readOnly}
        maxLength={300}
        autoComplete="off"
        onChange={(event) => {
          setValue(event.target.value)
          onChange(event.target.value)
        }}
        onKeyDown={(event) => {
          const atEnd = event.currentTarget.selectionStart === event.currentTarget.value.length
          if (event.key === 'Enter' || (event.key === 'ArrowDown' && atEnd)) {
            event.preventDefault()
            onLeave()
          }
        }}
      />
    </>
  )
}
