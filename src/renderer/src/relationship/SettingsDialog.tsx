import { useEffect, useId, useState } from 'react'
import { call, errorMessage } from '@renderer/platform/api'
import { Dialog } from '@renderer/platform/ui/Dialog'
import '@renderer/relationship/coach/coach.css'
import { hourClocks } from '@shared/contract/relationship'
import type { HourClock, RelationshipSettings } from '@shared/contract/relationship'
import { applyDateSettings } from '@renderer/platform/dates/useDateSettings'
import type { ReminderDraft } from './rhythm/ReminderFields'
import { ReminderFields, draftOf, saveReminders } from './rhythm/ReminderFields'

/** When a client counts as gone quiet, how early to remind of dates, the time zone "today" is counted in, how dates and times are written, coaching, and empty template headings. */
export function SettingsDialog({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const id = useId()
  const [settings, setSettings] = useState<RelationshipSettings | null>(null)
  const [quiet, setQuiet] = useState('')
  const [remind, setRemind] = useState('')
  const [zone, setZone] = useState('')
  const [coaching, setCoaching] = useState(true)
  const [keepEmpty, setKeepEmpty] = useState(false)
  const [locale, setLocale] = useState('')
  const [clock, setClock] = useState<HourClock | ''>('')
  const [reminders, setReminders] = useState<ReminderDraft | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    call('settings:get', undefined).then(
      (loaded) => {
        setSettings(loaded)
        setQuiet(String(loaded.quietAfterDays))
        setRemind(String(loaded.remindDaysBefore))
        setZone(loaded.usesSystemTimeZone ? '' : loaded.timeZone)
        setCoaching(loaded.coaching)
        setKeepEmpty(loaded.keepEmptySections)
        setLocale(loaded.locale ?? '')
        setClock(loaded.clock ?? '')
      },
      (failure: unknown) => setError(errorMessage(failure))
    )
    call('reminders:get', undefined).then(
      (loaded) => setReminders(draftOf(loaded)),
      (failure: unknown) => setError(errorMessage(failure))
    )
  }, [])

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const saved = await call('settings:update', {
        quietAfterDays: Number(quiet),
        remindDaysBefore: Number(remind),
        timeZone: zone.trim() || null,
        coaching,
        keepEmptySections: keepEmpty,
        locale: locale.trim() || null,
        clock: clock || null
      })
      if (reminders) await saveReminders(reminders)
      applyDateSettings(saved)
      onSaved()
      onClose()
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  return (
    <Dialog title="Settings" onClose={onClose} busy={busy}>
      <form
        className="rel-dialog-grid"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <label htmlFor={`${id}-quiet`}>Gone quiet after (days)</label>
        <input id={`${id}-quiet`} data-autofocus className="text-input" type="number" min={1} value={quiet} onChange={(e) => setQuiet(e.target.value)} />
        <label htmlFor={`${id}-remind`}>Remind of dates (days before)</label>
        <input id={`${id}-remind`} className="text-input" type="number" min={0} value={remind} onChange={(e) => setRemind(e.target.value)} />
        <label htmlFor={`${id}-zone`}>Your time zone</label>
        <input
          id={`${id}-zone`}
          className="text-input"
          value={zone}
          placeholder={settings ? `${settings.timeZone} (this computer)` : ''}
          onChange={(e) => setZone(e.target.value)}
        />
        <label htmlFor={`${id}-locale`}>Dates in the language</label>
        <input
          id={`${id}-locale`}
          className="text-input"
          value={locale}
          placeholder={`${navigator.language} (this computer)`}
          aria-describedby={`${id}-locale-hint`}
          onChange={(e) => setLocale(e.target.value)}
        />
        <p id={`${id}-locale-hint`} className="field-hint rel-span">
          A language tag such as en-GB, en-US or de. Dates change at once; the date pickers follow the next time Rapport starts.
        </p>
        <label htmlFor={`${id}-clock`}>Clock</label>
        <select id={`${id}-clock`} className="text-input" value={clock} onChange={(e) => setClock(e.target.value as HourClock | '')}>
          <option value="">As the language writes it</option>
          {hourClocks.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <label className="rel-span settings-check">
          <input type="checkbox" checked={coaching} onChange={(e) => setCoaching(e.target.checked)} /> Coach me: what each stage and trust level means, and what
          moves it
        </label>
        <label className="rel-span settings-check">
          <input type="checkbox" checked={keepEmpty} onChange={(e) => setKeepEmpty(e.target.checked)} /> Keep a template’s empty headings in my entries
        </label>
        {reminders && <ReminderFields draft={reminders} onChange={setReminders} />}
        {error && (
          <p className="form-error rel-span" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions rel-span">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy || !settings}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  )
}
