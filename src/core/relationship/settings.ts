import { hourClocks, isKnownLocale } from '../../shared/contract/relationship'
import type { HourClock, RelationshipSettings } from '../../shared/contract/relationship'
import { isValidTimeZone } from './calendar'
import { DEFAULT_REMIND_DAYS_BEFORE } from './important-dates'
import { DEFAULT_QUIET_AFTER_DAYS } from './quiet'

const wholeNumber = (value: unknown, min: number, max: number, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback

/**
 * The relationship settings from `rapport.json`'s `settings`, with defaults.
 * The file may have been edited by hand: a value that does not make sense is
 * replaced by its default rather than stopping the app.
 */
export function relationshipSettings(stored: Readonly<Record<string, unknown>>, systemZone: string): RelationshipSettings {
  const chosen = typeof stored.timeZone === 'string' && isValidTimeZone(stored.timeZone) ? stored.timeZone : null
  return {
    quietAfterDays: wholeNumber(stored.quietAfterDays, 1, 3_650, DEFAULT_QUIET_AFTER_DAYS),
    remindDaysBefore: wholeNumber(stored.remindDaysBefore, 0, 60, DEFAULT_REMIND_DAYS_BEFORE),
    timeZone: chosen ?? systemZone,
    usesSystemTimeZone: chosen === null,
    // The essays' guidance is on unless turned off; empty template sections are dropped unless asked to keep them.
    coaching: stored.coaching !== false,
    keepEmptySections: stored.keepEmptySections === true,
    locale: typeof stored.locale === 'string' && isKnownLocale(stored.locale) ? stored.locale : null,
    clock: hourClocks.find((clock): clock is HourClock => clock === stored.clock) ?? null
  }
}
