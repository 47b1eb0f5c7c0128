import { useId } from 'react'
import type { CalendarDetail, ReminderSettings } from '@shared/contract/rhythm'
import { call } from '@renderer/platform/api'
import './rhythm.css'

/** The Settings' reminders, as edited: saved with the rest of the dialog. */
export interface ReminderDraft extends ReminderSettings {
  /** The path as typed; empty: the default inside the vault. */
  pathTyped: string
}

export const draftOf = (settings: ReminderSettings): ReminderDraft => ({ ...settings, pathTyped: settings.calendarPathChosen ?? '' })

export const saveReminders = (draft: ReminderDraft) =>
  call('reminders:update', {
    calendarFeed: draft.calendarFeed,
    calendarPath: draft.pathTyped.trim() === '' ? null : draft.pathTyped.trim(),
    calendarDetail: draft.calendarDetail,
    calendarEncryptedAccepted: draft.calendarEncryptedAccepted,
    startAtLogin: draft.startAtLogin,
    keepInTray: draft.keepInTray
  })

/**
 * Reminders that reach you when Rapport is closed (issue #16): a calendar feed
 * any calendar app can subscribe to, and starting at login in the tray so
 * desktop notifications arrive on time. Everything is off until turned on.
 */
export function ReminderFields({ draft, onChange }: { draft: ReminderDraft; onChange: (next: ReminderDraft) => void }) {
  const id = useId()
  const set = <K extends keyof ReminderDraft>(key: K, value: ReminderDraft[K]) => onChange({ ...draft, [key]: value })
  return (
    <fieldset className="rel-span reminder-settings" aria-label="Reminders when Rapport is closed">
      <legend className="profile-label">Reminders when Rapport is closed</legend>
      <label>
        <input type="checkbox" checked={draft.calendarFeed} onChange={(e) => set('calendarFeed', e.target.checked)} /> Keep a calendar feed (.ics) of
        follow-ups, promises, dates and reach-outs
      </label>
      {draft.calendarFeed && (
        <>
          <label htmlFor={`${id}-path`}>Feed file</label>
          <input
            id={`${id}-path`}
            className="text-input"
            value={draft.pathTyped}
            placeholder={draft.calendarPath}
            onChange={(e) => set('pathTyped', e.target.value)}
          />
          <label htmlFor={`${id}-detail`}>Events say</label>
          <select
            id={`${id}-detail`}
            className="text-input"
            value={draft.calendarDetail}
            onChange={(e) => set('calendarDetail', e.target.value as CalendarDetail)}
          >
            <option value="private">Only “Rapport: follow up with a client”</option>
            <option value="full">The client’s name and what was promised</option>
          </select>
          <p className="reminder-hint">
            Subscribe to or import this file in Apple Calendar, Outlook, Thunderbird or GNOME Calendar; Rapport rewrites it on every change.
          </p>
          {draft.encrypted && (
            <label>
              <input type="checkbox" checked={draft.calendarEncryptedAccepted} onChange={(e) => set('calendarEncryptedAccepted', e.target.checked)} /> I
              understand: this vault is encrypted, the feed is not (choose a place outside the vault)
            </label>
          )}
        </>
      )}
      <label>
        <input type="checkbox" checked={draft.startAtLogin} onChange={(e) => set('startAtLogin', e.target.checked)} /> Start Rapport when I log in
      </label>
      <label>
        <input type="checkbox" checked={draft.keepInTray} onChange={(e) => set('keepInTray', e.target.checked)} /> Keep running in the tray (menu bar) so
        notifications arrive on time
      </label>
    </fieldset>
  )
}
