import { useEffect, useState } from 'react'
import type { RelationshipSettings } from '@shared/contract/relationship'
import { dateStyle, setDateStyle } from '@shared/dates'
import { call } from '@renderer/platform/api'
import { alignAppClock } from './app-clock'

/**
 * Makes the app's dates follow the settings: the language (the computer's
 * unless one is chosen), the 12/24-hour clock and the user's time zone. The
 * document's `lang` follows too, so what the page says and the date inputs
 * the browser draws agree.
 */
export function applyDateSettings(settings: Pick<RelationshipSettings, 'locale' | 'clock' | 'timeZone'> | null): void {
  setDateStyle({
    locale: settings?.locale ?? navigator.language,
    hour12: settings?.clock ? settings.clock === '12-hour' : undefined,
    ...(settings ? { timeZone: settings.timeZone } : {})
  })
  document.documentElement.lang = dateStyle().locale
}

/**
 * Reads the settings and the core's clock for the vault at `vaultPath`, again
 * whenever another vault opens; the caller re-renders once they are applied.
 * Without a vault (the welcome screen) the computer's language is used.
 */
export function useDateSettings(vaultPath: string | undefined): void {
  const [, setApplied] = useState(0)
  useEffect(() => {
    let current = true
    const sentAt = Date.now()
    Promise.all([call('settings:get', undefined), call('app:now', undefined)]).then(
      ([settings, now]) => {
        if (!current) return
        applyDateSettings(settings)
        // Halfway through the round trip is as near as the core's answer can be placed.
        alignAppClock(now, (sentAt + Date.now()) / 2)
        setApplied((n) => n + 1)
      },
      () => {
        if (!current) return
        applyDateSettings(null)
        setApplied((n) => n + 1)
      }
    )
    return () => {
      current = false
    }
  }, [vaultPath])
}
