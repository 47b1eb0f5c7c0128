import type { CalendarDay } from './calendar'
import { dayOf } from './calendar'
import type { StoredClient } from './stored-client'

/**
 * Snoozes: a Today item put off until a day, kept in client.json's
 * `snoozes` (`{ "commitment:k_…": "2026-12-10" }`) so the app and the
 * command line agree. An item comes back on its day; an old snooze is
 * harmless and is dropped the next time one is set.
 */
export const snoozeKey = {
  followUp: 'follow-up',
  reachOut: (personId?: string): string => (personId === undefined ? 'reach-out' : `reach-out:${personId}`),
  commitment: (id: string): string => `commitment:${id}`,
  date: (label: string): string => `date:${label}`
} as const

/** The day the item comes back, when it is snoozed beyond `today`. */
export function snoozedUntil(client: StoredClient, key: string, today: CalendarDay, timeZone: string): CalendarDay | null {
  const until = client.snoozes?.[key]
  const day = until === undefined ? null : dayOf(until, timeZone)
  return day !== null && day > today ? day : null
}

/** Snoozes `key` until `until` (or wakes it with null), dropping snoozes that have already ended. */
export function setSnooze(client: StoredClient, key: string, until: CalendarDay | null, today: CalendarDay, timeZone: string): void {
  const kept = Object.entries(client.snoozes ?? {}).filter(([k, day]) => k !== key && (dayOf(day, timeZone) ?? '') > today)
  if (until !== null) kept.push([key, until])
  if (kept.length === 0) delete client.snoozes
  else client.snoozes = Object.fromEntries(kept)
}
