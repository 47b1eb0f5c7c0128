import { useState } from 'react'
import type { ClientDetail, Interaction } from '@shared/contract/relationship'
import { call, errorMessage } from '@renderer/platform/api'
import { ConfirmDialog } from '@renderer/platform/ui/ConfirmDialog'
import { shortDate } from '@shared/dates'
import { channelWords, outcomeWords } from './words'
import { appNow } from '@renderer/platform/dates/app-clock'
import { capitalise } from '@shared/words'

interface InteractionsPanelProps {
  detail: ClientDetail
  writable: boolean
  onLog: () => void
  onEdit: (interaction: Interaction) => void
  onChanged: (detail: ClientDetail) => void
}

const isAnswered = (i: Interaction) => i.outcome === 'conversation' || i.outcome === 'meeting' || i.direction === 'in'

/** The latest calls, emails and meetings, newest first. */
export function InteractionsPanel({ detail, writable, onLog, onEdit, onChanged }: InteractionsPanelProps) {
  const [deleting, setDeleting] = useState<Interaction | null>(null)
  const [error, setError] = useState<string | null>(null)
  const items = [...detail.client.interactions].sort((a, b) => b.at.localeCompare(a.at))
  return (
    <section className="profile-card" aria-labelledby="interactions-heading">
      <div className="profile-card-header">
        <h2 id="interactions-heading" className="profile-card-title">
          Interactions
        </h2>
        <button type="button" className="button small" onClick={onLog} disabled={!writable}>
          Log interaction
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="profile-empty">No calls or messages logged yet.</p>
      ) : (
        <ul className="interaction-list" aria-label="Interactions">
          {items.slice(0, 12).map((item) => (
            <li key={item.id} className="interaction-row">
              <span className={`interaction-dot ${isAnswered(item) ? 'answered' : 'attempt'}`} aria-hidden="true" />
              <span className="interaction-main">
                <span className="interaction-title">
                  {capitalise(outcomeWords[item.outcome])} · {channelWords[item.channel]} · {item.direction === 'out' ? 'I reached out' : 'They reached out'}
                </span>
                {item.note && <span className="interaction-note">{item.note}</span>}
              </span>
              <time className="interaction-when" dateTime={item.at}>
                {shortDate(item.at, appNow())}
              </time>
              {writable && (
                <span className="row-actions">
                  <button
                    type="button"
                    className="button subtle small"
                    aria-label={`Edit interaction of ${shortDate(item.at, appNow())}`}
                    onClick={() => onEdit(item)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button subtle small"
                    aria-label={`Delete interaction of ${shortDate(item.at, appNow())}`}
                    onClick={() => setDeleting(item)}
                  >
                    Delete
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete interaction"
          message={`Delete the ${outcomeWords[deleting.outcome]} of ${shortDate(deleting.at, appNow())}?`}
          confirmLabel="Delete"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            try {
              onChanged(await call('interactions:delete', { clientId: detail.client.id, id: deleting.id }))
            } catch (failure) {
              setError(errorMessage(failure))
            }
            setDeleting(null)
          }}
        />
      )}
    </section>
  )
}
