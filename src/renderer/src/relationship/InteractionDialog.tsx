import { useId, useState } from 'react'
import type { Interaction } from '@shared/contract/relationship'
import { directions } from '@shared/domain'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { errorMessage } from '@renderer/platform/api'
import { capitalise } from '@shared/words'
import { channelWords, channels, outcomeWords, outcomes } from './words'
import type { Channel, Outcome } from './words'
import { FormActions } from '@renderer/platform/ui/FormActions'

type Direction = (typeof directions)[number]

export interface InteractionDraft {
  at: string
  channel: Channel
  direction: Direction
  outcome: Outcome
  note: string
}

/** `datetime-local` wants local wall time without a zone. */
function toLocalInput(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso.slice(0, 16)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

interface InteractionDialogProps {
  /** The interaction to edit; a new one when absent. */
  editing?: Interaction
  /** The client's preferred channel, the default for a new one. */
  defaultChannel?: Channel
  onSave: (draft: InteractionDraft) => Promise<void>
  onClose: () => void
}

/** Logging a call or an email in a few keystrokes: the channel is preselected, the date is now, Enter saves. */
export function InteractionDialog({ editing, defaultChannel, onSave, onClose }: InteractionDialogProps) {
  const id = useId()
  const [channel, setChannel] = useState<Channel>(editing?.channel ?? defaultChannel ?? 'email')
  const [direction, setDirection] = useState<Direction>(editing?.direction ?? 'out')
  const [outcome, setOutcome] = useState<Outcome>(editing?.outcome ?? 'no-reply')
  const [note, setNote] = useState(editing?.note ?? '')
  const [at, setAt] = useState(toLocalInput(editing?.at ?? new Date().toISOString()))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const when = new Date(at)
      if (Number.isNaN(when.getTime())) throw new Error('Give a date and time, like 2026-11-22 10:30.')
      await onSave({ at: when.toISOString(), channel, direction, outcome, note: note.trim() })
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  return (
    <Dialog title={editing ? 'Edit interaction' : 'Log interaction'} onClose={onClose} busy={busy} className="interaction-dialog">
      <form
        className="rel-dialog-grid"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
        onKeyDown={(event) => {
          // Enter on a select does not submit a form by itself; here it should, so "log a call" is shortcut + Enter.
          if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
            event.preventDefault()
            void submit()
          }
        }}
      >
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select id={`${id}-outcome`} className="text-input" data-autofocus value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
          {outcomes.map((value) => (
            <option key={value} value={value}>
              {capitalise(outcomeWords[value])}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-channel`}>Channel</label>
        <select id={`${id}-channel`} className="text-input" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
          {channels.map((value) => (
            <option key={value} value={value}>
              {channelWords[value]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-direction`}>Direction</label>
        <select id={`${id}-direction`} className="text-input" value={direction} onChange={(e) => setDirection(e.target.value as Direction)}>
          <option value="out">I reached out</option>
          <option value="in">They reached out</option>
        </select>
        <label htmlFor={`${id}-at`}>When</label>
        <input id={`${id}-at`} type="datetime-local" className="text-input" value={at} onChange={(e) => setAt(e.target.value)} />
        <label htmlFor={`${id}-note`}>Note</label>
        <input id={`${id}-note`} className="text-input" value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
        {error && (
          <p className="form-error rel-span" role="alert">
            {error}
          </p>
        )}
        <FormActions className="rel-span" submitLabel={editing ? 'Save' : 'Log it'} onCancel={onClose} disabled={busy} />
      </form>
    </Dialog>
  )
}
