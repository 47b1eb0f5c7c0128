/**
 * Where the window opens, given where it was when the app closed and the
 * displays there are now. Pure, so the rule is tested without Electron: main
 * reads the saved state and `screen.getAllDisplays()` and passes them in
 * (src/main/window-state.ts).
 */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** One display as the shell sees it: its whole area (the identity of the arrangement) and the part windows may use. */
export interface Display {
  bounds: Rect
  workArea: Rect
}

/** A window as it was left: its normal (not maximised) bounds, and whether it was maximised or full screen. */
export interface SavedWindow {
  bounds: Rect
  maximized: boolean
  fullScreen: boolean
}

/** What the shell opens the window with. */
export type WindowPlacement = SavedWindow

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

export const isRect = (r: unknown): r is Rect => {
  if (typeof r !== 'object' || r === null) return false
  const { x, y, width, height } = r as Record<string, unknown>
  return [x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n)) && (width as number) > 0 && (height as number) > 0
}

/**
 * The bounds to open with: the saved ones when their title bar is still on a
 * display (pulled inside it, and shrunk to fit if that display is now
 * smaller); otherwise the same size, centred on the first display (the
 * primary), shrunk to fit. Null when nothing usable was saved or there is no
 * display: the shell's default then.
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

/**
 * The name of an arrangement of displays (which displays, where): a window is
 * remembered per arrangement, so docking a laptop brings the window back to
 * the monitor, and undocking back to where it was on the laptop alone.
 */
export function arrangementKey(displays: readonly Display[]): string {
  return displays
    .map(({ bounds: b }) => `${b.x},${b.y},${b.width}x${b.height}`)
    .sort()
    .join(';')
}

/** The window state kept in the app's settings: the last window per arrangement of displays, and the very last one. */
export interface WindowMemory {
  last?: SavedWindow
  byArrangement?: Record<string, SavedWindow>
}

/** Arrangements remembered at most: the oldest is forgotten first. */
export const MAX_ARRANGEMENTS = 8

/** The memory with `window` as the latest, for `displays` (at most MAX_ARRANGEMENTS kept, the newest last). */
export function rememberWindow(memory: WindowMemory, window: SavedWindow, displays: readonly Display[]): WindowMemory {
  const key = arrangementKey(displays)
  const others = Object.entries(memory.byArrangement ?? {}).filter(([k]) => k !== key)
  const kept = others.slice(Math.max(0, others.length - (MAX_ARRANGEMENTS - 1)))
  return { last: window, byArrangement: Object.fromEntries([...kept, [key, window]]) }
}

/**
 * How the window opens: as it was left on this arrangement of displays, or
 * else as it was last left anywhere, moved onto a display that is there now.
 * A maximised or full-screen window keeps that state, and its normal bounds
 * (what un-maximising returns to) are on a visible display too. Null: the
 * shell's default size, centred.
 */
export function restoredPlacement(
  memory: WindowMemory | null | undefined,
  displays: readonly Display[],
  minimum: { width: number; height: number }
): WindowPlacement | null {
  const saved = memory?.byArrangement?.[arrangementKey(displays)] ?? memory?.last
  if (!saved) return null
  const bounds = restoredBounds(
    saved.bounds,
    displays.map((d) => d.workArea),
    minimum
  )
  return bounds && { bounds, maximized: saved.maximized === true, fullScreen: saved.fullScreen === true }
}
