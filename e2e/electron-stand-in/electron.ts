/**
 * A stand-in for the `electron` module, for starting the BUILT main process
 * (out/main/index.js) in plain Node where no Electron binary exists
 * (see ./boot.ts and e2e/shell-boot.spec.ts). It stands in for Electron only:
 * the core behind the shell is the real one, on a real folder.
 *
 * Every object records what the shell asks of it (./recorder.ts), and the test
 * fires what Electron would (./control.ts): `ready`, quitting, a screen lock,
 * a navigation, a permission request, an IPC call from a frame.
 *
 * Each piece is declared against Electron's own type definitions (`satisfies`
 * / `implements Pick<Electron.X, …>`, parameters taken from Electron's
 * signatures), so a stand-in that drifts from the real API fails to compile.
 * Where Electron throws (a second handler for a channel, a window before
 * `ready`, a privileged scheme after it, a menu item with nothing to show),
 * the stand-in throws the same, so the boot fails here as it would there.
 */
import { EventEmitter } from 'node:events'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as Electron from 'electron'
import { isReady, markReady, record } from './recorder'

// ---------------------------------------------------------------------------
// Events

/** Electron's cancellable event: the object its listeners receive first. */
export class StandInEvent implements Electron.Event {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

// ---------------------------------------------------------------------------
// app

const home = process.env.RAPPORT_STAND_IN_HOME ?? process.cwd()
type PathName = Parameters<Electron.App['getPath']>[0]

let resolveReady: () => void = () => undefined
const readyPromise = new Promise<void>((resolve) => {
  resolveReady = resolve
})

class StandInApp
  extends EventEmitter
  implements
    Pick<Electron.App, 'isPackaged' | 'whenReady' | 'isReady' | 'getPath' | 'getAppPath' | 'getName' | 'getVersion' | 'quit' | 'exit' | 'setLoginItemSettings'>
{
  readonly isPackaged = false
  /** Set once `quit` has run to the end (Electron would end the process there; the stand-in stays for the test to read). */
  quitted = false
  exitCode: number | null = null
  #quitting = false

  whenReady(): Promise<void> {
    return readyPromise
  }
  isReady(): boolean {
    return isReady()
  }
  getPath(name: PathName): string {
    return join(home, name)
  }
  setLoginItemSettings(settings: Electron.Settings): void {
    record('app.setLoginItemSettings', settings)
  }
  /** `electron .` in the checkout: the folder with package.json. */
  getAppPath(): string {
    return process.env.RAPPORT_STAND_IN_APP_PATH ?? process.cwd()
  }
  getName(): string {
    return 'Rapport'
  }
  getVersion(): string {
    return '0.0.0-stand-in'
  }

  /** Fired by the test: what Electron does once it has started. */
  becomeReady(): void {
    markReady()
    this.emit('ready', new StandInEvent(), {})
    resolveReady()
  }

  /**
   * Electron's order: `before-quit`, then every window is asked to close; a
   * window that refuses cancels the quit. Once all are closed: `will-quit`,
   * `quit`. (`window-all-closed` is not emitted while quitting.)
   */
  quit(): void {
    record('app.quit')
    if (this.quitted) return
    const beforeQuit = new StandInEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    this.#quitting = true
    try {
      for (const window of BrowserWindow.getAllWindows()) window.close()
    } finally {
      this.#quitting = false
    }
    if (BrowserWindow.getAllWindows().length > 0) return record('app.quit-cancelled')
    const willQuit = new StandInEvent()
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) return record('app.quit-cancelled')
    this.quitted = true
    this.emit('quit', new StandInEvent(), 0)
    record('app.quitted')
  }
  exit(exitCode = 0): void {
    record('app.exit', exitCode)
    this.exitCode = exitCode
    this.quitted = true
  }

  /** Whether a window's close is part of quitting (then `window-all-closed` is not emitted). */
  get quitting(): boolean {
    return this.#quitting
  }
}

export const app = new StandInApp()

// ---------------------------------------------------------------------------
// Windows and their web contents

let nextId = 1

type WindowOpenHandler = Parameters<Electron.WebContents['setWindowOpenHandler']>[0]

