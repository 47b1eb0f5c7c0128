import { useId, useState } from 'react'
import { call, errorMessage } from '@renderer/platform/api'
import { channelWords, channels } from '@renderer/relationship/words'
import type { Channel } from '@renderer/relationship/words'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { FormActions } from '@renderer/platform/ui/FormActions'
import './coach.css'

type Direction = 'out' | 'in'

/** Kinds of value the essays name, offered as one click; the words become the note. */
const GIVEN = ['Passed on an article', 'Made an introduction', 'Asked a hard question', 'Asked for feedback'] as const
const RECEIVED = ['Recommended us', 'Made an introduction', 'Gave candid feedback', 'Shared something useful'] as const

interface ValueGivenDialogProps {
  clientId: string
  clientName: string
  /** Who gave: you (`out`, the default) or them. */
  direction?: Direction
  /** The client's preferred channel, when known. */
  defaultChannel?: Channel | undefined
  onSaved: () => void
  onClose: () => void
}

/**
 * Value given, both ways, in one step: pick what it was (or type it) and
 * press Enter. It is an interaction with the outcome "value shared": `out`
 * for what you gave, `in` for what they did for you.
 */
export function ValueGivenDialog({ clientId, clientName, direction: initial = 'out', defaultChannel, onSaved, onClose }: ValueGivenDialogProps) {
  const id = useId()
  const [direction, setDirection] = useState<Direction>(initial)
  const [note, setNote] = useState('')
  const [channel, setChannel] = useState<Channel>(defaultChannel ?? 'email')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const save = async (what: string) => {
    setBusy(true)
    setError(null)
    try {
      await call('interactions:add', { clientId, channel, direction, outcome: 'value-shared', ...(what.trim() ? { note: what.trim() } : {}) })
      onSaved()
      onClose()
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  return (
    <Dialog title={`Value given — ${clientName}`} onClose={onClose} busy={busy} className="value-dialog">
      <form
        className="value-form"
        onSubmit={(event) => {
          event.preventDefault()
          void save(note)
        }}
      >
        <fieldset className="value-direction">
          <legend className="visually-hidden">Who gave</legend>
          <label>
            <input type="radio" name={`${id}-direction`} checked={direction === 'out'} onChange={() => setDirection('out')} /> I added value
          </label>
          <label>
            <input type="radio" name={`${id}-direction`} checked={direction === 'in'} onChange={() => setDirection('in')} /> They did something for me
          </label>
        </fieldset>
        <div className="value-kinds" role="group" aria-label="Kinds of value">
          {(direction === 'out' ? GIVEN : RECEIVED).map((kind) => (
            <button key={kind} type="button" className={`button small ${note === kind ? 'primary' : ''}`} onClick={() => setNote(kind)}>
              {kind}
            </button>
          ))}
        </div>
        <label htmlFor={`${id}-note`}>What it was</label>
        <input
          id={`${id}-note`}
          className="text-input"
          data-autofocus
          value={note}
          placeholder={direction === 'out' ? 'Sent her the piece on pricing models' : 'Introduced us to their CFO'}
          onChange={(event) => setNote(event.target.value)}
          autoComplete="off"
        />
        <label htmlFor={`${id}-channel`}>Channel</label>
        <select id={`${id}-channel`} className="text-input" value={channel} onChange={(event) => setChannel(event.target.value as Channel)}>
          {channels.map((value) => (
            <option key={value} value={value}>
              {channelWords[value]}
            </option>
          ))}
        </select>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <FormActions submitLabel="Log it" onCancel={onClose} disabled={busy} />
      </form>
    </Dialog>
  )
}
