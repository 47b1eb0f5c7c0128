/**
 * Electron's accelerator syntax (https://www.electronjs.org/docs/latest/api/accelerator):
 * any number of modifiers and exactly one key code, joined by `+`, case-insensitive.
 * Electron ignores a menu item's accelerator that does not parse, so the
 * shortcut would silently vanish from the menu; the boot test checks each one.
 */
const modifiers = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta'])

const namedKeys = new Set([
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause',
  'printscreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv'
])

function isKeyCode(key: string): boolean {
  const k = key.toLowerCase()
  return (
    /^[a-z0-9]$/.test(k) || /^f([1-9]|1[0-9]|2[0-4])$/.test(k) || /^num[0-9]$/.test(k) || /^[)!@#$%^&*(:;=<,_\->.?/~`{}[\]|\\"']$/.test(k) || namedKeys.has(k)
  )
}

export function isElectronAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+')
  const key = parts.pop() ?? ''
  return parts.every((part) => modifiers.has(part.toLowerCase())) && isKeyCode(key)
}
