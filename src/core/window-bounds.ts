/**
 * Where the window opens, given where it was when the app closed and the
 * displays there are now. Pure, so the rule is tested without Electron: main
 * reads the saved bounds and `screen.getAllDisplays()` and passes them in.
 */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** How much of the title bar must show on a display for the window to count as reachable (it can be grabbed and moved). */
const GRAB_WIDTH = 100
const TITLE_BAR_HEIGHT = 32

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null
}

const isRect = (r: Rect | null | undefined): r is Rect => !!r && [r.x, r.y, r.width, r.height].every(Number.isFinite) && r.width > 0 && r.height > 0

/**
 * The bounds to open with: the saved ones when their title bar is still on a
 * display (shrunk to fit it if that display is now smaller); otherwise the
 * same size, centred on the first display (the primary), shrunk to fit. Null
 * when nothing usable was saved or there is no display: the shell's default.
 */
export function restoredBounds(saved: Rect | null | undefined, workAreas: readonly Rect[], minimum: { width: number; height: number }): Rect | null {
  const areas = workAreas.filter(isRect)
  if (!isRect(saved) || areas.length === 0) return null
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(TITLE_BAR_HEIGHT, saved.height) }
  const home = areas.find((area) => (overlap(titleBar, area)?.width ?? 0) >= Math.min(GRAB_WIDTH, saved.width))
  const area = home ?? areas[0]!
  const width = Math.max(minimum.width, Math.min(Math.round(saved.width), area.width))
  const height = Math.max(minimum.height, Math.min(Math.round(saved.height), area.height))
  if (home) {
    // Still reachable: keep the place, pulled back inside the display if it now hangs over an edge.
    const x = Math.min(Math.max(Math.round(saved.x), area.x), area.x + area.width - width)
    const y = Math.min(Math.max(Math.round(saved.y), area.y), area.y + area.height - height)
    return { x: Math.max(x, area.x), y: Math.max(y, area.y), width, height }
  }
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height }
}
