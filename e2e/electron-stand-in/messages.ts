/**
 * What the test can ask the booted shell's stand-in, and what each answers.
 * Both sides import this, so a request and its answer cannot drift apart.
 * Everything crosses as JSON (the child's IPC channel).
 */
import type { RecordedCall } from './recorder'

export interface Frame {
  /** The URL of the frame the IPC call comes from. */
  url: string
  /** The URL of its parent frame; absent for a top-level frame. */
  parentUrl?: string
}

export interface MenuItemSnapshot {
  label: string
  role: string | null
  type: string
  accelerator: string | null
  registerAccelerator: boolean
  clickable: boolean
  submenu: MenuItemSnapshot[] | null
}

export interface ShellState {
  windows: number
  quitted: boolean
  exitCode: number | null
}

export interface Requests {
  /** Fire `ready`, as Electron does once it has started. */
  ready: { input: null; output: null }
  /** Everything the shell asked of Electron so far. */
  calls: { input: null; output: RecordedCall[] }
  state: { input: null; output: ShellState }
  /** Call the handler main registered for `channel`, as `ipcRenderer.invoke` from `frame` would. */
  invoke: { input: { channel: string; input: unknown; frame: Frame }; output: unknown }
  /** Emit a navigation event on the window's web contents; answers whether a handler prevented it. */
  navigate: { input: { event: 'will-navigate' | 'will-redirect' | 'will-attach-webview'; url: string }; output: { prevented: boolean } }
  /** Ask the window-open handler about `url`, as a link with target=_blank or window.open would. */
  openWindow: { input: { url: string }; output: { action: string } }
  /** A page asks for a permission; answers what the session's handlers said. */
  permission: {
    input: { permission: 'media' | 'geolocation' | 'notifications' | 'clipboard-read' | 'openExternal' }
    output: { requestGranted: boolean | null; checkGranted: boolean | null }
  }
  /** The application menu as set, or null. */
  menu: { input: null; output: MenuItemSnapshot[] | null }
  /** Choose the menu item with this label, wherever it is. */
  chooseMenuItem: { input: { label: string }; output: null }
  /** What the window gets for a URL: through the registered protocol handler, as Chromium would ask it. */
  fetch: { input: { url: string }; output: { status: number; headers: Record<string, string>; bytes: number } }
  /** Quit as ⌘Q / File → Quit does. */
  quit: { input: null; output: null }
  /** Close the window as its close button does. */
  closeWindow: { input: null; output: null }
  /** A power event: the screen locks, the computer sleeps or shuts down. */
  power: { input: { event: 'lock-screen' | 'unlock-screen' | 'suspend' | 'resume' | 'shutdown' }; output: null }
  /** The button the next message box answers with. */
  answerMessageBoxWith: { input: { response: number }; output: null }
  /** The displays attached from now on, the primary first (a monitor plugged in or taken away). */
  attachDisplays: { input: { displays: DisplaySnapshot[] }; output: null }
  /** Move, resize, maximise or make the window full screen, as a person does; answers where it is then. */
  placeWindow: { input: { bounds?: Rect; maximized?: boolean; fullScreen?: boolean }; output: WindowSnapshot }
  /** Where the window is and how it is shown. */
  window: { input: null; output: WindowSnapshot }
}

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface DisplaySnapshot {
  id: number
  bounds: Rect
  workArea: Rect
}

export interface WindowSnapshot {
  bounds: Rect
  normalBounds: Rect
  maximized: boolean
  fullScreen: boolean
  visible: boolean
}

export type RequestName = keyof Requests

export interface RequestMessage<R extends RequestName = RequestName> {
  id: number
  request: R
  input: Requests[R]['input']
}

export type ReplyMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string }

/** Sent once by the child when it answers requests. */
export const LISTENING = 'rapport-stand-in:listening'
