import { useCallback, useRef, useState } from 'react'
import type { CommitmentListItem } from '@shared/contract/relationship'
import { call, errorMessage } from '@renderer/platform/api'
import type { ViewContext } from '@renderer/platform/views'
import { useLiveRead } from '@renderer/platform/hooks/useAsyncList'
import { holdRowFocus } from '@renderer/platform/ui/row-focus'
import { touchesClients } from '@renderer/platform/vault-changes'
import { dueWords } from '@shared/dates'
import { ActionRow, ROW_KEYS } from './today/ActionRow'
import { useLogContact } from './today/LogContactDialog'
import './today/today.css'
import { localToday, plural } from './words'
import './relationship.css'

type Who = 'all' | 'me' | 'client'
const whoWords: Record<Who, string> = { all: 'All', me: 'Mine', client: 'Theirs' }

/** Every promise still to be kept, across all clients, by due date; overdue first and said in words. */
export function CommitmentsView({ context }: { context: ViewContext }) {
  const [who, setWho] = useState<Who>('all')
  const read = useCallback(() => call('commitments:list-all', who === 'all' ? {} : { by: who }), [who])
  const { value: items, error, reload } = useLiveRead(read, touchesClients)
  const [problem, setProblem] = useState<string | null>(null)
  const { logContact, dialog: logContactDialog } = useLogContact(() => {
    void reload()
    void context.refresh()
  })
  const today = localToday()
  const viewRef = useRef<HTMLDivElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // A row that leaves the list (done, snoozed) hands focus to the next one.
  const keepRowFocus = () => holdRowFocus(viewRef.current, '.action-row', () => headingRef.current?.focus())

  const act = async (change: () => Promise<unknown>) => {
    const keepFocus = keepRowFocus()
    try {
      await change()
      setProblem(null)
      await reload()
      keepFocus()
      await context.refresh()
    } catch (failure) {
      setProblem(errorMessage(failure))
    }
  }
  const snooze = (item: CommitmentListItem) => (until: string) =>
    void act(() => call('today:snooze', { clientId: item.clientId, key: `commitment:${item.commitment.id}`, until }))

  // A recurring promise is kept one occurrence at a time: done marks the one waiting, and the next takes its place.
  const markDone = async (item: CommitmentListItem) => {
    const keepFocus = keepRowFocus()
    try {
      if (item.occurrence !== undefined)
        await call('commitments:occurrence', { clientId: item.clientId, id: item.commitment.id, on: item.occurrence, status: 'done' })
      else await call('commitments:update', { clientId: item.clientId, id: item.commitment.id, status: 'done' })
      setProblem(null)
      await reload()
      keepFocus()
      await context.refresh()
    } catch (failure) {
      setProblem(errorMessage(failure))
    }
  }
  const overdue = items?.filter((i) => i.overdue).length ?? 0

  return (
    <div className="rel-view" ref={viewRef}>
      <header className="rel-view-header">
        <div>
          <h1 className="rel-view-title" ref={headingRef} tabIndex={-1}>
            Commitments
          </h1>
          <p className="rel-view-sub">{items ? `${plural(items.length, 'promise')} to keep${overdue ? `, ${overdue} overdue` : ''}` : ' '}</p>
        </div>
        <div className="segmented" role="radiogroup" aria-label="Whose promises">
          {(['all', 'me', 'client'] as const).map((value) => (
            <button key={value} type="button" role="radio" aria-checked={who === value} className="segment" onClick={() => setWho(value)}>
              {whoWords[value]}
            </button>
          ))}
        </div>
      </header>
      {(error ?? problem) && (
        <p className="form-error" role="alert">
          {error ?? problem}
        </p>
      )}
      {items && items.length === 0 && <p className="calm-empty">No open promises. Nothing to chase.</p>}
      {items && items.length > 0 && context.canWrite && <p className="today-keys">{ROW_KEYS}</p>}
      {items && items.length > 0 && (
        <ul className="rel-list" aria-label="Commitments, by due date">
          {items.map((item) => (
            <ActionRow
              key={`${item.clientId}-${item.commitment.id}-${item.occurrence ?? ''}`}
              what={item.commitment.what}
              clientName={item.clientName}
              today={today}
              canWrite={context.canWrite}
              onDone={() => void markDone(item)}
              doneButton={false}
              onSnooze={snooze(item)}
              onLog={() => logContact({ clientId: item.clientId })}
              onBrief={() => context.openClient(item.clientId, 'brief')}
            >
              <div className={`rel-row ${item.overdue ? 'overdue' : ''}`}>
                <input
                  type="checkbox"
                  className="rel-check"
                  aria-label={`Mark “${item.commitment.what}” done`}
                  disabled={!context.canWrite}
                  onChange={() => void markDone(item)}
                />
                <div className="rel-row-main">
                  <span className="rel-row-title">
                    {item.commitment.what}
                    {item.repeat && <span className="repeat-badge">{item.repeat}</span>}
                    {item.snoozedUntil && <span className="repeat-badge">snoozed until {item.snoozedUntil}</span>}
                  </span>
                  <span className="rel-row-meta">
                    <span className="who-badge">{item.commitment.by === 'me' ? 'I promised' : 'They promised'}</span>
                    <button type="button" className="link-button" onClick={() => context.openClient(item.clientId, 'profile')}>
                      {item.clientName}
                    </button>
                  </span>
                </div>
                <span className={`due-words ${item.overdue ? 'overdue-words' : item.due?.state === 'today' ? 'today-words' : ''}`}>
                  {item.due ? dueWords(item.due) : 'No due date'}
                </span>
              </div>
            </ActionRow>
          ))}
        </ul>
      )}
      {logContactDialog}
    </div>
  )
}
