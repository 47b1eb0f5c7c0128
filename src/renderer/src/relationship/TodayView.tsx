import { useCallback, useState } from 'react'
import { longDay } from '@shared/dates'
import type { TodayItem } from '@shared/contract/relationship'
import { call } from '@renderer/platform/api'
import type { ViewContext } from '@renderer/platform/views'
import { ValueGivenDialog } from '@renderer/relationship/coach/ValueGivenDialog'
import { SettingsDialog } from './SettingsDialog'
import { useLiveRead } from '@renderer/platform/hooks/useAsyncList'
import './relationship.css'

interface TodaySectionProps<T extends TodayItem> {
  title: string
  items: readonly T[]
  onOpen: (item: T) => void
  /** Opens the client's prep brief: Today is where the two minutes before a call often start. */
  onBrief: (item: T) => void
  /** Logs value given to this client: keeping in touch with something useful, not only asking (issue #22). */
  onValue?: ((item: T) => void) | undefined
  urgent?: (item: T) => boolean
}

function TodaySection<T extends TodayItem>({ title, items, onOpen, onBrief, onValue, urgent }: TodaySectionProps<T>) {
  if (items.length === 0) return null
  return (
    <section className="today-section" aria-label={title}>
      <h2 className="today-section-title">
        {title} <span className="today-count">{items.length}</span>
      </h2>
      <ul className="rel-list">
        {items.map((item, index) => (
          <li key={`${item.clientId}-${index}`} className="today-item">
            <button type="button" className={`rel-row rel-row-button ${urgent?.(item) ? 'overdue' : ''}`} onClick={() => onOpen(item)}>
              <span className="rel-row-main">
                <span className="rel-row-title">{item.line}</span>
                <span className="rel-row-meta">{item.clientName}</span>
              </span>
              {urgent?.(item) && <span className="urgent-word">Overdue</span>}
            </button>
            {onValue && (
              <button type="button" className="button subtle small today-brief" aria-label={`Log value given to ${item.clientName}`} onClick={() => onValue(item)}>
                Value given
              </button>
            )}
            <button type="button" className="button subtle small today-brief" aria-label={`Brief for ${item.clientName}`} onClick={() => onBrief(item)}>
              Brief
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The start screen once there are clients: what needs attention today, and nothing else. */
export function TodayView({ context }: { context: ViewContext }) {
  const read = useCallback(() => call('today:get', undefined), [])
  const { value: today, error, reload } = useLiveRead(read)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [valueFor, setValueFor] = useState<TodayItem | null>(null)
  const logValue = context.canWrite ? (item: TodayItem) => setValueFor(item) : undefined
  const openProfile = (item: TodayItem) => context.openClient(item.clientId, 'profile')
  const openBrief = (item: TodayItem) => context.openClient(item.clientId, 'brief')

  const nothing =
    today !== null &&
    today.followUps.length + today.commitments.mine.length + today.commitments.theirs.length + today.importantDates.length + today.quiet.length === 0
  const dayWords = today ? longDay(today.day) : ''

  return (
    <div className="rel-view">
      <header className="rel-view-header">
        <div>
          <h1 className="rel-view-title">Today</h1>
          <p className="rel-view-sub">{dayWords}</p>
        </div>
        <button type="button" className="button subtle small" onClick={() => setSettingsOpen(true)}>
          Settings…
        </button>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!today && !error && context.info.readingEntries && (
        <p className="calm-empty" role="status">
          Reading your journal… the clients are ready; today’s list follows in a moment.
        </p>
      )}
      {nothing && <p className="calm-empty">Nothing due today.</p>}
      {today && (
        <div className="today-sections">
          <TodaySection title="Follow-ups due" items={today.followUps} onOpen={openProfile} onBrief={openBrief} onValue={logValue} urgent={(i) => i.due.state === 'overdue'} />
          <TodaySection
            title="My promises"
            items={today.commitments.mine}
            onOpen={openProfile} onBrief={openBrief}
            urgent={(i) => i.due.state === 'overdue'}
          />
          <TodaySection title="Their promises" items={today.commitments.theirs} onOpen={openProfile} onBrief={openBrief} urgent={(i) => i.due.state === 'overdue'} />
          <TodaySection title="Important dates this week" items={today.importantDates} onOpen={openProfile} onBrief={openBrief} />
          <TodaySection title="Gone quiet" items={today.quiet} onOpen={openProfile} onBrief={openBrief} onValue={logValue} />
        </div>
      )}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} onSaved={() => void reload()} />}
      {valueFor && (
        <ValueGivenDialog
          clientId={valueFor.clientId}
          clientName={valueFor.clientName}
          onClose={() => setValueFor(null)}
          onSaved={() => {
            void reload()
            void context.refresh()
          }}
        />
      )}
    </div>
  )
}
