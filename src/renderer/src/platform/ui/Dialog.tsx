import { useEffect, useId, useLayoutEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import './ui.css'

interface DialogProps {
  title: string
  /** Called on Escape, on Cancel and after the dialog has done its work. */
  onClose: () => void
  children: ReactNode
  /** Moves focus somewhere after the dialog has gone and returns true; otherwise focus goes back to what had it before. */
  restoreFocus?: () => boolean
  describedBy?: string
  className?: string
  /** True while the dialog's action is under way; commands chosen meanwhile wait for it (see useCommands). */
  busy?: boolean
}

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest
 * of the window inert (so focus stays inside) and Escape fires `cancel`,
 * which we route to onClose so React owns whether the dialog is open.
 */
export function Dialog({ title, onClose, children, restoreFocus, describedBy, className, busy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  const restoreRef = useRef(restoreFocus)
  useEffect(() => {
    onCloseRef.current = onClose
    restoreRef.current = restoreFocus
  })

  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    const autofocus = dialog.querySelector<HTMLElement>('[data-autofocus]')
    autofocus?.focus()
    return () => {
      if (dialog.open) dialog.close()
      // Restore after React has finished this commit, so a freshly rendered target can take focus.
      queueMicrotask(() => {
        if (!restoreRef.current?.() && previous?.isConnected) previous.focus()
      })
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      aria-busy={busy || undefined}
      onCancel={(event) => {
        event.preventDefault()
        onCloseRef.current()
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
