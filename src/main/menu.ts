import { Menu } from 'electron'
import type { MenuItemConstructorOptions } from 'electron'
import type { SendEvent } from '@shared/api'
import { commands } from '@shared/commands'
import type { CommandDeclaration } from '@shared/commands'

/** The application menu, built from the one list of commands; choosing an item runs the command in the renderer. */
export function buildMenu(send: SendEvent): Menu {
  const items = (menu: CommandDeclaration['menu']): MenuItemConstructorOptions[] =>
    commands
      .filter((c) => c.menu === menu)
      .map((c) => ({
        label: c.label,
        ...(c.shortcut ? { accelerator: c.shortcut } : {}),
        // The renderer binds the same shortcuts itself; the menu only shows them, so a key press is not handled twice.
        registerAccelerator: false,
        click: () => send('command:run', { id: c.id })
      }))
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [...items('file'), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        ...items('edit')
      ]
    },
    { label: 'Go', submenu: items('go') },
    {
      label: 'View',
      submenu: [
        ...items('view'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' }
  ]
  return Menu.buildFromTemplate(template)
}
