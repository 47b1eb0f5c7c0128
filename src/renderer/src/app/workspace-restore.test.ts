import { describe, expect, it } from 'vitest'
import { DEFAULT_PANE_WIDTH, fitPaneWidth, startView, widestPane } from './workspace-restore'

const views = ['search', 'today', 'commitments']
const nothing = { view: null, clientId: null, entryId: null, journalPaneWidth: null }

describe('startView', () => {
  it('opens the view left on screen, else the client left open, else Today when there are clients', () => {
    expect(startView({ ...nothing, view: 'commitments', clientId: 'c_1' }, ['c_1'], views)).toBe('commitments')
    expect(startView({ ...nothing, clientId: 'c_1' }, ['c_1'], views)).toBeNull()
    expect(startView(nothing, ['c_1'], views)).toBe('today')
    expect(startView(null, ['c_1'], views)).toBe('today')
    expect(startView(null, [], views)).toBeNull()
  })

  it('counts a view or client that is gone as nothing kept', () => {
    expect(startView({ ...nothing, view: 'removed-view' }, ['c_1'], views)).toBe('today')
    expect(startView({ ...nothing, clientId: 'c_gone' }, ['c_1'], views)).toBe('today')
    expect(startView({ ...nothing, clientId: 'c_gone' }, [], views)).toBeNull()
  })
})

describe('fitPaneWidth', () => {
  it('keeps the chosen width where the window has room, the default when none was chosen', () => {
    expect(fitPaneWidth(420, 1400)).toBe(420)
    expect(fitPaneWidth(null, 1400)).toBe(DEFAULT_PANE_WIDTH)
  })

  it('narrows it to leave the editor room in a small window, and never below the minimum', () => {
    expect(fitPaneWidth(700, 1000)).toBe(400)
    expect(fitPaneWidth(700, 760)).toBe(200)
    expect(fitPaneWidth(50, 1400)).toBe(200)
    expect(widestPane(1000)).toBe(400)
    expect(widestPane(4000)).toBe(800)
  })
})
