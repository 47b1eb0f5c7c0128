import { join } from 'node:path'
import { app, screen } from 'electron'
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { APP_SETTINGS_FILE, AppSettingsFile } from '../core/window/app-settings'
import { rememberWindow, restoredPlacement } from '../core/window/window-bounds'
import type { Display, WindowMemory } from '../core/window/window-bounds'

/** A window being dragged or resized is saved once it has been still this long. */
const SAVE_AFTER_MS = 500

/** The displays there are now, the primary first (a window with nowhere to go is centred on it). */
function currentDisplays(): Display[] {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
  return [primary, ...others].map(({ bounds, workArea }) => ({ bounds, workArea }))
}

export interface WindowState {
  /** The size and place to open a window with (none: Electron's default, centred). */
  options(): Pick<BrowserWindowConstructorOptions, 'x' | 'y' | 'width' | 'height' | 'fullscreen'>
  /** Shows the window as it was left: maximised if it was. */
  show(window: BrowserWindow): void
  /** Remembers the window's size and place once each move or resize has settled. */
  track(window: BrowserWindow): void
  /** Saves the window's size and place now (as it closes: the close waits for it, or the process could end first). */
  save(window: BrowserWindow): Promise<void>
}

/**
 * The window's size and place, restored at the next start from the app's
 * settings (in the user-data folder: they are about this computer's
 * displays, not about a vault). The rule for where a window may open is the
 * core's `restoredPlacement`; this only reads Electron and saves.
 */
export async function loadWindowState(minimum: { width: number; height: number }): Promise<WindowState> {
  const file = new AppSettingsFile(join(app.getPath('userData'), APP_SETTINGS_FILE))
  let memory: WindowMemory = (await file.read()).window ?? {}
  let maximized = false
  let timer: NodeJS.Timeout | undefined

  const save = async (window: BrowserWindow): Promise<void> => {
    clearTimeout(timer)
    if (window.isDestroyed()) return
    const saved = { bounds: window.getNormalBounds(), maximized: window.isMaximized(), fullScreen: window.isFullScreen() }
    memory = rememberWindow(memory, saved, currentDisplays())
    await file.saveWindow(memory).catch((error: unknown) => console.error('[rapport] the window’s size and place could not be saved:', error))
  }

  return {
    options() {
      const placement = restoredPlacement(memory, currentDisplays(), minimum)
      maximized = placement?.maximized ?? false
      return placement ? { ...placement.bounds, fullscreen: placement.fullScreen } : {}
    },
    show(window) {
      // maximize() shows the window too.
      if (maximized) window.maximize()
      window.show()
    },
    track(window) {
      const saveSoon = () => {
        clearTimeout(timer)
        timer = setTimeout(() => void save(window), SAVE_AFTER_MS)
      }
      window.on('resize', saveSoon)
      window.on('move', saveSoon)
      window.on('maximize', saveSoon)
      window.on('unmaximize', saveSoon)
      window.on('enter-full-screen', saveSoon)
      window.on('leave-full-screen', saveSoon)
      window.on('closed', () => clearTimeout(timer))
    },
    save
  }
}
