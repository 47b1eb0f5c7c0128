import { Notification } from 'electron'
import type { Result } from '@shared/api'
import type { DesktopNotification } from '@shared/contract/relationship'
import type { MissedWhileClosed } from '@shared/contract/rhythm'

/** How often main asks the core what is due; the core decides when (09:00–21:00, once per item per day). */
const POLL_MS = 60_000

type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>

/** What a click or a notification's button asks of the window. */
export type OpenClient = (clientId: string, tab: 'brief' | 'profile') => void

/**
 * Shows the desktop notifications the core says are due. Main only displays
 * them and passes clicks on: every rule about what and when (and what was
 * missed while Rapport was closed) lives in src/core/relationship.
 * A click opens the client; where the platform has buttons (macOS), Open
 * brief, Done and Snooze are offered, and Done and Snooze go to the core.
 */
export function startNotifications(dispatch: Dispatch, open: OpenClient): () => void {
  if (!Notification.isSupported()) return () => undefined
  const show = (item: DesktopNotification): void => {
    const buttons = item.item === undefined ? ['Open brief'] : ['Open brief', 'Done', 'Snooze']
    const notification = new Notification({
      title: item.title,
      body: item.body,
      silent: false,
      actions: buttons.map((text) => ({ type: 'button' as const, text }))
    })
    notification.on('click', () => open(item.clientId, 'profile'))
    notification.on('action', (_event, index) => {
      if (index === 0) return open(item.clientId, 'brief')
      if (item.item !== undefined) void dispatch('notifications:act', { clientId: item.clientId, item: item.item, action: index === 1 ? 'done' : 'snooze' })
    })
    notification.show()
  }
  const poll = async (): Promise<void> => {
    const result = await dispatch('notifications:due', undefined)
    if (result.ok) for (const item of result.value as DesktopNotification[]) show(item)
  }
  // At start, what fell due while Rapport was closed comes once, as one notification; then the regular polls.
  const first = setTimeout(() => {
    void dispatch('notifications:missed', undefined).then((result) => {
      const summary = result.ok ? (result.value as MissedWhileClosed).summary : null
      if (summary) show(summary)
    })
  }, 5_000)
  const timer = setInterval(() => void poll(), POLL_MS)
  return () => {
    clearInterval(timer)
    clearTimeout(first)
  }
}
