import { useEffect, useId, useRef, useState } from 'react'
import { addDaysTo } from './day-math'

interface SnoozeMenuProps {
  /** What is snoozed, for the button's accessible name ("Snooze Follow up with Dana"). */
  what: string
  /** Today on the user's calendar: the choices count from it. */
  today: string
  open: boolean
  onOpenChange: (open: boolean) => void
  onSnooze: (until: string) => void
  disabled?: boolean
}

/** "Tomorrow", "Next week" or a day you pick: the item leaves Today and comes back on that day. */
export function SnoozeMenu({ what, today, open, onOpenChange, onSnooze, disabled }: SnoozeMenuProps) {
  const id = useId()
  const [picked, setPicked] = useState(addDaysTo(today, 2))
  const first = useRef<HTMLButtonElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (open) first.current?.focus()
  }, [open])
  const close = () => {
    onOpenChange(false)
    trigger.current?.focus()
  }
  const choose = (until: string) => {
    onOpenChange(false)
    onSnooze(until)
  }
  return (
    <span className="snooze">
      <button
        ref={trigger}
        type="button"
        className="button subtle small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={`Snooze ${what}`}
        title="Snooze (S)"
        disabled={disabled}
        onClick={() => onOpenChange(!open)}
      >
        Snooze
      </button>
      {open && (
        <div
          id={id}
          role="menu"
          aria-label={`Snooze ${what} until`}
          className="snooze-menu"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation()
              close()
            }
          }}
        >
          <button ref={first} type="button" role="menuitem" className="snooze-choice" onClick={() => choose(addDaysTo(today, 1))}>
            Tomorrow
          </button>
          <button type="button" role="menuitem" className="snooze-choice" onClick={() => choose(addDaysTo(today, 7))}>
            Next week
          </button>
          <form
            className="snooze-pick"
            onSubmit={(event) => {
              event.preventDefault()
              if (picked > today) choose(picked)
            }}
          >
            <input
              type="date"
              className="text-input"
              aria-label="Snooze until"
              min={addDaysTo(today, 1)}
              value={picked}
              onChange={(e) => setPicked(e.target.value)}
            />
            <button type="submit" role="menuitem" className="snooze-choice">
              Until then
            </button>
          </form>
        </div>
      )}
    </span>
  )
}
