import { useEffect, useState } from 'react'
import type { AppliedItem, ApplyResult, ExtractProposal, Template } from '@shared/contract/templates'
import { call, errorMessage } from '@renderer/platform/api'
import { RecordProposalsDialog } from './RecordProposalsDialog'
import { decline, kindLabels, notDeclined, plural, possessive } from './record-items'

interface RecordOfferProps {
  entryId: string
  clientId: string
  template: Template
  /** Changes after every save: the time to look again at what the entry offers. */
  savedVersion: string
  /** Saves what is on screen, so the core reads the latest text. */
  flush: () => Promise<boolean>
}

type Confirmation = { added: AppliedItem[]; skipped: number }

/** Waits this long after a save before asking the core again, so typing in bursts asks once. */
const SETTLE_MS = 900

/**
 * "3 things to add to Dana’s record": a quiet line under the entry once what
 * they wrote under the template's marked headings could go into the client
 * record. Nothing is added until they tick items and say "Add selected".
 */
export function RecordOffer({ entryId, clientId, template, savedVersion, flush }: RecordOfferProps) {
  const [clientName, setClientName] = useState<string | null>(null)
  const [proposals, setProposals] = useState<ExtractProposal[]>([])
  const [reviewing, setReviewing] = useState<ExtractProposal[] | null>(null)
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    call('clients:get', { id: clientId }).then(
      (detail) => !cancelled && setClientName(detail.summary.name),
      () => undefined
    )
    return () => {
      cancelled = true
    }
  }, [clientId])

  const look = async (): Promise<ExtractProposal[]> => {
    const result = await call('templates:extract', { entryId })
    const open = notDeclined(entryId, result.proposals)
    setProposals(open)
    setProblem(result.problem ?? null)
    return open
  }

  useEffect(() => {
    let cancelled = false
    const timer = setTimeout(() => {
      call('templates:extract', { entryId }).then(
        (result) => {
          if (cancelled) return
          setProposals(notDeclined(entryId, result.proposals))
          setProblem(result.problem ?? null)
        },
        () => undefined
      )
    }, SETTLE_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [entryId, savedVersion])

  const review = async () => {
    setConfirmation(null)
    setProblem(null)
    try {
      await flush()
      const open = await look()
      if (open.length > 0) setReviewing(open)
      else setProblem(`Nothing new to add yet: write items as a list under ${markedHeadings(template)}.`)
    } catch (caught) {
      setProblem(errorMessage(caught))
    }
  }

  const applied = (result: ApplyResult, unticked: ExtractProposal[]) => {
    // What they left unticked counts as a no: it is not offered again on the next save.
    decline(entryId, unticked)
    setReviewing(null)
    setConfirmation({ added: result.added, skipped: result.skipped.length })
    void look().catch(() => undefined)
  }

  const name = clientName ?? 'the client'
  const count = proposals.length

  return (
    <div className="record-offer" aria-live="polite">
      {confirmation ? (
        <div className="record-offer-line done" role="status">
          <span>
            {confirmation.added.length === 0
              ? `Nothing added: ${possessive(name)} record already has ${confirmation.skipped === 1 ? 'it' : 'them'}.`
              : `Added to ${possessive(name)} record, linked to this entry:`}
          </span>
          {confirmation.added.length > 0 && (
            <ul className="record-added">
              {confirmation.added.map((item) => (
                <li key={`${item.kind}-${item.id ?? item.text}`}>
                  <span className="record-kind">{kindLabels[item.kind]}</span> {item.text}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button subtle small" onClick={() => setConfirmation(null)}>
            Dismiss
          </button>
        </div>
      ) : count > 0 ? (
        <div className="record-offer-line">
          <span>
            {plural(count, 'thing', 'things')} to add to {possessive(name)} record
          </span>
          <button type="button" className="button small" onClick={() => setReviewing(proposals)}>
            Review…
          </button>
          <button
            type="button"
            className="button subtle small"
            onClick={() => {
              decline(entryId, proposals)
              setProposals([])
            }}
          >
            Not now
          </button>
        </div>
      ) : (
        <div className="record-offer-line quiet">
          <button type="button" className="button subtle small" onClick={() => void review()}>
            Add to client record…
          </button>
          {problem && <span className="record-offer-problem">{problem}</span>}
        </div>
      )}
      {reviewing && <RecordProposalsDialog entryId={entryId} clientName={name} proposals={reviewing} onApplied={applied} onClose={() => setReviewing(null)} />}
    </div>
  )
}

function markedHeadings(template: Template): string {
  return template.extract.map((m) => `“${m.heading}”`).join(', ')
}
