/**
 * The Electron shell: opens the vault through the core, creates the window,
 * wires the contract to IPC, and provides the native pieces (dialogs, the
 * browser, the menu). Everything else lives in src/core.
 */
import { join } from 'node:path'
import { BrowserWindow, Menu, app, dialog, shell } from 'electron'
import { Vault } from '../core/vault/vault'
import { createDispatch, createHandlers } from '../core/service'
import { resolveVaultPath, vaultFlag } from '../core/vault/vault-path'
import { watchVault } from '../core/vault/watch'
import type { EventName, Events } from '@shared/api'
import { registerIpc } from './ipc'
import { buildMenu } from './menu'
import { startNotifications } from './notifications'
import { hardenApp } from './security'

/** How long a closing window waits for the renderer to save pending edits. */
const FLUSH_TIMEOUT_MS = 3000

let mainWindow: BrowserWindow | null = null
let flushWaiter: (() => void) | null = null

function send<E extends EventName>(event: E, payload: Events[E]): void {
  mainWindow?.webContents.send(event, payload)
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'Rapport',
    backgroundColor: '#00000000',
    icon: join(__dirname, '../../resources/icon.png'),
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true
    }
  })
  window.once('ready-to-show', () => window.show())

  // Ask the renderer to save pending edits before the window goes; close for real once it answers (or after a timeout).
  let flushed = false
  window.on('close', (event) => {
    if (flushed) return
    event.preventDefault()
    const finish = (): void => {
      flushed = true
      flushWaiter = null
      window.close()
    }
    flushWaiter = finish
    setTimeout(finish, FLUSH_TIMEOUT_MS)
    send('app:flush', {})
  })

  if (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void window.loadFile(join(__dirname, '../renderer/index.html'))
  return window
}

async function start(): Promise<void> {
  hardenApp()
  await app.whenReady()
  const root = resolveVaultPath({ flag: vaultFlag(process.argv), documentsDir: app.getPath('documents') })
  let vault: Vault
  try {
    vault = await Vault.open(root)
  } catch (error) {
    dialog.showErrorBox('Rapport cannot open its vault', `${root}\n\n${(error as Error).message}`)
    app.exit(1)
    return
  }

  const dispatch = createDispatch(
    createHandlers(vault, {
      resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
      async chooseSavePath({ title, defaultName, extensions }) {
        const options = { title, defaultPath: join(app.getPath('documents'), defaultName), filters: [{ name: 'Markdown', extensions }] }
        const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
        return result.canceled || !result.filePath ? null : result.filePath
      },
      openExternal: (url) => shell.openExternal(url),
      flushed: () => flushWaiter?.()
    })
  )
  registerIpc(dispatch)

  const stopWatching = watchVault(root, (paths) => {
    void vault.applyChanges(paths).then(() => send('vault:changed', { paths }))
  })
  app.on('will-quit', stopWatching)

  mainWindow = createWindow()
  Menu.setApplicationMenu(buildMenu(mainWindow))
  app.on('will-quit', startNotifications(dispatch, () => mainWindow))
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

app.on('window-all-closed', () => app.quit())
void start()
