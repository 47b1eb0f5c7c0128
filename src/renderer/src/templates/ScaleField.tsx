import { useId, useState } from 'react'
import type { TemplateField } from '@shared/contract/templates'
import { errorMessage } from '@renderer/platform/api'

interface ScaleFieldProps {
  field: TemplateField & { scale: { min: number; max: number } }
  value: number | null
  disabled: boolean
  /** Writes the value into the entry's front matter. */
  onSave: (value: number) => Promise<void>
}

/** A template's numeric scale (mood 1–5…) as a row of radio buttons: one arrow key or click per change, saved at once. */
export function ScaleField({ field, value, disabled, onSave }: ScaleFieldProps) {
  const name = useId()
  const [current, setCurrent] = useState(value)
  const [error, setError] = useState<string | null>(null)
  const steps: number[] = []
  for (let n = field.scale.min; n <= field.scale.max && steps.length < 11; n++) steps.push(n)

  const choose = (next: number) => {
    const before = current
    setCurrent(next)
    setError(null)
    onSave(next).catch((caught: unknown) => {
      setCurrent(before)
      setError(errorMessage(caught))
    })
  }

  return (
    <fieldset className="scale-field" disabled={disabled}>
      <legend className="scale-field-label">{field.label}</legend>
      <div className="scale-field-options">
        {steps.map((n) => (
          <label key={n} className={`scale-field-option ${current === n ? 'checked' : ''}`}>
            <input type="radio" className="scale-field-input" name={name} value={n} checked={current === n} onChange={() => choose(n)} />
            <span>{n}</span>
          </label>
        ))}
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </fieldset>
  )
}

/** Fields a template records that are numeric scales (the only kind with a control so far). */
export function scaleFields(fields: readonly TemplateField[]): Array<TemplateField & { scale: { min: number; max: number } }> {
  return fields.filter((f): f is TemplateField & { scale: { min: number; max: number } } => f.scale !== undefined)
}
