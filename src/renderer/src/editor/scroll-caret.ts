import { NodeSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/** As ProseMirror's own scrolling: the caret is kept this far inside the edge it would cross. */
const MARGIN = 5

/**
 * Brings the caret into view after a key, scrolling only the boxes between
 * it and `scroller` (the entry's scroll box; a code block or table that
 * scrolls sideways on the way). ProseMirror's default walks every ancestor up
 * to the page, measuring each and reading its computed style, on every typed
 * key; in the app's window that is a dozen boxes that never scroll (profiled
 * in e2e/typing-latency.spec.ts). Returns false, leaving it to ProseMirror,
 * for a selected node or a caret outside `scroller`.
 */
export function scrollCaretIntoView(view: EditorView, scroller: HTMLElement | null): boolean {
  const { selection } = view.state
  if (!scroller || selection instanceof NodeSelection) return false
  const at = view.domAtPos(selection.head).node
  const start = at instanceof HTMLElement ? at : at.parentElement
  if (!start || !scroller.contains(start)) return false
  let rect = view.coordsAtPos(selection.head, 1)
  for (let box: HTMLElement | null = start; box; box = box === scroller ? null : box.parentElement) {
    const scrollsY = box.scrollHeight > box.clientHeight
    const scrollsX = box.scrollWidth > box.clientWidth
    if (!scrollsX && !scrollsY) continue
    const bounds = box.getBoundingClientRect()
    const moveY = !scrollsY
      ? 0
      : rect.top < bounds.top
        ? rect.top - bounds.top - MARGIN
        : rect.bottom > bounds.bottom
          ? rect.bottom - rect.top > bounds.height
            ? rect.top - bounds.top + MARGIN
            : rect.bottom - bounds.bottom + MARGIN
          : 0
    const moveX = !scrollsX
      ? 0
      : rect.left < bounds.left
        ? rect.left - bounds.left - MARGIN
        : rect.right > bounds.right
          ? rect.right - bounds.right + MARGIN
          : 0
    if (!moveX && !moveY) continue
    const { scrollLeft, scrollTop } = box
    box.scrollTop += moveY
    box.scrollLeft += moveX
    const dX = box.scrollLeft - scrollLeft
    const dY = box.scrollTop - scrollTop
    rect = { left: rect.left - dX, right: rect.right - dX, top: rect.top - dY, bottom: rect.bottom - dY }
  }
  return true
}
