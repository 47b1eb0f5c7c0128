import { useCallback } from 'react'
import type { Interaction, TimelineEvent } from '@shared/contract/relationship'
import type { ClientSummary } from '@shared/domain'
import { call } from '@renderer/platform/api'
import type { ViewContext } from '@renderer/platform/views'
import { RelationshipStrip } from './RelationshipStrip'
import { useLiveRead } from '@renderer/platform/hooks/useAsyncList'
import type { VaultChanges } from '@shared/contract/vault'
import { touchesClient } from '@renderer/platform/vault-changes'
import { useClientDetail } from './useClientDetail'
import { useRelationshipActions } from './useRelationshipActions'
import { monthYear, shortDate } from '@shared/dates'
import { appNow } from '@renderer/platform/dates/app-clock'
import './relationship.css'

/** What kind of dot an event gets: an interaction is a conversation or an attempt that went unanswered. */
export type EventLook = 'entry' | 'conversation' | 'attempt' | 'stage' | 'trust' | 'made' | 'kept' | 'moved' | 'dropped'

const answered = (i: Interaction | undefined) => i !== undefined && (i.direction === 'in' || i.outcome === 'conversation' || i.outcome === 'meeting')

function lookOf(event: TimelineEvent, interactions: Map<string, Interaction>): EventLook {
  switch (event.kind) {
    case 'interaction':
      return answered(interactions.get(event.target?.id ?? '')) ? 'conversation' : 'attempt'
    case 'commitment-made':
      return 'made'
    case 'commitment-kept':
      return 'kept'
    case 'commitment-moved':
      return 'moved'
    case 'commitment-dropped':
      return 'dropped'
    default:
      return event.kind
  }
}

const lookWords: Record<EventLook, string> = {
  entry: 'Entry',
  conversation: 'Conversation',
  attempt: 'Attempt',
  stage: 'Stage',
  trust: 'Trust',
  made: 'Promise',
  kept: 'Kept',
  moved: 'Moved',
  dropped: 'Dropped'
}

/** The client tab "Timeline": the relationship as a picture — stage and trust over time above, every event on a time axis below. */
export function TimelineTab({ context, client }: { context: ViewContext; client: ClientSummary }) {
  const read = useCallback(() => call('timeline:get', { clientId: client.id }), [client.id])
  const concerns = useCallback((changes: VaultChanges) => touchesClient(changes, client.id), [client.id])
  const { value: events, error } = useLiveRead(read, concerns)
  const { detail, setDetail } = useClientDetail(client.id)
  const actions = useRelationshipActions(client, detail, context, setDetail)

  if (error)
    return (
      <p className="profile-error" role="alert">
        {error}
      </p>
    )
  if (!events) return <div className="timeline" aria-busy="true" />
  const interactions = new Map((detail?.client.interactions ?? []).map((i) => [i.id, i]))

  const open = (event: TimelineEvent) => {
    if (event.target?.type === 'entry') context.openEntry(client.id, event.target.id)
    else context.openClient(client.id, 'profile')
  }

  // Newest first, grouped by month: what happened lately matters most.
  const months: Array<{ month: string; events: TimelineEvent[] }> = []
  for (const event of [...events].reverse()) {
    const month = event.day.slice(0, 7)
    const last = months[months.length - 1]
    if (last?.month === month) last.events.push(event)
    else months.push({ month, events: [event] })
  }

  return (
    <div className="timeline">
      {events.length === 0 ? (
        <p className="calm-empty">Nothing on the timeline yet. Entries, interactions, promises and changes of stage or trust appear here.</p>
      ) : (
        <>
          <RelationshipStrip events={events} />
          <ol className="timeline-axis" aria-label="Timeline, newest first">
            {months.map(({ month, events: inMonth }) => (
              <li key={month} className="timeline-month">
                <h2 className="timeline-month-label">{monthYear(month)}</h2>
                <ol className="timeline-events">
                  {inMonth.map((event, index) => {
                    const look = lookOf(event, interactions)
                    return (
                      <li key={`${event.at}-${index}`} className={`timeline-event look-${look}`}>
                        <span className="timeline-dot" aria-hidden="true" />
                        <button type="button" className="timeline-card" onClick={() => open(event)}>
                          <span className="timeline-card-top">
                            <span className="timeline-kind">{lookWords[look]}</span>
                            <time dateTime={event.at}>{shortDate(event.day, appNow())}</time>
                          </span>
                          <span className="timeline-label">{event.label}</span>
                          {event.note && <span className="timeline-note">{event.note}</span>}
                        </button>
                      </li>
                    )
                  })}
                </ol>
              </li>
            ))}
          </ol>
        </>
      )}
      {actions.dialogs}
    </div>
  )
}
