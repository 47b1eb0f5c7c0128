/**
 * The Electron shell: opens the vault through the core, creates the window,
 * wires the contract to IPC, and provides the native pieces (dialogs, the
 * browser, the menu). Everything else lives in src/core.
 */
import { join } from 'node:path'
import { BrowserWindow, Menu, app, clipboard, dialog, powerMonitor, shell } from 'electron'
import { createDispatch } from '../core/service'
import { VaultSession } from '../core/session/vault-session'
import { resolveVaultPath, vaultFlag } from '../core/vault/vault-path'
import type { EventName, Events } from '@shared/api'
import type { ShellPorts } from '../core/shell-ports'
import { APP_INDEX_URL } from './app-protocol'
import { checksSpelling } from './spelling'
import { registerIpc } from './ipc'
import { buildMenu } from './menu'
import { vaultDateLanguage } from './date-language'
import { startNotifications } from './notifications'
import { hardenApp, serveVaultImages } from './security'
import { readVaultImage } from '../core/attachments/vault-image'
import { HIDDEN_FLAG, TrayAndLogin } from './tray'
import { loadWindowState } from './window-state'
import type { WindowState } from './window-state'

/** How long a closing window waits for the renderer to save pending edits. */
const FLUSH_TIMEOUT_MS = 3000
/** The smallest window the layout is made for. */
const MINIMUM_SIZE = { width: 760, height: 480 }

let mainWindow: BrowserWindow | null = null
type FlushOutcome = { saved: boolean; problem?: string | undefined }
let flushWaiter: ((outcome: FlushOutcome) => void) | null = null

/** Asks the renderer to save every pending edit and waits for its answer (or a timeout). */
function saveEverything(): Promise<FlushOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish({ saved: false }), FLUSH_TIMEOUT_MS)
    function finish(outcome: FlushOutcome): void {
      clearTimeout(timer)
      flushWaiter = null
      resolve(outcome)
    }
    flushWaiter = finish
    send('app:flush', {})
  })
}

function send<E extends EventName>(event: E, payload: Events[E]): void {
  mainWindow?.webContents.send(event, payload)
}

function createWindow(windowState: WindowState): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    // Where and how large it was last time, on a display that is there now.
    ...windowState.options(),
    minWidth: MINIMUM_SIZE.width,
    minHeight: MINIMUM_SIZE.height,
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
      spellcheck: checksSpelling()
    }
  })
  window.once('ready-to-show', () => windowState.show(window))
  windowState.track(window)

  // Ask the renderer to save pending edits before the window goes. If it could not (a full disk, say),
  // the person decides: closing would lose the text that is still on screen.
  let closing = false
  window.on('close', (event) => {
    if (closing) return
    event.preventDefault()
    // The window's size and place too: once the window is gone the process may end before a later write.
    void Promise.all([saveEverything(), windowState.save(window)]).then(async ([outcome]) => {
      if (!outcome.saved) {
        const { response } = await dialog.showMessageBox(window, {
          type: 'warning',
          buttons: ['Keep Rapport Open', 'Close Without Saving'],
          defaultId: 0,
          cancelId: 0,
          message: 'Your latest changes are not saved.',
          detail: `${outcome.problem ?? 'The window did not answer in time.'}\n\nKeep Rapport open to try again; your text is still there.`
        })
        if (response === 0) return
      }
      closing = true
      window.close()
    })
  })

  if (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL)
  // Never file://: there, the page's 'self' is the whole disk (see app-protocol.ts).
  else void window.loadURL(APP_INDEX_URL)
  return window
}

