import { useCallback, useRef, useState } from 'react'
import { longDay } from '@shared/dates'
import type { TodayCommitment, TodayDate, TodayFollowUp, TodayItem, TodayReachOut } from '@shared/contract/relationship'
import { call, errorMessage } from '@renderer/platform/api'
import type { ViewContext } from '@renderer/platform/views'
import { ValueGivenDialog } from './coach/ValueGivenDialog'
import type { RowActions } from './today/ActionRow'
import { ActionRow, ROW_KEYS } from './today/ActionRow'
import { addDaysTo } from './today/day-math'
import { useLogContact } from './today/LogContactDialog'
import './today/today.css'
import { SettingsDialog } from './SettingsDialog'
import { useLiveRead } from '@renderer/platform/hooks/useAsyncList'
import { holdRowFocus } from '@renderer/platform/ui/row-focus'
import type { VaultChanges } from '@shared/contract/vault'
import { touchesClients, touchesEntries } from '@renderer/platform/vault-changes'
import './relationship.css'

interface TodaySectionProps<T extends TodayItem> {
  title: string
  items: readonly T[]
  today: string
  canWrite: boolean
  onOpen: (item: T) => void
  /** What can be done about each item, where it is (issue #16). */
  actions: (item: T) => RowActions
  urgent?: (item: T) => boolean
}

function TodaySection<T extends TodayItem>({ title, items, today, canWrite, onOpen, actions, urgent }: TodaySectionProps<T>) {
  if (items.length === 0) return null
  return (
    <section className="today-section" aria-label={title}>
      <h2 className="today-section-title">
        {title} <span className="today-count">{items.length}</span>
      </h2>
      <ul className="rel-list">
        {items.map((item, index) => (
          <ActionRow
            key={`${item.clientId}-${index}-${item.line}`}
            what={item.line}
            clientName={item.clientName}
            today={today}
            canWrite={canWrite}
            {...actions(item)}
          >
            <button type="button" className={`rel-row rel-row-button ${urgent?.(item) ? 'overdue' : ''}`} onClick={() => onOpen(item)}>
              <span className="rel-row-main">
                <span className="rel-row-title">{item.line}</span>
                <span className="rel-row-meta">{item.clientName}</span>
              </span>
              {urgent?.(item) && <span className="urgent-word">Overdue</span>}
            </button>
          </ActionRow>
        ))}
      </ul>
    </section>
  )
}

const touchesClientsOrEntries = (changes: VaultChanges) => touchesClients(changes) || touchesEntries(changes)

/** The start screen once there are clients: what needs attention today, and nothing else. */
export function TodayView({ context }: { context: ViewContext }) {
  const read = useCallback(() => call('today:get', undefined), [])
  const { value: today, error, reload } = useLiveRead(read, touchesClientsOrEntries)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [valueFor, setValueFor] = useState<TodayItem | null>(null)
  const { logContact, dialog: logContactDialog } = useLogContact(() => {
    void reload()
    void context.refresh()
  })
  const [problem, setProblem] = useState<string | null>(null)
  const viewRef = useRef<HTMLDivElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const openProfile = (item: TodayItem) => context.openClient(item.clientId, 'profile')
  const openBrief = (item: TodayItem) => context.openClient(item.clientId, 'brief')

  /** Runs a change, then reads Today again; a failure is said above the list. */
  // A row's action: its failure is shown on Today, never thrown, so a button can start it and forget it.
  const act = (change: () => Promise<unknown>) => (): void =>
    void (async () => {
      // The row may leave the list: focus then goes to the next one.
      const keepFocus = holdRowFocus(viewRef.current, '.action-row', () => headingRef.current?.focus())
      try {
        await change()
        setProblem(null)
        await reload()
        keepFocus()
        await context.refresh()
      } catch (failure) {
        setProblem(errorMessage(failure))
      }
    })()
  const snooze = (clientId: string, key: string) => (until: string) => act(() => call('today:snooze', { clientId, key, until }))()
  const common = (item: TodayItem): RowActions => ({ onBrief: () => openBrief(item), onLog: () => logContact({ clientId: item.clientId }) })

  const followUpActions = (item: TodayFollowUp): RowActions => ({
    ...common(item),
    onDone: act(() => call('clients:update-profile', { id: item.clientId, patch: { followUp: null } })),
    onSnooze: snooze(item.clientId, 'follow-up'),
    onValue: context.canWrite ? () => setValueFor(item) : undefined
  })
  const commitmentActions = (item: TodayCommitment): RowActions => ({
    ...common(item),
    onDone: act(() =>
      item.occurrence === undefined
        ? call('commitments:update', { clientId: item.clientId, id: item.commitmentId, status: 'done' })
        : call('commitments:occurrence', { clientId: item.clientId, id: item.commitmentId, on: item.occurrence, status: 'done' })
    ),
    onSnooze: snooze(item.clientId, `commitment:${item.commitmentId}`)
  })
  // An important date is "done" once seen: it rests until the day after, and comes back next year.
  const dateActions = (item: TodayDate): RowActions => ({
    ...common(item),
    onDone: () => snooze(item.clientId, `date:${item.label}`)(addDaysTo(item.next, 1)),
    onSnooze: snooze(item.clientId, `date:${item.label}`)
  })
  // Reaching out is done by logging the contact: a conversation starts the cadence again.
  const reachOutActions = (item: TodayReachOut): RowActions => ({
    onBrief: () => openBrief(item),
    onLog: () => logContact({ clientId: item.clientId, personId: item.personId }),
    onSnooze: snooze(item.clientId, item.key),
    onValue: context.canWrite && item.personId === undefined ? () => setValueFor(item) : undefined
  })

  const nothing =
    today !== null &&
    today.followUps.length + today.commitments.mine.length + today.commitments.theirs.length + today.importantDates.length + today.reachOut.length === 0
  const dayWords = today ? longDay(today.day) : ''
  const overdue = (i: { due: { state: string } }) => i.due.state === 'overdue'
  const section = { today: today?.day ?? '', canWrite: context.canWrite, onOpen: openProfile }

  return (
    <div className="rel-view" ref={viewRef}>
      <header className="rel-view-header">
        <div>
          <h1 className="rel-view-title" ref={headingRef} tabIndex={-1}>
            Today
          </h1>
          <p className="rel-view-sub">{dayWords}</p>
        </div>
        <button type="button" className="button subtle small" onClick={() => setSettingsOpen(true)}>
          Settings…
        </button>
      </header>
      {(error ?? problem) && (
        <p className="form-error" role="alert">
          {error ?? problem}
        </p>
      )}
      {!today && !error && context.info.readingEntries && (
        <p className="calm-empty" role="status">
          Reading your journal… the clients are ready; today’s list follows in a moment.
        </p>
      )}
      {nothing && <p className="calm-empty">Nothing due today.</p>}
      {today && !nothing && context.canWrite && <p className="today-keys">{ROW_KEYS}</p>}
      {today && (
        <div className="today-sections">
          <TodaySection {...section} title="Follow-ups due" items={today.followUps} actions={followUpActions} urgent={overdue} />
          <TodaySection {...section} title="My promises" items={today.commitments.mine} actions={commitmentActions} urgent={overdue} />
          <TodaySection {...section} title="Their promises" items={today.commitments.theirs} actions={commitmentActions} urgent={overdue} />
          <TodaySection {...section} title="Important dates this week" items={today.importantDates} actions={dateActions} />
          <TodaySection {...section} title="Reach out" items={today.reachOut} actions={reachOutActions} />
        </div>
      )}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} onSaved={() => void reload()} />}
      {logContactDialog}
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
