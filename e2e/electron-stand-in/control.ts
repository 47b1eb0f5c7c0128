/**
 * The child's side of the test: answers the requests in ./messages.ts by
 * doing what Electron would (firing events, calling the handlers the shell
 * registered) and reading back what was recorded.
 */
import type { IpcMainInvokeEvent } from 'electron'
import { BrowserWindow, Menu, StandInEvent, app, attachDisplays, dialogAnswers, fetchThroughProtocol, invokeHandlers, powerMonitor, session } from './electron'
import type { MenuItem } from './electron'
import { LISTENING } from './messages'
import type { MenuItemSnapshot, ReplyMessage, RequestMessage, RequestName, Requests, WindowSnapshot } from './messages'
import { plain, record, recordedCalls } from './recorder'

function snapshot(window: BrowserWindow): WindowSnapshot {
  return {
    bounds: window.getBounds(),
    normalBounds: window.getNormalBounds(),
    maximized: window.isMaximized(),
    fullScreen: window.isFullScreen(),
    visible: window.isVisible()
  }
}

type Answer<R extends RequestName> = (input: Requests[R]['input']) => Promise<Requests[R]['output']> | Requests[R]['output']

function theWindow(): BrowserWindow {
  const window = BrowserWindow.getAllWindows()[0]
  if (!window) throw new Error('The shell has no window open.')
  return window
}

function findMenuItem(items: readonly MenuItem[], label: string): MenuItem | null {
  for (const item of items) {
    if (item.label === label) return item
    const inner = item.submenu ? findMenuItem(item.submenu.items, label) : null
    if (inner) return inner
  }
  return null
}

const answers: { [R in RequestName]: Answer<R> } = {
  ready() {
    app.becomeReady()
    return null
  },
  calls: () => recordedCalls() as Requests['calls']['output'],
  state: () => ({ windows: BrowserWindow.getAllWindows().length, quitted: app.quitted, exitCode: app.exitCode }),

  async invoke({ channel, input, frame }) {
    const handler = invokeHandlers.get(channel)
    // What ipcRenderer.invoke gets from Electron when main has no handler.
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
    const window = BrowserWindow.getAllWindows()[0]
    // The parts of the event the shell reads; Electron's real event carries more (the frame's process, routing ids).
    const event = {
      type: 'frame',
      sender: window?.webContents,
      senderFrame: { url: frame.url, parent: frame.parentUrl ? { url: frame.parentUrl, parent: null } : null },
      frameId: 1,
      processId: 1
    } as unknown as IpcMainInvokeEvent
    return plain(await handler(event, input))
  },

  navigate({ event: name, url }) {
    const event = new StandInEvent()
    if (name === 'will-attach-webview') theWindow().webContents.emit(name, event, {}, { src: url })
    else theWindow().webContents.emit(name, event, url, false, true)
    return { prevented: event.defaultPrevented }
  },
  openWindow({ url }) {
    const handler = theWindow().webContents.windowOpenHandler
    if (!handler) throw new Error('No window-open handler was set: Electron would open the window.')
    const response = handler({ url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: '', policy: 'default' } })
    return { action: response.action }
  },
  async permission({ permission }) {
    const { permissionRequestHandler, permissionCheckHandler } = session.defaultSession
    const contents = theWindow().webContents as unknown as Electron.WebContents
    let requestGranted: boolean | null = null
    if (permissionRequestHandler) {
      requestGranted = await new Promise<boolean>((resolve) =>
        permissionRequestHandler(contents, permission, resolve, { requestingUrl: contents.getURL(), isMainFrame: true } as Electron.PermissionRequest)
      )
    }
    const checkGranted = permissionCheckHandler
      ? permissionCheckHandler(contents, permission, 'app://rapport', {
          requestingUrl: contents.getURL(),
          isMainFrame: true,
          embeddingOrigin: '',
          securityOrigin: 'app://rapport'
        })
      : null
    return { requestGranted, checkGranted }
  },

  menu: () => {
    const menu = Menu.getApplicationMenu()
    return menu ? (plain(menu.items) as MenuItemSnapshot[]) : null
  },
  chooseMenuItem({ label }) {
    const item = findMenuItem(Menu.getApplicationMenu()?.items ?? [], label)
    if (!item) throw new Error(`The application menu has no item '${label}'.`)
    item.choose(BrowserWindow.getAllWindows()[0])
    return null
  },
  async fetch({ url }) {
    const response = await fetchThroughProtocol(url)
    const body = await response.arrayBuffer()
    return { status: response.status, headers: Object.fromEntries(response.headers), bytes: body.byteLength }
  },

  quit() {
    app.quit()
    return null
  },
  closeWindow() {
    theWindow().close()
    return null
  },
  power({ event }) {
    record(`powerMonitor.${event}`)
    // Electron passes `shutdown` an event whose preventDefault delays the shutdown.
    if (event === 'shutdown') powerMonitor.emit(event, new StandInEvent())
    else powerMonitor.emit(event)
    return null
  },
  answerMessageBoxWith({ response }) {
    dialogAnswers.messageBoxResponse = response
    return null
  },
  attachDisplays({ displays }) {
    attachDisplays(displays)
    return null
  },
  placeWindow({ bounds, maximized, fullScreen }) {
    const window = theWindow()
    if (bounds) window.setBounds(bounds)
    if (maximized === true) window.maximize()
    if (maximized === false) window.unmaximize()
    if (fullScreen !== undefined) window.setFullScreen(fullScreen)
    return snapshot(window)
  },
  window: () => snapshot(theWindow())
}

async function answer(message: RequestMessage): Promise<ReplyMessage> {
  try {
    const respond = answers[message.request] as Answer<RequestName>
    return { id: message.id, ok: true, value: (await respond(message.input)) ?? null }
  } catch (error) {
    return { id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
}

/** Answers the test over the child's IPC channel; does nothing when the process was not started by a test. */
export function startControl(): void {
  const send = process.send?.bind(process)
  if (!send) return
  process.on('message', (message: RequestMessage) => void answer(message).then((reply) => send(reply)))
  send(LISTENING)
}
