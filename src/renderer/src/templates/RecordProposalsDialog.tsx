import { useId, useState } from 'react'
import type { ApplyResult, ExtractProposal } from '@shared/contract/templates'
import { call, errorMessage } from '@renderer/platform/api'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { formatDue, kindLabels, proposalKey } from './record-items'

interface RecordProposalsDialogProps {
  entryId: string
  clientName: string
  proposals: readonly ExtractProposal[]
  /** Called with what the core added, and the proposals left unticked. */
  onApplied: (result: ApplyResult, unticked: ExtractProposal[]) => void
  onClose: () => void
}

/**
 * The items found in a reflection, each with a checkbox. None starts ticked:
 * a reflection is private writing, and what goes into the record shows up in
 * briefs and exports, so each item should be a deliberate yes rather than a
 * default someone forgot to untick. "Select all" keeps the quick path quick.
 */
export function RecordProposalsDialog({ entryId, clientName, proposals, onApplied, onClose }: RecordProposalsDialogProps) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const introId = useId()
  const allTicked = ticked.size === proposals.length

  const toggle = (key: string) =>
    setTicked((current) => {
      const next = new Set(current)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })

  const add = async () => {
    const chosen = proposals.filter((p) => ticked.has(proposalKey(p)))
    setBusy(true)
    setError(null)
    try {
      const result = await call('templates:apply', {
        entryId,
        items: chosen.map(({ kind, text, due }) => (due ? { kind, text, due } : { kind, text }))
      })
      onApplied(
        result,
        proposals.filter((p) => !ticked.has(proposalKey(p)))
      )
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }

  return (
    <Dialog title={`Add to ${clientName}’s record`} onClose={onClose} className="record-dialog" busy={busy} describedBy={introId}>
      <p id={introId} className="dialog-message">
        Tick what belongs in the record. Each item will link back to this entry; nothing else is changed.
      </p>
      <ul className="record-proposals">
        {proposals.map((proposal, index) => {
          const key = proposalKey(proposal)
          return (
            <li key={key}>
              <label className="record-proposal">
                <input type="checkbox" checked={ticked.has(key)} onChange={() => toggle(key)} disabled={busy} data-autofocus={index === 0 || undefined} />
                <span className="record-proposal-body">
                  <span className={`record-kind kind-${proposal.kind}`}>{kindLabels[proposal.kind]}</span>
                  <span className="record-proposal-text">{proposal.text}</span>
                  {proposal.due && <span className="record-proposal-due">Due {formatDue(proposal.due)}</span>}
                </span>
              </label>
            </li>
          )
        })}
      </ul>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="button subtle push-left"
          disabled={busy}
          onClick={() => setTicked(allTicked ? new Set() : new Set(proposals.map(proposalKey)))}
        >
          {allTicked ? 'Clear all' : 'Select all'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button primary" disabled={busy || ticked.size === 0} onClick={() => void add()}>
          Add selected
        </button>
      </div>
    </Dialog>
  )
}
