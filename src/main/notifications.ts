import { Notification } from 'electron'
import type { BrowserWindow } from 'electron'
import type { Result } from '@shared/api'
import type { DesktopNotification } from '@shared/contract/relationship'

/** How often main asks the core what is due; the core decides when (09:00–21:00, once per item per day). */
const POLL_MS = 60_000

/**
 * Shows the desktop notifications the core says are due. Main only displays
 * them: every rule about what and when lives in src/core/relationship.
 */
export function startNotifications(
  dispatch: (channel: unknown, input: unknown) => Promise<Result<unknown>>,
  window: () => BrowserWindow | null
): () => void {
  if (!Notification.isSupported()) return () => undefined
  const poll = async (): Promise<void> => {
    const result = await dispatch('notifications:due', undefined)
    if (!result.ok) return
    for (const item of result.value as DesktopNotification[]) {
      const notification = new Notification({ title: item.title, body: item.body, silent: false })
      notification.on('click', () => {
        const w = window()
        if (!w) return
        if (w.isMinimized()) w.restore()
        w.focus()
      })
      notification.show()
    }
  }
  const timer = setInterval(() => void poll(), POLL_MS)
  const first = setTimeout(() => void poll(), 5_000)
  return () => {
    clearInterval(timer)
    clearTimeout(first)
  }
}
