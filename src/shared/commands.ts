/**
 * Every user action, declared once: the application menu (main), keyboard
 * shortcuts and the command palette (renderer) and the tests all read this
 * list. The renderer supplies what each command does and when it is enabled.
 *
 * `shortcut` uses Electron's accelerator syntax; `CmdOrCtrl` is Cmd on macOS
 * and Ctrl elsewhere.
 */
export interface CommandDeclaration {
  id: CommandId
  label: string
  shortcut?: string
  /** Which application menu it appears in. */
  menu?: 'file' | 'edit' | 'view' | 'go'
}

export const commandIds = [
  'entry.new',
  'entry.reflection',
  'client.new',
  'client.rename',
  'client.trash',
  'entry.trash',
  'entry.export',
  'entry.history',
  'view.focusClients',
  'view.focusEntries',
  'view.focusEditor',
  'client.stage',
  'client.trust',
  'interaction.add',
  'value.add',
  'entry.commitment',
  'client.brief',
  'app.palette',
  'app.search',
  'vault.export',
  'vault.import',
  'vault.importDayOne',
  'contacts.import',
  'contacts.export',
  'client.people',
  'client.defaultTemplate',
  'vault.lock',
  'vault.security'
] as const
export type CommandId = (typeof commandIds)[number]

export const commands: readonly CommandDeclaration[] = [
  { id: 'entry.new', label: 'New Entry', shortcut: 'CmdOrCtrl+N', menu: 'file' },
  { id: 'entry.reflection', label: 'New Reflection…', shortcut: 'CmdOrCtrl+Shift+N', menu: 'file' },
  { id: 'client.new', label: 'New Client…', shortcut: 'CmdOrCtrl+Shift+C', menu: 'file' },
  { id: 'entry.export', label: 'Export Entry to Markdown…', shortcut: 'CmdOrCtrl+Shift+E', menu: 'file' },
  { id: 'entry.history', label: 'Entry History…', shortcut: 'CmdOrCtrl+Shift+H', menu: 'view' },
  { id: 'client.rename', label: 'Rename Client…', menu: 'edit' },
  { id: 'client.trash', label: 'Move Client to Trash', menu: 'edit' },
  { id: 'entry.trash', label: 'Move Entry to Trash', menu: 'edit' },
  { id: 'view.focusClients', label: 'Go to Clients', shortcut: 'CmdOrCtrl+1', menu: 'go' },
  { id: 'view.focusEntries', label: 'Go to Entries', shortcut: 'CmdOrCtrl+2', menu: 'go' },
  { id: 'view.focusEditor', label: 'Go to Editor', shortcut: 'CmdOrCtrl+3', menu: 'go' },
  { id: 'client.stage', label: 'Change Stage…', shortcut: 'CmdOrCtrl+Shift+G', menu: 'edit' },
  { id: 'client.trust', label: 'Change Trust…', shortcut: 'CmdOrCtrl+Shift+U', menu: 'edit' },
  { id: 'interaction.add', label: 'Log Interaction…', shortcut: 'CmdOrCtrl+Shift+I', menu: 'edit' },
  { id: 'value.add', label: 'Log Value Given…', menu: 'edit' },
  { id: 'entry.commitment', label: 'Make Commitment from Selection…', shortcut: 'CmdOrCtrl+Shift+K', menu: 'edit' },
  { id: 'client.brief', label: 'Open Brief', shortcut: 'CmdOrCtrl+Alt+B', menu: 'go' },
  { id: 'app.palette', label: 'Go to Anything…', shortcut: 'CmdOrCtrl+K', menu: 'go' },
  { id: 'app.search', label: 'Search…', shortcut: 'CmdOrCtrl+Shift+F', menu: 'go' },
  { id: 'vault.export', label: 'Export…', shortcut: 'CmdOrCtrl+Alt+E', menu: 'file' },
  { id: 'vault.import', label: 'Import Markdown…', menu: 'file' },
  { id: 'vault.importDayOne', label: 'Import Day One…', menu: 'file' },
  { id: 'contacts.import', label: 'Import Contacts…', menu: 'file' },
  { id: 'contacts.export', label: 'Export Contacts…', menu: 'file' },
  { id: 'client.people', label: 'Go to People', shortcut: 'CmdOrCtrl+Alt+P', menu: 'go' },
  { id: 'client.defaultTemplate', label: 'Set Default Template…', menu: 'edit' },
  { id: 'vault.lock', label: 'Lock Vault', shortcut: 'CmdOrCtrl+Alt+L', menu: 'file' },
  { id: 'vault.security', label: 'Encryption…', menu: 'file' }
]

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && (commandIds as readonly string[]).includes(value)
}

/** A keyboard event as shortcuts read it. */
interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** An accelerator like `CmdOrCtrl+Shift+N`, taken apart once. */
interface ParsedShortcut {
  key: string
  cmdOrCtrl: boolean
  shift: boolean
  alt: boolean
}

function parseShortcut(shortcut: string): ParsedShortcut {
  const parts = shortcut.split('+')
  const key = parts.pop()?.toLowerCase() ?? ''
  const wants = new Set(parts.map((p) => p.toLowerCase()))
  return { key, cmdOrCtrl: wants.has('cmdorctrl'), shift: wants.has('shift'), alt: wants.has('alt') }
}

function matchesParsed(shortcut: ParsedShortcut, event: KeyPress, isMac: boolean): boolean {
  const primary = isMac ? event.metaKey : event.ctrlKey
  const secondary = isMac ? event.ctrlKey : event.metaKey
  return (
    event.key.toLowerCase() === shortcut.key &&
    primary === shortcut.cmdOrCtrl &&
    !secondary &&
    event.shiftKey === shortcut.shift &&
    event.altKey === shortcut.alt
  )
}

/** Does a keyboard event match an accelerator like `CmdOrCtrl+Shift+N`? `isMac` decides what CmdOrCtrl means. */
export function matchesShortcut(shortcut: string, event: KeyPress, isMac: boolean): boolean {
  return matchesParsed(parseShortcut(shortcut), event, isMac)
}

/**
 * The command whose shortcut a key press is, if any. Every key typed into an
 * entry passes through here, so the shortcuts are parsed once and looked up
 * by key, not parsed and compared one by one for each key.
 */
export function shortcutLookup(isMac: boolean): (event: KeyPress) => CommandDeclaration | undefined {
  const byKey = new Map<string, Array<{ command: CommandDeclaration; shortcut: ParsedShortcut }>>()
  for (const command of commands) {
    if (!command.shortcut) continue
    const shortcut = parseShortcut(command.shortcut)
    byKey.set(shortcut.key, [...(byKey.get(shortcut.key) ?? []), { command, shortcut }])
  }
  return (event) => byKey.get(event.key.toLowerCase())?.find(({ shortcut }) => matchesParsed(shortcut, event, isMac))?.command
}
