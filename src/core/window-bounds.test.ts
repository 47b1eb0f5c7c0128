import { describe, expect, it } from 'vitest'
import { restoredBounds } from './window-bounds'

const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 }
/** A second monitor to the right of the laptop. */
const MONITOR = { x: 1440, y: 0, width: 2560, height: 1400 }
const MIN = { width: 760, height: 480 }

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

  it('answers null (the default size) for nothing saved, nonsense saved, or no display', () => {
    expect(restoredBounds(null, [LAPTOP], MIN)).toBeNull()
    expect(restoredBounds({ x: Number.NaN, y: 0, width: 800, height: 600 }, [LAPTOP], MIN)).toBeNull()
    expect(restoredBounds({ x: 0, y: 0, width: 0, height: 600 }, [LAPTOP], MIN)).toBeNull()
    expect(restoredBounds({ x: 0, y: 0, width: 800, height: 600 }, [], MIN)).toBeNull()
  })
})
