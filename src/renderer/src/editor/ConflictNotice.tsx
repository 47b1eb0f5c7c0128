import { useState, useSyncExternalStore } from 'react'
import { errorMessage } from '@renderer/app/api'
import type { AutosaveSession } from './autosave-session'
import './editor.css'

interface ConflictNoticeProps {
  session: AutosaveSession
  onLoadTheirs: () => Promise<void>
  onKeepMine: () => Promise<void>
}

/** Shown only while a save was refused because the file changed on disk; the person decides which text wins. */
export function ConflictNotice({ session, onLoadTheirs, onKeepMine }: ConflictNoticeProps) {
  const state = useSyncExternalStore(session.subscribe, session.getState)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (state.kind !== 'conflict') return null

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div role="alert" className="conflict-notice">
      <p className="conflict-message">This entry was changed by another program. Your text is safe here; nothing was overwritten.</p>
      {error && <p className="form-error">{error}</p>}
      <div className="conflict-actions">
        <button type="button" className="button small" disabled={busy} onClick={() => void run(onLoadTheirs)}>
          Load their version
        </button>
        <button type="button" className="button small primary" disabled={busy} onClick={() => void run(onKeepMine)}>
          Keep mine
        </button>
      </div>
    </div>
  )
}
