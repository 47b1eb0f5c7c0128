import type { KeyboardEvent, ReactNode } from 'react'
import { useState } from 'react'
import { SnoozeMenu } from './SnoozeMenu'

export interface RowActions {
  /** Marks it done (a follow-up cleared, a promise or one occurrence kept, a date seen). */
  onDone?: (() => void) | undefined
  onSnooze?: ((until: string) => void) | undefined
  /** Opens the interaction dialog for this client (and person). */
  onLog?: (() => void) | undefined
  onBrief?: (() => void) | undefined
  onValue?: (() => void) | undefined
}

interface ActionRowProps extends RowActions {
  /** The row's words, for the buttons' accessible names ("Done: Follow up with Dana"). */
  what: string
  clientName: string
  today: string
  canWrite: boolean
  className?: string
  /** False where the row has its own done control (the Commitments view's checkbox); D still works. */
  doneButton?: boolean
  children: ReactNode
}

/** Keys on a focused row, so a list can be worked through without the mouse. */
export const ROW_KEYS = 'On a row: D done · S snooze · L log a contact · B brief'

/**
 * One reminder with what can be done about it, where it is: Done, Snooze,
 * Log a contact, Brief. Each is a button (Tab reaches them); on a focused row
 * D, S, L and B do the same without moving there.
 */
export function ActionRow({
  what,
  clientName,
  today,
  canWrite,
  className,
  doneButton = true,
  children,
  onDone,
  onSnooze,
  onLog,
  onBrief,
  onValue
}: ActionRowProps) {
  const [snoozing, setSnoozing] = useState(false)
  const keys: Record<string, (() => void) | undefined> = {
    d: canWrite ? onDone : undefined,
    s: canWrite && onSnooze ? () => setSnoozing(true) : undefined,
    l: canWrite ? onLog : undefined,
    b: onBrief
  }
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target instanceof HTMLInputElement) return
    const action = keys[event.key.toLowerCase()]
    if (!action) return
    event.preventDefault()
    action()
  }
  return (
    <li className={`today-item action-row ${className ?? ''}`} onKeyDown={onKeyDown}>
      {children}
      <span className="row-actions">
        {onDone && doneButton && (
          <button type="button" className="button subtle small" aria-label={`Done: ${what}`} title="Done (D)" disabled={!canWrite} onClick={onDone}>
            Done
          </button>
        )}
        {onSnooze && <SnoozeMenu what={what} today={today} open={snoozing} onOpenChange={setSnoozing} onSnooze={onSnooze} disabled={!canWrite} />}
        {onLog && (
          <button
            type="button"
            className="button subtle small"
            aria-label={`Log a contact with ${clientName}`}
            title="Log a contact (L)"
            disabled={!canWrite}
            onClick={onLog}
          >
            Log a contact
          </button>
        )}
        {onValue && (
          <button type="button" className="button subtle small today-brief" aria-label={`Log value given to ${clientName}`} onClick={onValue}>
            Value given
          </button>
        )}
        {onBrief && (
          <button type="button" className="button subtle small today-brief" aria-label={`Brief for ${clientName}`} title="Brief (B)" onClick={onBrief}>
            Brief
          </button>
        )}
      </span>
    </li>
  )
}
