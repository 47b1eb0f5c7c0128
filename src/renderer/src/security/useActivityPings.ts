import { useEffect } from 'react'
import { call } from '@renderer/platform/api'
import { ACTIVITY_INTERVAL_MS, throttle } from './activity'

/** While `enabled` (an unlocked encrypted vault), tells the core the person is using the window, so it does not lock under them. */
export function useActivityPings(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    const ping = throttle(() => void call('security:activity', undefined).catch(() => undefined), ACTIVITY_INTERVAL_MS)
    const events = ['keydown', 'pointerdown', 'wheel'] as const
    for (const name of events) window.addEventListener(name, ping, { capture: true, passive: true })
    return () => {
      for (const name of events) window.removeEventListener(name, ping, { capture: true })
    }
  }, [enabled])
}
