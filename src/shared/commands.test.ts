import { describe, expect, it } from 'vitest'
import { commands, matchesShortcut, shortcutLookup } from './commands'

/** The editor's own shortcuts (TipTap's StarterKit, task lists, undo, our link dialog): an app command must never take one. */
const editorShortcuts = [
  'CmdOrCtrl+B',
  'CmdOrCtrl+I',
  'CmdOrCtrl+E',
  'CmdOrCtrl+U',
  'CmdOrCtrl+Z',
  'CmdOrCtrl+Y',
  'CmdOrCtrl+Shift+Z',
  'CmdOrCtrl+Shift+S',
  'CmdOrCtrl+Shift+X',
  'CmdOrCtrl+Shift+7',
  'CmdOrCtrl+Shift+8',
  'CmdOrCtrl+Shift+9',
  'CmdOrCtrl+Shift+B',
  'CmdOrCtrl+Alt+C',
  'CmdOrCtrl+Alt+0',
  'CmdOrCtrl+Alt+1',
  'CmdOrCtrl+Alt+2',
  'CmdOrCtrl+Alt+3',
  'CmdOrCtrl+Alt+4',
  'CmdOrCtrl+Alt+5',
  'CmdOrCtrl+Alt+6',
  'CmdOrCtrl+L',
  'CmdOrCtrl+A',
  'CmdOrCtrl+C',
  'CmdOrCtrl+V',
  'CmdOrCtrl+X',
  'CmdOrCtrl+Enter'
]
const normal = (s: string) => s.toLowerCase().split('+').sort().join('+')

describe('the command list', () => {
  it('gives every command a distinct shortcut that the editor does not use', () => {
    const shortcuts = commands.flatMap((c) => (c.shortcut ? [normal(c.shortcut)] : []))
    expect(new Set(shortcuts).size).toBe(shortcuts.length)
    for (const taken of editorShortcuts) expect(shortcuts).not.toContain(normal(taken))
  })

  it('matches key presses by platform: Cmd on macOS, Ctrl elsewhere', () => {
    const press = { key: 'n', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false }
    expect(matchesShortcut('CmdOrCtrl+N', press, false)).toBe(true)
    expect(matchesShortcut('CmdOrCtrl+N', press, true)).toBe(false)
    expect(matchesShortcut('CmdOrCtrl+N', { ...press, ctrlKey: false, metaKey: true }, true)).toBe(true)
    expect(matchesShortcut('CmdOrCtrl+Shift+N', press, false)).toBe(false)
  })

  it('finds the command a key press is, by platform, and none for a plain key', () => {
    const windows = shortcutLookup(false)
    const mac = shortcutLookup(true)
    const press = { key: 'N', ctrlKey: true, metaKey: false, shiftKey: true, altKey: false }
    expect(windows(press)?.id).toBe('entry.reflection')
    expect(windows({ ...press, shiftKey: false, key: 'n' })?.id).toBe('entry.new')
    expect(mac(press)).toBeUndefined()
    expect(mac({ ...press, ctrlKey: false, metaKey: true })?.id).toBe('entry.reflection')
    expect(windows({ ...press, ctrlKey: false, shiftKey: false, key: 'n' })).toBeUndefined()
    expect(windows({ ...press, altKey: true })).toBeUndefined()
    // Every declared shortcut is found, as the menu shows it.
    for (const command of commands) {
      if (!command.shortcut) continue
      const parts = command.shortcut.split('+')
      const key = parts.at(-1) ?? ''
      const event = { key, ctrlKey: parts.includes('CmdOrCtrl'), metaKey: false, shiftKey: parts.includes('Shift'), altKey: parts.includes('Alt') }
      expect(windows(event)?.id).toBe(command.id)
    }
  })
})
