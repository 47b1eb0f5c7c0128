import { useId, useState } from 'react'
import type { ClientDetail } from '@shared/contract/relationship'
import { errorMessage } from '@renderer/platform/api'
import type { SaveProfile } from './profile-fields'
import { shortDate } from '@shared/dates'
import { appNow } from '@renderer/platform/dates/app-clock'
import { plural } from './words'

type StoredDate = NonNullable<NonNullable<ClientDetail['client']['person']>['dates']>[number]

/** Birthdays, renewals, launches: yearly or once; the whole list is saved as shown, each date with any fields it had. */
export function ImportantDates({ detail, save }: { detail: ClientDetail; save: SaveProfile }) {
  const id = useId()
  const dates: StoredDate[] = detail.client.person?.dates ?? []
  const [label, setLabel] = useState('')
  const [date, setDate] = useState('')
  const [repeats, setRepeats] = useState<'yearly' | 'once'>('yearly')
  const [error, setError] = useState<string | null>(null)
  const upcoming = new Map(detail.insights.importantDates.map((d) => [d.index, d]))

  const commit = async (next: StoredDate[]) => {
    try {
      await save({ person: { dates: next } })
      setError(null)
      return true
    } catch (failure) {
      setError(errorMessage(failure))
      return false
    }
  }
  const add = async () => {
    if (!label.trim() || !date) {
      setError('Give the date a label and a day.')
      return
    }
    if (await commit([...dates, { label: label.trim(), date, repeats }])) {
      setLabel('')
      setDate('')
    }
  }

  return (
    <div className="profile-field important-dates">
      <span className="profile-label" id={`${id}-title`}>
        Important dates
      </span>
      {dates.length > 0 && (
        <ul className="date-list" aria-labelledby={`${id}-title`}>
          {dates.map((item, index) => {
            const next = upcoming.get(index)
            return (
              <li key={`${item.label}-${index}`} className="date-row">
                <span className="date-label">{item.label}</span>
                <span className="date-when">
                  {shortDate(item.date, appNow())} · {item.repeats === 'once' ? 'once' : 'yearly'}
                  {next && next.daysUntil >= 0 && next.daysUntil <= 30 && (
                    <span className="date-soon">{next.daysUntil === 0 ? ' · today' : ` · in ${plural(next.daysUntil, 'day')}`}</span>
                  )}
                </span>
                <button
                  type="button"
                  className="button subtle small"
                  aria-label={`Remove ${item.label}`}
                  onClick={() => void commit(dates.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              </li>
            )
          })}
        </ul>
      )}
      <div
        className="date-add"
        role="group"
        aria-label="Add an important date"
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
            event.preventDefault()
            void add()
          }
        }}
      >
        <input className="text-input" aria-label="Date label" placeholder="Birthday, renewal…" value={label} onChange={(e) => setLabel(e.target.value)} />
        <input className="text-input" aria-label="Date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <select className="text-input" aria-label="Repeats" value={repeats} onChange={(e) => setRepeats(e.target.value === 'once' ? 'once' : 'yearly')}>
          <option value="yearly">Yearly</option>
          <option value="once">Once</option>
        </select>
        <button type="button" className="button small" onClick={() => void add()}>
          Add date
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
