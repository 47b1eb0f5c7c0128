import { commands } from '@shared/commands'
import type { CommandId } from '@shared/commands'

/** macOS decides whether CmdOrCtrl means Cmd; Electron's renderer reports it in the platform or user agent. */
export const isMac: boolean = /Mac|iPhone|iPad/i.test(
  (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform || navigator.platform || navigator.userAgent
)

/** A command's shortcut as people on this platform write it: "Ctrl+Shift+E" or "⇧⌘E". */
export function shortcutLabel(id: CommandId): string | undefined {
  const shortcut = commands.find((c) => c.id === id)?.shortcut
  if (!shortcut) return undefined
  const parts = shortcut.split('+')
  const key = (parts.pop() ?? '').toUpperCase()
  if (isMac) {
    const symbols: Record<string, string> = { cmdorctrl: '⌘', shift: '⇧', alt: '⌥', ctrl: '⌃' }
    const order = ['ctrl', 'alt', 'shift', 'cmdorctrl']
    const mods = parts.map((p) => p.toLowerCase()).sort((a, b) => order.indexOf(a) - order.indexOf(b))
    return mods.map((m) => symbols[m] ?? m).join('') + key
  }
  return [...parts.map((p) => (p.toLowerCase() === 'cmdorctrl' ? 'Ctrl' : p)), key].join('+')
}

/** "New entry (Ctrl+N)": a tooltip that teaches the shortcut. */
export function withShortcut(label: string, id: CommandId): string {
  const shortcut = shortcutLabel(id)
  return shortcut ? `${label} (${shortcut})` : label
}
