import { useId, useState } from 'react'
import type { ClientDetail, Commitment } from '@shared/contract/relationship'
import { call, errorMessage } from '@renderer/platform/api'
import type { ViewContext } from '@renderer/platform/views'
import { shortDate } from '@shared/dates'
import { commitmentStatuses, localToday, statusWords } from './words'
import { appNow } from '@renderer/platform/dates/app-clock'
import type { CommitmentStatus } from './words'

interface CommitmentsPanelProps {
  detail: ClientDetail
  context: ViewContext
  writable: boolean
  onChanged: (detail: ClientDetail) => void
}

const isActive = (c: Commitment) => c.status === 'open' || c.status === 'renegotiated'

/** Mine and theirs side by side: what is still to be kept first, by due date. */
export function CommitmentsPanel({ detail, context, writable, onChanged }: CommitmentsPanelProps) {
  const [error, setError] = useState<string | null>(null)
  const clientId = detail.client.id
  const run = async (action: () => Promise<{ client: ClientDetail }>) => {
    try {
      onChanged((await action()).client)
      setError(null)
      await context.refresh()
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }
  const update = (commitment: Commitment, change: { status?: CommitmentStatus; due?: string | null }) =>
    run(() => call('commitments:update', { clientId, id: commitment.id, ...change }))
  // Done or skipped on a recurring promise is about the occurrence waiting; the series stays open (issue #16).
  const markOccurrence = (commitment: Commitment, on: string, status: 'done' | 'skipped') =>
    run(() => call('commitments:occurrence', { clientId, id: commitment.id, on, status }))
  const add = (by: 'me' | 'client', what: string, due: string) => run(() => call('commitments:add', { clientId, by, what, ...(due ? { due } : {}) }))

  const side = (by: 'me' | 'client') =>
    detail.client.commitments
      .filter((c) => c.by === by)
      .sort((a, b) => Number(isActive(b)) - Number(isActive(a)) || (a.due ?? '9999').localeCompare(b.due ?? '9999'))

  return (
    <section className="profile-card commitments-panel" aria-labelledby="commitments-heading">
      <h2 id="commitments-heading" className="profile-card-title">
        Commitments
      </h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="commitment-columns">
        {(['me', 'client'] as const).map((by) => (
          <CommitmentColumn
            key={by}
            title={by === 'me' ? 'I promised' : 'They promised'}
            items={side(by)}
            recurring={detail.insights.recurring}
            writable={writable}
            onUpdate={update}
            onOccurrence={markOccurrence}
            onAdd={(what, due) => add(by, what, due)}
            onOpenEntry={(entryId) => context.openEntry(clientId, entryId)}
          />
        ))}
      </div>
    </section>
  )
}

interface CommitmentColumnProps {
  title: string
  items: Commitment[]
  recurring: ClientDetail['insights']['recurring']
  writable: boolean
  onUpdate: (commitment: Commitment, change: { status?: CommitmentStatus; due?: string | null }) => Promise<void>
  onOccurrence: (commitment: Commitment, on: string, status: 'done' | 'skipped') => Promise<void>
  onAdd: (what: string, due: string) => Promise<void>
  onOpenEntry: (entryId: string) => void
}

function CommitmentColumn({ title, items, recurring, writable, onUpdate, onOccurrence, onAdd, onOpenEntry }: CommitmentColumnProps) {
  const id = useId()
  const [what, setWhat] = useState('')
  const [due, setDue] = useState('')
  const today = localToday()
  const submit = async () => {
    if (!what.trim()) return
    await onAdd(what.trim(), due)
    setWhat('')
    setDue('')
  }
  return (
    <div className="commitment-column">
      <h3 className="commitment-column-title" id={`${id}-title`}>
        {title}
      </h3>
      {items.length === 0 ? (
        <p className="profile-empty">Nothing yet.</p>
      ) : (
        <ul className="commitment-list" aria-labelledby={`${id}-title`}>
          {items.map((item) => {
            const series = recurring[item.id]
            // A recurring promise is judged by the occurrence waiting, not by its first due date.
            const due = series ? series.occurrence : item.due
            // The computer's calendar day; the Commitments view and Today use the core's (the chosen time zone's).
            const overdue = isActive(item) && due !== undefined && due.slice(0, 10) < today
            return (
              <li key={item.id} className={`commitment-row ${isActive(item) ? '' : 'closed'} ${overdue ? 'overdue' : ''}`}>
                <span className="commitment-what">{item.what}</span>
                <span className="commitment-meta">
                  {due ? (
                    <span className={overdue ? 'overdue-words' : ''}>
                      {series ? 'Next: ' : ''}
                      {overdue
                        ? `Overdue since ${shortDate(due, appNow())}`
                        : due.slice(0, 10) === today && isActive(item)
                          ? 'Due today'
                          : `Due ${shortDate(due, appNow())}`}
                    </span>
                  ) : (
                    <span>{series ? 'Every occurrence dealt with' : 'No due date'}</span>
                  )}
                  {series && <span className="commitment-repeat">{series.repeat}</span>}
                  {item.entry && (
                    <button type="button" className="link-button" onClick={() => item.entry && onOpenEntry(item.entry)}>
                      From entry
                    </button>
                  )}
                </span>
                {series?.occurrence && isActive(item) && writable && (
                  <span className="commitment-occurrence" role="group" aria-label={`This occurrence of “${item.what}”`}>
                    <button type="button" className="button small" onClick={() => series.occurrence && void onOccurrence(item, series.occurrence, 'done')}>
                      Done this time
                    </button>
                    <button
                      type="button"
                      className="button small subtle"
                      onClick={() => series.occurrence && void onOccurrence(item, series.occurrence, 'skipped')}
                    >
                      Skip
                    </button>
                  </span>
                )}
                <span className="commitment-controls">
                  <select
                    className="text-input compact"
                    aria-label={series ? `Status of every “${item.what}”` : `Status of “${item.what}”`}
                    value={item.status}
                    disabled={!writable}
                    onChange={(event) => void onUpdate(item, { status: event.target.value as CommitmentStatus })}
                  >
                    {commitmentStatuses.map((status) => (
                      <option key={status} value={status}>
                        {statusWords[status]}
                      </option>
                    ))}
                  </select>
                  <input
                    type="date"
                    className="text-input compact"
                    aria-label={series ? `First occurrence of “${item.what}”` : `Due date of “${item.what}”`}
                    defaultValue={item.due?.slice(0, 10) ?? ''}
                    key={item.due ?? 'none'}
                    disabled={!writable}
                    onBlur={(event) => {
                      const next = event.target.value
                      if (next !== (item.due?.slice(0, 10) ?? '')) void onUpdate(item, { due: next || null })
                    }}
                  />
                </span>
              </li>
            )
          })}
        </ul>
      )}
      {writable && (
        <form
          className="commitment-add"
          onSubmit={(event) => {
            event.preventDefault()
            void submit()
          }}
        >
          <input className="text-input" aria-label={`${title}: what`} placeholder="What was promised" value={what} onChange={(e) => setWhat(e.target.value)} />
          <input className="text-input" type="date" aria-label={`${title}: due date`} value={due} onChange={(e) => setDue(e.target.value)} />
          <button type="submit" className="button small">
            Add
          </button>
        </form>
      )}
    </div>
  )
}
