/**
 * The relationship's rhythm (issue #16): keep-in-touch cadences, occurrences
 * of recurring commitments, snoozes on Today, and the reminders that reach the
 * user when Rapport is closed (the calendar feed, the tray and login).
 */
import { z } from 'zod'
import { occurrenceStatuses } from '../domain'
import type { ClientDetail, Commitment, DesktopNotification } from './relationship'
import { id, returns } from './define'

/** What can be snoozed, as client.json's `snoozes` names it. */
const snoozeKey = z
  .string()
  .max(300)
  .regex(/^(follow-up|reach-out(:[^\s]+)?|commitment:[^\s]+|date:.+)$/, 'must be follow-up, reach-out[:<person id>], commitment:<id> or date:<label>')
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-12-10')

export const calendarDetails = ['full', 'private'] as const
export type CalendarDetail = (typeof calendarDetails)[number]

export interface ReminderSettings {
  /** The iCalendar feed is written on every change. */
  calendarFeed: boolean
  /** Where it is written: an absolute path, or one relative to the vault. */
  calendarPath: string
  /** The path chosen in rapport.json; null: the default, `rapport.ics` in the vault. */
  calendarPathChosen: string | null
  /** `full`: the client's name and what was promised; `private`: "Rapport: follow up with a client". */
  calendarDetail: CalendarDetail
  /** The vault is encrypted: the feed is plain text, so it is written only after the user accepted that. */
  encrypted: boolean
  calendarEncryptedAccepted: boolean
  /** Start Rapport at login, hidden in the tray/menu bar. */
  startAtLogin: boolean
  /** Keep running in the tray when the window closes, so desktop notifications arrive on time. */
  keepInTray: boolean
}

export const reminderSettingsPatch = z.strictObject({
  calendarFeed: z.boolean().optional(),
  /** Only a `.ics` file: the feed replaces what is there, so it must not be pointed at anything else. */
  calendarPath: z
    .string()
    .trim()
    .min(1)
    .max(1_000)
    .regex(/\.ics$/i, 'The feed file must end in .ics.')
    .nullable()
    .optional(),
  calendarDetail: z.enum(calendarDetails).optional(),
  calendarEncryptedAccepted: z.boolean().optional(),
  startAtLogin: z.boolean().optional(),
  keepInTray: z.boolean().optional()
})

/** What the shell shows once at start: what fell due while Rapport was closed, said in one notification, not a burst. */
export interface MissedWhileClosed {
  /** Null when nothing was missed (or this is the first start). */
  summary: DesktopNotification | null
}

export const rhythmContract = {
  /** Sets (`"2 weeks"`, `"monthly"`…) or removes (`null`) the cadence of a client, or of one of its people. */
  'cadence:set': {
    input: z.object({ clientId: id, personId: id.optional(), cadence: z.string().trim().min(1).max(100).nullable() }),
    output: returns<ClientDetail>()
  },
  /** Marks one occurrence of a recurring commitment done or skipped; the next one is then the one waiting. */
  'commitments:occurrence': {
    input: z.object({ clientId: id, id, on: z.string().max(40), status: z.enum(occurrenceStatuses), note: z.string().max(2_000).optional() }),
    output: returns<{ commitment: Commitment; client: ClientDetail }>()
  },
  /** Puts a Today item off until a day (`null` brings it back now). Keys as in client.json's `snoozes`. */
  'today:snooze': { input: z.object({ clientId: id, key: snoozeKey, until: day.nullable() }), output: returns<void>() },
  'reminders:get': { input: z.void(), output: returns<ReminderSettings>() },
  'reminders:update': { input: reminderSettingsPatch, output: returns<ReminderSettings>() },
  /** Writes the calendar feed now (also done on every change while it is on); returns where. */
  'calendar:write': { input: z.void(), output: returns<{ path: string; events: number; written: boolean }>() },
  /** A notification's own buttons (where the platform has them): Done, or Snooze until tomorrow, for its `item`. */
  'notifications:act': { input: z.object({ clientId: id, item: snoozeKey, action: z.enum(['done', 'snooze']) }), output: returns<void>() },
  /** For the shell at start: what fell due since Rapport last ran, once. */
  'notifications:missed': { input: z.void(), output: returns<MissedWhileClosed>() }
} as const
