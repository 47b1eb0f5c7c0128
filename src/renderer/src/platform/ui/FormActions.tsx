import type { ReactNode, Ref } from 'react'
import './ui.css'

interface FormActionsProps {
  /** What the form does, on its submit button: "Add commitment", "Rename". */
  submitLabel: ReactNode
  onCancel: () => void
  /** The submit button is disabled (a save under way, nothing to do yet). */
  disabled?: boolean
  /** Extra actions, shown at the left (give them `push-left`). */
  children?: ReactNode
  className?: string
  submitRef?: Ref<HTMLButtonElement>
}

/** The foot of a dialog's form: Cancel, then the form's one action, which Enter also takes. */
export function FormActions({ submitLabel, onCancel, disabled, children, className, submitRef }: FormActionsProps) {
  return (
    <div className={`dialog-actions ${className ?? ''}`}>
      {children}
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button ref={submitRef} type="submit" className="button primary" disabled={disabled}>
        {submitLabel}
      </button>
    </div>
  )
}
