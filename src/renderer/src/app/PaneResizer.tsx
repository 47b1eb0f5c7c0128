import { useRef } from 'react'
import type { KeyboardEvent, PointerEvent } from 'react'
import { JOURNAL_PANE_WIDTH } from '@shared/contract/workspace'
import { DEFAULT_PANE_WIDTH } from './workspace-restore'

interface PaneResizerProps {
  width: number
  widest: number
  onResize: (width: number) => void
  /** The id of the pane it sizes. */
  controls?: string
}

/** How far one arrow key moves the divider (Shift: four times as far). */
const STEP = 16

/**
 * The divider between the entry list and the editor: drag it, or focus it
 * and use the arrow keys (Home and End for the narrowest and widest);
 * double-click puts it back. A focusable WAI-ARIA separator, so a screen
 * reader says how wide the list is.
 */
export function PaneResizer({ width, widest, onResize, controls }: PaneResizerProps) {
  const drag = useRef<{ x: number; width: number } | null>(null)

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? STEP * 4 : STEP
    const targets: Record<string, number> = {
      ArrowLeft: width - step,
      ArrowRight: width + step,
      Home: JOURNAL_PANE_WIDTH.min,
      End: widest
    }
    const to = targets[event.key]
    if (to === undefined) return
    event.preventDefault()
    onResize(to)
  }
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { x: event.clientX, width }
  }
  const onPointerMove = (event: PointerEvent) => {
    if (drag.current) onResize(drag.current.width + event.clientX - drag.current.x)
  }
  const endDrag = () => {
    drag.current = null
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Width of the entry list"
      aria-controls={controls}
      aria-valuemin={JOURNAL_PANE_WIDTH.min}
      aria-valuemax={widest}
      aria-valuenow={width}
      aria-valuetext={`${width} pixels`}
      tabIndex={0}
      className="pane-resizer"
      title="Drag to resize the entry list (or focus and use the arrow keys); double-click to reset"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onDoubleClick={() => onResize(DEFAULT_PANE_WIDTH)}
    />
  )
}
