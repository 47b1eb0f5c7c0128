import { join } from 'node:path'
import { Menu, Tray, app } from 'electron'
import type { Result } from '@shared/api'
import type { ReminderSettings } from '@shared/contract/rhythm'

/** Passed by the login item: start in the tray, without a window. */
export const HIDDEN_FLAG = '--hidden'

type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>

/**
 * Start at login and the tray (menu bar) icon, as Settings say (both off
 * until turned on there). Main only applies the settings the core reads,
 * at start and after each change made in Settings.
 */
export class TrayAndLogin {
  private tray: Tray | null = null
  private settings: ReminderSettings | null = null

  constructor(
    private readonly dispatch: Dispatch,
    private readonly showWindow: () => void
  ) {}

  /** Keep running when the last window closes. */
  get keepRunning(): boolean {
    return this.settings?.keepInTray === true
  }

  async apply(): Promise<void> {
    const result = await this.dispatch('reminders:get', undefined)
    if (!result.ok) return
    const next = result.value as ReminderSettings
    const before = this.settings
    this.settings = next
    // Off is the default and needs nothing done; the login item is touched only when the setting moves.
    if (next.startAtLogin !== (before?.startAtLogin ?? false)) app.setLoginItemSettings({ openAtLogin: next.startAtLogin, args: [HIDDEN_FLAG] })
    if (next.keepInTray && !this.tray) this.tray = this.createTray()
    if (!next.keepInTray && this.tray) {
      this.tray.destroy()
      this.tray = null
    }
  }

  private createTray(): Tray {
    const tray = new Tray(join(__dirname, '../../resources/icon.png'))
    tray.setToolTip('Rapport')
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open Rapport', click: () => this.showWindow() },
        { type: 'separator' },
        { label: 'Quit Rapport', click: () => app.quit() }
      ])
    )
    tray.on('click', () => this.showWindow())
    return tray
  }
}
