import { isAbsolute, join, relative, resolve } from 'node:path'
import type { ReminderSettings } from '../../shared/contract/rhythm'
import { calendarDetails } from '../../shared/contract/rhythm'

/** The feed's place when the user has not chosen one: inside the vault, beside rapport.json. */
export const DEFAULT_FEED_FILE = 'rapport.ics'

/**
 * The reminder settings from rapport.json's `settings` (`calendarFeed`,
 * `calendarPath`, `calendarDetail`, `calendarEncryptedAccepted`,
 * `startAtLogin`, `keepInTray`). Everything is off until turned on; a value
 * edited by hand that makes no sense reads as its default.
 */
export function reminderSettings(stored: Readonly<Record<string, unknown>>, root: string, encrypted: boolean): ReminderSettings {
  // Only a .ics file is ever replaced by the feed, whatever a hand edit says.
  const chosen = typeof stored.calendarPath === 'string' && /\.ics$/i.test(stored.calendarPath.trim()) ? stored.calendarPath.trim() : null
  const detail = calendarDetails.find((d) => d === stored.calendarDetail) ?? 'private'
  return {
    calendarFeed: stored.calendarFeed === true,
    calendarPath: feedPath(root, chosen),
    calendarPathChosen: chosen,
    calendarDetail: detail,
    encrypted,
    calendarEncryptedAccepted: stored.calendarEncryptedAccepted === true,
    startAtLogin: stored.startAtLogin === true,
    keepInTray: stored.keepInTray === true
  }
}

/** An absolute path as it is; a relative one is inside the vault. */
export const feedPath = (root: string, chosen: string | null): string =>
  chosen !== null && isAbsolute(chosen) ? chosen : join(root, chosen ?? DEFAULT_FEED_FILE)

export const isInside = (root: string, path: string): boolean => {
  const rel = relative(resolve(root), resolve(path))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * Why the feed is not written now, or null when it is. An encrypted vault's
 * feed is plain text, so it needs the user's yes, and a place outside the
 * vault (inside, it would be sealed like every other file there).
 */
export function feedBlocked(settings: ReminderSettings, root: string): string | null {
  if (!settings.calendarFeed) return 'The calendar feed is off; turn it on in Settings.'
  if (!settings.encrypted) return null
  if (!settings.calendarEncryptedAccepted) return 'This vault is encrypted and the calendar feed is plain text: accept that in Settings first.'
  if (isInside(root, settings.calendarPath))
    return 'In an encrypted vault the calendar feed must be written outside the vault; choose another place in Settings.'
  return null
}
