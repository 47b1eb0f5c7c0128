import type { RelationshipSettings } from '../../shared/contract/relationship'
import type { Vault } from '../vault/vault'
import { systemTimeZone } from './calendar'
import { relationshipSettings } from './settings'

/** Where the time comes from: the real clock in the app, a fixed one in tests. */
export interface Clock {
  now(): Date
  /** The computer's time zone, used when the user has not chosen one. */
  timeZone(): string
}

export const systemClock: Clock = { now: () => new Date(), timeZone: systemTimeZone }

/**
 * The moment and the user's settings (their time zone above all) that every
 * "today", "overdue" and "quiet" is computed from. Taken once per request, so
 * a list of clients is judged at one instant, with the settings read once.
 */
export interface Viewpoint {
  now: Date
  settings: RelationshipSettings
}

export function viewpointOf(vault: Vault, clock: Clock = systemClock): Viewpoint {
  return { now: clock.now(), settings: relationshipSettings(vault.settings(), clock.timeZone()) }
}