export class WebContents
  extends EventEmitter
  implements Pick<Electron.WebContents, 'id' | 'send' | 'setWindowOpenHandler' | 'printToPDF' | 'getURL' | 'isDestroyed'>
{
  readonly id = nextId++
  windowOpenHandler: WindowOpenHandler | null = null
  #url = ''
  #destroyed = false

  send(channel: string, ...args: unknown[]): void {
    record('webContents.send', channel, ...args)
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    record('webContents.setWindowOpenHandler', handler)
    this.windowOpenHandler = handler
  }
  async printToPDF(options: Electron.PrintToPDFOptions): Promise<Buffer> {
    record('webContents.printToPDF', options)
    return Buffer.from('%PDF-1.7 stand-in\n')
  }
  getURL(): string {
    return this.#url
  }
  isDestroyed(): boolean {
    return this.#destroyed
  }

  /** Loads a page as Electron would: an app scheme through its registered handler, nothing from the network. */
  async load(url: string): Promise<void> {
    const response = await fetchThroughProtocol(url)
    record('webContents.loaded', url, response.status)
    if (response.status !== 200) {
      this.emit('did-fail-load', new StandInEvent(), -6, 'ERR_FILE_NOT_FOUND', url)
      throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`)
    }
    this.#url = url
    this.emit('did-finish-load', new StandInEvent())
  }
  destroy(): void {
    this.#destroyed = true
    this.emit('destroyed', new StandInEvent())
  }
  toJSON(): unknown {
    return { standIn: 'WebContents', id: this.id }
  }
}

const openWindows = new Set<BrowserWindow>()

export class BrowserWindow
  extends EventEmitter
  implements
    Pick<
      Electron.BrowserWindow,
      | 'id'
      | 'loadURL'
      | 'show'
      | 'close'
      | 'destroy'
      | 'isDestroyed'
      | 'focus'
      | 'isMinimized'
      | 'restore'
      | 'isVisible'
      | 'getBounds'
      | 'getNormalBounds'
      | 'setBounds'
      | 'isMaximized'
      | 'maximize'
      | 'unmaximize'
      | 'isFullScreen'
      | 'setFullScreen'
    >
{
  readonly id: number
  readonly webContents = new WebContents()
  readonly options: Electron.BrowserWindowConstructorOptions
  #visible = false
  #destroyed = false
  #bounds: Electron.Rectangle
  #maximized = false
  #fullScreen: boolean

  static getAllWindows(): BrowserWindow[] {
    return [...openWindows]
  }

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    if (!isReady()) throw new Error('Cannot create BrowserWindow before app is ready')
    super()
    this.id = this.webContents.id
    this.options = options
    // As Electron places a window: where the options say, else centred on the primary display.
    const width = options.width ?? 800
    const height = options.height ?? 600
    const area = screen.getPrimaryDisplay().workArea
    this.#bounds = {
      x: options.x ?? area.x + Math.round((area.width - width) / 2),
      y: options.y ?? area.y + Math.round((area.height - height) / 2),
      width,
      height
    }
    this.#fullScreen = options.fullscreen ?? false
    record('new BrowserWindow', options)
    openWindows.add(this)
    app.emit('web-contents-created', new StandInEvent(), this.webContents)
  }

  async loadURL(url: string, options?: Electron.LoadURLOptions): Promise<void> {
    record('BrowserWindow.loadURL', url, options)
    await this.webContents.load(url)
    if (this.options.show === false) setImmediate(() => this.emit('ready-to-show', new StandInEvent()))
  }
  show(): void {
    record('BrowserWindow.show')
    this.#visible = true
  }
  isVisible(): boolean {
    return this.#visible
  }
  /** As in Electron: `close` can be prevented; otherwise the window goes, and with the last one `window-all-closed`. */
  close(): void {
    record('BrowserWindow.close')
    if (this.#destroyed) return
    const event = new StandInEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return record('BrowserWindow.close-prevented')
    this.destroy()
  }
  destroy(): void {
    if (this.#destroyed) return
    this.#destroyed = true
    openWindows.delete(this)
    record('BrowserWindow.closed')
    this.emit('closed')
    this.webContents.destroy()
    if (openWindows.size === 0 && !app.quitting) {
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed')
      else app.quit()
    }
  }
  isDestroyed(): boolean {
    return this.#destroyed
  }
  focus(): void {
    record('BrowserWindow.focus')
  }
  isMinimized(): boolean {
    return false
  }
  restore(): void {
    record('BrowserWindow.restore')
  }

  // Size and place: the bounds a person leaves the window at (moving and resizing emit what Electron emits).
  getBounds(): Electron.Rectangle {
    return this.#maximized ? { ...screen.getPrimaryDisplay().workArea } : { ...this.#bounds }
  }
  getNormalBounds(): Electron.Rectangle {
    return { ...this.#bounds }
  }
  setBounds(bounds: Partial<Electron.Rectangle>): void {
    record('BrowserWindow.setBounds', bounds)
    const before = this.#bounds
    this.#bounds = { ...before, ...bounds }
    if (this.#bounds.x !== before.x || this.#bounds.y !== before.y) this.emit('move', new StandInEvent())
    if (this.#bounds.width !== before.width || this.#bounds.height !== before.height) this.emit('resize', new StandInEvent())
  }
  isMaximized(): boolean {
    return this.#maximized
  }
  /** As in Electron, maximising also shows the window. */
  maximize(): void {
    record('BrowserWindow.maximize')
    this.#visible = true
    if (this.#maximized) return
    this.#maximized = true
    this.emit('maximize', new StandInEvent())
  }
  unmaximize(): void {
    record('BrowserWindow.unmaximize')
    if (!this.#maximized) return
    this.#maximized = false
    this.emit('unmaximize', new StandInEvent())
  }
  isFullScreen(): boolean {
    return this.#fullScreen
  }
  setFullScreen(flag: boolean): void {
    record('BrowserWindow.setFullScreen', flag)
    if (this.#fullScreen === flag) return
    this.#fullScreen = flag
    this.emit(flag ? 'enter-full-screen' : 'leave-full-screen', new StandInEvent())
  }
  toJSON(): unknown {
    return { standIn: 'BrowserWindow', id: this.id }
  }
}

// ---------------------------------------------------------------------------
// screen: the displays the test says are attached (one 1920×1080 display until it says otherwise)

type StandInDisplay = Pick<Electron.Display, 'id' | 'bounds' | 'workArea'>

let displays: StandInDisplay[] = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }]

/** Sets the displays (the first is the primary), as plugging in or taking away a monitor does. */
export function attachDisplays(next: StandInDisplay[]): void {
  if (next.length === 0) throw new Error('Electron always reports at least one display.')
  displays = next
}

export const screen = {
  getAllDisplays(): Electron.Display[] {
    if (!isReady()) throw new Error("The 'screen' module can't be used before the app 'ready' event")
    return displays.map((display) => ({ ...display }) as Electron.Display)
  },
  getPrimaryDisplay(): Electron.Display {
    if (!isReady()) throw new Error("The 'screen' module can't be used before the app 'ready' event")
    return { ...displays[0] } as Electron.Display
  }
} satisfies Pick<Electron.Screen, 'getAllDisplays' | 'getPrimaryDisplay'>

// ---------------------------------------------------------------------------
// ipcMain

type InvokeListener = Parameters<Electron.IpcMain['handle']>[1]
export const invokeHandlers = new Map<string, InvokeListener>()

class StandInIpcMain extends EventEmitter implements Pick<Electron.IpcMain, 'handle' | 'handleOnce' | 'removeHandler'> {
  handle(channel: string, listener: InvokeListener): void {
    record('ipcMain.handle', channel, listener)
    // Electron's own error, word for word.
    if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    invokeHandlers.set(channel, listener)
  }
  handleOnce(channel: string, listener: InvokeListener): void {
    this.handle(channel, listener)
  }
  removeHandler(channel: string): void {
    record('ipcMain.removeHandler', channel)
    invokeHandlers.delete(channel)
  }
}

export const ipcMain = new StandInIpcMain()

// ---------------------------------------------------------------------------
// protocol and session

type ProtocolHandler = Parameters<Electron.Protocol['handle']>[1]
const protocolHandlers = new Map<string, ProtocolHandler>()

export const protocol = {
  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    record('protocol.registerSchemesAsPrivileged', customSchemes)
    if (isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    record('protocol.handle', scheme, handler)
    // The handlers belong to the default session, which exists only once the app is ready.
    if (!isReady()) throw new Error('protocol.handle cannot be used before the app is ready')
    protocolHandlers.set(scheme, handler)
  },
  isProtocolHandled(scheme: string): boolean {
    return protocolHandlers.has(scheme)
  },
  unhandle(scheme: string): void {
    record('protocol.unhandle', scheme)
    protocolHandlers.delete(scheme)
  }
} satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'isProtocolHandled' | 'unhandle'>

/** What the window would get for `url`: a custom scheme through its handler, a file from disk, and no network at all. */
export async function fetchThroughProtocol(url: string): Promise<Response> {
  const scheme = new URL(url).protocol.replace(/:$/, '')
  const handler = protocolHandlers.get(scheme)
  if (handler) return handler(new Request(url))
  if (scheme === 'file') {
    try {
      return new Response(new Uint8Array(await readFile(fileURLToPath(url))))
    } catch {
      return new Response(null, { status: 404 })
    }
  }
  return new Response(null, { status: 502, statusText: `the stand-in makes no ${scheme}: request` })
}

type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0]
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0]

class StandInSession
  extends EventEmitter
  implements Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setSpellCheckerEnabled' | 'isSpellCheckerEnabled'>
{
  permissionRequestHandler: PermissionRequestHandler = null
  permissionCheckHandler: PermissionCheckHandler = null
  #spellChecker = true

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    record('session.setPermissionRequestHandler', handler)
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    record('session.setPermissionCheckHandler', handler)
    this.permissionCheckHandler = handler
  }
  setSpellCheckerEnabled(enable: boolean): void {
    record('session.setSpellCheckerEnabled', enable)
    this.#spellChecker = enable
  }
  isSpellCheckerEnabled(): boolean {
    return this.#spellChecker
  }
}

const defaultSession = new StandInSession()

export const session = {
  /** Electron throws when the default session is asked for before `ready`. */
  get defaultSession(): StandInSession {
    if (!isReady()) throw new Error('Session can only be received when app is ready')
    return defaultSession
  }
}

// ---------------------------------------------------------------------------
// Menus

type MenuTemplate = Parameters<typeof Electron.Menu.buildFromTemplate>[0]
type MenuItemOptions = Electron.MenuItemConstructorOptions

export class MenuItem implements Pick<Electron.MenuItem, 'label' | 'accelerator' | 'registerAccelerator' | 'enabled' | 'visible'> {
  label: string
  role: MenuItemOptions['role'] | undefined
  type: NonNullable<MenuItemOptions['type']>
  accelerator: string | null
  registerAccelerator: boolean
  enabled: boolean
  visible: boolean
  submenu: Menu | undefined
  readonly #click: MenuItemOptions['click']

  constructor(options: MenuItemOptions) {
    this.label = options.label ?? ''
    this.role = options.role
    this.accelerator = options.accelerator ?? null
    this.registerAccelerator = options.registerAccelerator ?? true
    this.enabled = options.enabled ?? true
    this.visible = options.visible ?? true
    this.#click = options.click
    const submenu = options.submenu
    this.submenu = submenu === undefined ? undefined : submenu instanceof Menu ? submenu : Menu.buildFromTemplate(submenu as MenuTemplate)
    this.type = options.type ?? (this.submenu ? 'submenu' : 'normal')
    if (this.type === 'submenu' && !this.submenu && !this.role) throw new Error('Invalid submenu')
  }

  /** What Electron does when the person chooses the item (the stand-in item and window in place of Electron's). */
  choose(window: BrowserWindow | undefined): void {
    this.#click?.(this as unknown as Electron.MenuItem, window as unknown as Electron.BrowserWindow, {
      shiftKey: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      triggeredByAccelerator: false
    })
  }
  toJSON(): unknown {
    return {
      label: this.label,
      role: this.role ?? null,
      type: this.type,
      accelerator: this.accelerator,
      registerAccelerator: this.registerAccelerator,
      clickable: this.#click !== undefined,
      submenu: this.submenu?.items ?? null
    }
  }
}

let applicationMenu: Menu | null = null

export class Menu extends EventEmitter implements Pick<Electron.Menu, 'append'> {
  readonly items: MenuItem[] = []

  /** Electron's checks: an array, and each item has a label, a role or a separator's type. */
  static buildFromTemplate(template: MenuTemplate): Menu {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array')
    const valid = template.every(
      (item) => item != null && typeof item === 'object' && (Object.hasOwn(item, 'label') || Object.hasOwn(item, 'role') || item.type === 'separator')
    )
    if (!valid) throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type')
    const menu = new Menu()
    for (const item of template) menu.items.push(item instanceof MenuItem ? item : new MenuItem(item as MenuItemOptions))
    return menu
  }
  static setApplicationMenu(menu: Menu | null): void {
    record('Menu.setApplicationMenu', menu)
    applicationMenu = menu
  }
  static getApplicationMenu(): Menu | null {
    return applicationMenu
  }
  append(menuItem: Electron.MenuItem): void {
    this.items.push(menuItem as unknown as MenuItem)
  }
  toJSON(): unknown {
    return { standIn: 'Menu', items: this.items }
  }
}

// ---------------------------------------------------------------------------
// Tray and notifications

export class Tray extends EventEmitter implements Pick<Electron.Tray, 'setToolTip' | 'setTitle' | 'destroy' | 'isDestroyed'> {
  #destroyed = false
  constructor(image: Electron.NativeImage | string, guid?: string) {
    if (!isReady()) throw new Error('Cannot create Tray before app is ready')
    super()
    record('new Tray', typeof image === 'string' ? image : '[NativeImage]', guid)
  }
  setToolTip(toolTip: string): void {
    record('Tray.setToolTip', toolTip)
  }
  setTitle(title: string, options?: Electron.TitleOptions): void {
    record('Tray.setTitle', title, options)
  }
  setContextMenu(menu: Menu | null): void {
    record('Tray.setContextMenu', menu)
  }
  destroy(): void {
    record('Tray.destroy')
    this.#destroyed = true
  }
  isDestroyed(): boolean {
    return this.#destroyed
  }
}

export class Notification extends EventEmitter implements Pick<Electron.Notification, 'show' | 'close' | 'title' | 'body' | 'silent'> {
  title: string
  body: string
  silent: boolean
  static isSupported(): boolean {
    return true
  }
  constructor(options: Electron.NotificationConstructorOptions = {}) {
    super()
    record('new Notification', options)
    this.title = options.title ?? ''
    this.body = options.body ?? ''
    this.silent = options.silent ?? false
  }
  show(): void {
    record('Notification.show', this.title)
  }
  close(): void {
    record('Notification.close', this.title)
  }
}

// ---------------------------------------------------------------------------
// Dialogs, the browser, the clipboard

/** The button the next message box answers with (the test sets it); 0 is the default button. */
export const dialogAnswers = { messageBoxResponse: 0 }

type DialogWith<Options> = [window: Electron.BaseWindow, options: Options] | [options: Options]
const optionsOf = <Options>(args: DialogWith<Options>): Options => (args.length === 2 ? args[1] : args[0])

export const dialog = {
  async showMessageBox(...args: DialogWith<Electron.MessageBoxOptions>): Promise<Electron.MessageBoxReturnValue> {
    record('dialog.showMessageBox', optionsOf(args))
    return { response: dialogAnswers.messageBoxResponse, checkboxChecked: false }
  },
  async showSaveDialog(...args: DialogWith<Electron.SaveDialogOptions>): Promise<Electron.SaveDialogReturnValue> {
    record('dialog.showSaveDialog', optionsOf(args))
    return { canceled: true, filePath: '' }
  },
  async showOpenDialog(...args: DialogWith<Electron.OpenDialogOptions>): Promise<Electron.OpenDialogReturnValue> {
    record('dialog.showOpenDialog', optionsOf(args))
    return { canceled: true, filePaths: [] }
  },
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', title, content)
  }
} satisfies Pick<Electron.Dialog, 'showMessageBox' | 'showSaveDialog' | 'showOpenDialog' | 'showErrorBox'>

export const shell = {
  async openExternal(url: string, options?: Electron.OpenExternalOptions): Promise<void> {
    record('shell.openExternal', url, options)
  },
  async openPath(path: string): Promise<string> {
    record('shell.openPath', path)
    return ''
  },
  showItemInFolder(fullPath: string): void {
    record('shell.showItemInFolder', fullPath)
  }
} satisfies Pick<Electron.Shell, 'openExternal' | 'openPath' | 'showItemInFolder'>

let clipboardText = ''
export const clipboard = {
  writeText(text: string, type?: 'selection' | 'clipboard'): void {
    record('clipboard.writeText', text, type)
    clipboardText = text
  },
  readText(_type?: 'selection' | 'clipboard'): string {
    return clipboardText
  }
} satisfies Pick<Electron.Clipboard, 'writeText' | 'readText'>

// ---------------------------------------------------------------------------
// The system: power and theme

class StandInPowerMonitor extends EventEmitter implements Pick<Electron.PowerMonitor, 'getSystemIdleTime' | 'isOnBatteryPower'> {
  getSystemIdleTime(): number {
    return 0
  }
  isOnBatteryPower(): boolean {
    return false
  }
}
export const powerMonitor = new StandInPowerMonitor()

class StandInNativeTheme extends EventEmitter implements Pick<Electron.NativeTheme, 'shouldUseDarkColors' | 'shouldUseHighContrastColors' | 'themeSource'> {
  shouldUseDarkColors = false
  shouldUseHighContrastColors = false
  themeSource: Electron.NativeTheme['themeSource'] = 'system'
}
export const nativeTheme = new StandInNativeTheme()
