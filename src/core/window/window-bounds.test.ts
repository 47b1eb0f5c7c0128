import { describe, expect, it } from 'vitest'
import { MAX_ARRANGEMENTS, arrangementKey, rememberWindow, restoredBounds, restoredPlacement } from './window-bounds'
import type { Display, SavedWindow } from './window-bounds'

const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 }
/** A second monitor to the right of the laptop. */
const MONITOR = { x: 1440, y: 0, width: 2560, height: 1400 }
const MIN = { width: 760, height: 480 }

/** A display whose work area leaves room for a menu bar at the top. */
const display = (bounds: typeof LAPTOP): Display => ({ bounds: { ...bounds, y: bounds.y, height: bounds.height + 25 }, workArea: bounds })
const laptopOnly = [display(LAPTOP)]
const docked = [display(LAPTOP), display(MONITOR)]
const onMonitor: SavedWindow = { bounds: { x: 2000, y: 200, width: 1600, height: 1000 }, maximized: false, fullScreen: false }

describe('restoredBounds', () => {
  it('reopens where it was when that place is still on a display', () => {
    expect(restoredBounds({ x: 100, y: 60, width: 1200, height: 700 }, [LAPTOP, MONITOR], MIN)).toEqual({ x: 100, y: 60, width: 1200, height: 700 })
    expect(restoredBounds({ x: 2000, y: 200, width: 1600, height: 1000 }, [LAPTOP, MONITOR], MIN)).toEqual({ x: 2000, y: 200, width: 1600, height: 1000 })
  })

  it('brings a window from a monitor that is gone onto the one left, centred, shrunk to fit', () => {
    expect(restoredBounds({ x: 2000, y: 200, width: 1600, height: 1000 }, [LAPTOP], MIN)).toEqual({ x: 0, y: 0, width: 1440, height: 875 })
    expect(restoredBounds({ x: 2000, y: 200, width: 1000, height: 600 }, [LAPTOP], MIN)).toEqual({ x: 220, y: 138, width: 1000, height: 600 })
  })

  it('moves a window whose title bar cannot be grabbed (above the top, or only a sliver showing)', () => {
    expect(restoredBounds({ x: 100, y: -500, width: 1000, height: 600 }, [LAPTOP], MIN)).toEqual({ x: 220, y: 138, width: 1000, height: 600 })
    expect(restoredBounds({ x: 1400, y: 100, width: 1000, height: 600 }, [LAPTOP], MIN)).toEqual({ x: 220, y: 138, width: 1000, height: 600 })
  })

  it('pulls a window that hangs partly off its display back inside it', () => {
    expect(restoredBounds({ x: 900, y: 500, width: 1000, height: 600 }, [LAPTOP], MIN)).toEqual({ x: 440, y: 275, width: 1000, height: 600 })
  })

  it('keeps the minimum size even on a display smaller than it', () => {
    const tiny = { x: 0, y: 0, width: 640, height: 400 }
    expect(restoredBounds({ x: 0, y: 0, width: 1000, height: 700 }, [tiny], MIN)).toEqual({ x: 0, y: 0, width: 760, height: 480 })
  })

  it('finds a display to the left of or above the primary one (negative coordinates)', () => {
    const left = { x: -1920, y: -200, width: 1920, height: 1080 }
    expect(restoredBounds({ x: -1800, y: -100, width: 1000, height: 700 }, [LAPTOP, left], MIN)).toEqual({ x: -1800, y: -100, width: 1000, height: 700 })
    expect(restoredBounds({ x: -1800, y: -100, width: 1000, height: 700 }, [LAPTOP], MIN)).toEqual({ x: 220, y: 88, width: 1000, height: 700 })
  })

  it('answers null (the default size) for nothing saved, nonsense saved, or no display', () => {
    expect(restoredBounds(null, [LAPTOP], MIN)).toBeNull()
    expect(restoredBounds({ x: Number.NaN, y: 0, width: 800, height: 600 }, [LAPTOP], MIN)).toBeNull()
    expect(restoredBounds({ x: 0, y: 0, width: 0, height: 600 }, [LAPTOP], MIN)).toBeNull()
    expect(restoredBounds({ x: 0, y: 0, width: 800, height: 600 }, [], MIN)).toBeNull()
  })
})

describe('restoredPlacement', () => {
  it('reopens as it was left on this arrangement of displays', () => {
    const memory = rememberWindow({}, onMonitor, docked)
    expect(restoredPlacement(memory, docked, MIN)).toEqual(onMonitor)
  })

  it('a window left on a monitor that is gone reopens on the laptop, still maximised when it was', () => {
    const memory = rememberWindow({}, { ...onMonitor, maximized: true }, docked)
    expect(restoredPlacement(memory, laptopOnly, MIN)).toEqual({ bounds: { x: 0, y: 0, width: 1440, height: 875 }, maximized: true, fullScreen: false })
  })

  it('remembers each arrangement: docking again brings the window back to the monitor', () => {
    let memory = rememberWindow({}, onMonitor, docked)
    const onLaptop: SavedWindow = { bounds: { x: 40, y: 30, width: 900, height: 700 }, maximized: false, fullScreen: true }
    memory = rememberWindow(memory, onLaptop, laptopOnly)
    expect(restoredPlacement(memory, laptopOnly, MIN)).toEqual(onLaptop)
    expect(restoredPlacement(memory, docked, MIN)).toEqual(onMonitor)
    // A third arrangement never seen: the last window, brought onto what is there.
    const projector = [display({ x: 0, y: 0, width: 1024, height: 768 })]
    expect(restoredPlacement(memory, projector, MIN)).toEqual({ bounds: { x: 40, y: 30, width: 900, height: 700 }, maximized: false, fullScreen: true })
  })

  it('keeps at most a few arrangements, forgetting the oldest', () => {
    let memory = {}
    for (let i = 0; i < MAX_ARRANGEMENTS + 3; i++) memory = rememberWindow(memory, onMonitor, [display({ x: 0, y: 0, width: 1000 + i, height: 800 })])
    const keys = Object.keys(rememberWindow(memory, onMonitor, laptopOnly).byArrangement ?? {})
    expect(keys).toHaveLength(MAX_ARRANGEMENTS)
    expect(keys.at(-1)).toBe(arrangementKey(laptopOnly))
    expect(keys).not.toContain(arrangementKey([display({ x: 0, y: 0, width: 1000, height: 800 })]))
  })

  it('names an arrangement the same whatever order the displays are listed in', () => {
    expect(arrangementKey(docked)).toBe(arrangementKey([...docked].reverse()))
    expect(arrangementKey(docked)).not.toBe(arrangementKey(laptopOnly))
  })

  it('answers null with nothing remembered, or no display', () => {
    expect(restoredPlacement(null, docked, MIN)).toBeNull()
    expect(restoredPlacement({}, docked, MIN)).toBeNull()
    expect(restoredPlacement(rememberWindow({}, onMonitor, docked), [], MIN)).toBeNull()
  })
})
