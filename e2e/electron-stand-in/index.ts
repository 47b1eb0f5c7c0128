/**
 * What `import … from 'electron'` gets in the booted shell (./register.ts
 * points the specifier here): the stand-in's API, and the test's control
 * channel, started once every piece exists.
 */
import { startControl } from './control'

export {
  BrowserWindow,
  Menu,
  MenuItem,
  Notification,
  Tray,
  app,
  clipboard,
  dialog,
  ipcMain,
  nativeTheme,
  powerMonitor,
  protocol,
  screen,
  session,
  shell
} from './electron'

/** Compile-time: every name offered here is one the real `electron` module exports (a name it lacks fails to compile). */
type NotInElectron = Exclude<keyof typeof import('./index'), keyof typeof import('electron')>
const nothingElectronLacks: Record<NotInElectron, never> = {}
void nothingElectronLacks

startControl()