async function start(): Promise<void> {
  hardenApp()
  const root = resolveVaultPath({ flag: vaultFlag(process.argv), documentsDir: app.getPath('documents') })
  // Before ready: Chromium's own date inputs take the app's language from this switch only.
  const dateLanguage = vaultDateLanguage(root)
  if (dateLanguage) app.commandLine.appendSwitch('lang', dateLanguage)
  await app.whenReady()
  const shellPorts: ShellPorts = {
    resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
    async chooseSavePath({ title, defaultName, extensions }) {
      const options = {
        title,
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [{ name: extensions.includes('pdf') ? 'PDF' : 'Markdown', extensions }]
      }
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseFolder({ title, buttonLabel }) {
      const options: Electron.OpenDialogOptions = {
        title,
        buttonLabel,
        defaultPath: app.getPath('documents'),
        properties: ['openDirectory', 'createDirectory']
      }
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseFiles({ title, buttonLabel, extensions }) {
      const options: Electron.OpenDialogOptions = {
        title,
        buttonLabel,
        defaultPath: app.getPath('documents'),
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: extensions.includes('zip') ? 'Zip archive' : 'Markdown', extensions }]
      }
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
    },
    openExternal: (url) => shell.openExternal(url),
    openPath: async (path) => {
      const problem = await shell.openPath(path)
      if (problem) throw new Error(problem)
    },
    flushed: (outcome) => flushWaiter?.(outcome),
    emit: send,
    async printPageToPdf() {
      if (!mainWindow) throw new Error('There is no window to print.')
      return mainWindow.webContents.printToPDF({ pageSize: 'A4', printBackground: false, margins: { marginType: 'default' } })
    },
    copyText: async (text) => clipboard.writeText(text)
  }
  let session: VaultSession
  try {
    // An encrypted vault starts locked (the window shows the lock screen). A plain one opens at once: the client
    // list as soon as the clients are read, entries in the background; the session watches the disk and, once
    // every entry is read, tells the window and builds the search index.
    session = await VaultSession.start(root, {
      shell: shellPorts,
      entries: 'background',
      watch: true,
      window: true,
      onReadFailed: (error) => dialog.showErrorBox('Rapport could not read every entry', `${root}\n\n${error.message}`)
    })
  } catch (error) {
    dialog.showErrorBox('Rapport cannot open its vault', `${root}\n\n${(error as Error).message}`)
    app.exit(1)
    return
  }
  const dispatch = createDispatch(session.handlers)

  // Quitting forgets the key and stops the watcher.
  app.on('will-quit', () => session.close())
  // Locking the computer or putting it to sleep locks an encrypted vault too (once the window has saved).
  const lockWithSystem = () => {
    if (session.status().encrypted) void saveEverything().then(async (outcome) => void (outcome.saved && (await session.lock())))
  }
  powerMonitor.on('lock-screen', lockWithSystem)
  powerMonitor.on('suspend', lockWithSystem)

  // A system shutdown (Linux, macOS) does not close windows the usual way: save first, then quit.
  // On Windows the window's own close handler runs at session end.
  // (Electron passes an event whose preventDefault delays the shutdown; its typings leave it out.)
  powerMonitor.on('shutdown', (event?: { preventDefault(): void }) => {
    event?.preventDefault()
    void saveEverything().finally(() => app.quit())
  })

  const windowState = await loadWindowState(MINIMUM_SIZE)
  // The window comes and goes (closed to the tray, opened again from it); the session stays.
  const showWindow = (): BrowserWindow => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
      return mainWindow
    }
    const window = createWindow(windowState)
    mainWindow = window
    Menu.setApplicationMenu(buildMenu(send))
    window.on('closed', () => {
      mainWindow = null
    })
    return window
  }
  const trayAndLogin = new TrayAndLogin(dispatch, () => void showWindow())
  await trayAndLogin.apply()
  // A change in Settings takes effect at once: main applies the settings the core has just saved.
  registerIpc(async (channel, input) => {
    const result = await dispatch(channel, input)
    if (channel === 'reminders:update' && result.ok) await trayAndLogin.apply()
    return result
  })
  // While the vault is locked there is no vault to read: nothing is shown.
  serveVaultImages(async (pathname) => (session.locked ? null : readVaultImage(session.vault, pathname)))
  keepRunning = () => trayAndLogin.keepRunning
  // Started at login into the tray: no window until the person asks for one.
  if (!(process.argv.includes(HIDDEN_FLAG) && trayAndLogin.keepRunning)) showWindow()
  const openClient = (clientId: string, tab: 'brief' | 'profile'): void => {
    const window = showWindow()
    const tell = () => send('client:open', { clientId, tab })
    if (window.webContents.isLoading()) window.webContents.once('did-finish-load', tell)
    else tell()
  }
  app.on('will-quit', startNotifications(dispatch, openClient))
}

/** Set once the vault is open: true while Settings keep Rapport in the tray. */
let keepRunning = (): boolean => false
app.on('window-all-closed', () => {
  if (!keepRunning()) app.quit()
})
void start()
