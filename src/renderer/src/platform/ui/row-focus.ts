/** What in a row takes focus when it is given to the row. */
const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), a[href], [tabindex="0"]'

/**
 * Keeps keyboard focus in a list when the row that has it leaves (marked
 * done, snoozed, restored). Call it before the change: it notes which row
 * has focus. Call what it returns once the list has been read again: if
 * focus was lost with the row, it goes to the row now in that place (the
 * next one), else the last row, else `fallback` (the view's heading) — never
 * to <body>, where a keyboard or screen-reader user would have to start over.
 */
export function holdRowFocus(container: HTMLElement | null, rowSelector: string, fallback?: () => void): () => void {
  const active = document.activeElement
  if (!(active instanceof HTMLElement)) return () => undefined
  const row = active.closest(rowSelector)
  if (!container || !row || !container.contains(row)) return () => undefined
  const index = [...container.querySelectorAll(rowSelector)].indexOf(row)
  return () => {
    // React draws the list read again within a frame or two: wait while the old row is still there (a row still
    // there after that stayed: a recurring promise's next occurrence), then mend focus only if it was lost.
    let frames = 30
    const settle = () => {
      if (row.isConnected && frames-- > 0) return void requestAnimationFrame(settle)
      const now = document.activeElement
      if (now && now !== document.body && now.isConnected) return
      const rows = [...container.querySelectorAll<HTMLElement>(rowSelector)]
      const target = rows[Math.min(index, rows.length - 1)]?.querySelector<HTMLElement>(FOCUSABLE)
      if (target) target.focus()
      else fallback?.()
    }
    requestAnimationFrame(settle)
  }
}
