import type { RelationshipSettings } from '../../shared/contract/relationship'
import { DEFAULT_DATE_STYLE, dateStyleOf } from '../../shared/dates'
import type { DateStyle } from '../../shared/dates'
import type { Vault } from '../vault/vault'
import { systemTimeZone } from './calendar'
import { relationshipSettings } from './settings'

/** Where the time comes from: the real clock in the app, a fixed one in tests. */
export interface Clock {
  now(): Date
  /** The computer's time zone, used when the user has not chosen one. */
  timeZone(): string
  /** The computer's language, for dates when the user has chosen none; without it, the default style's. */
  locale?(): string
}

export const systemClock: Clock = { now: () => new Date(), timeZone: systemTimeZone, locale: () => Intl.DateTimeFormat().resolvedOptions().locale }

/**
 * The moment and the user's settings (their time zone above all) that every
 * "today", "overdue" and "quiet" is computed from. Taken once per request, so
 * a list of clients is judged at one instant, with the settings read once.
 */
export interface Viewpoint {
  now: Date
  settings: RelationshipSettings
  /** How dates are written for this user: their language, clock and zone (the default style when not given). */
  dates?: DateStyle
}

export function viewpointOf(vault: Vault, clock: Clock = systemClock): Viewpoint {
  const settings = relationshipSettings(vault.settings(), clock.timeZone())
  return { now: clock.now(), settings, dates: dateStyleOf(settings, clock.locale?.() ?? DEFAULT_DATE_STYLE.locale) }
}
