import { useSyncExternalStore } from 'react'
import type { AutosaveSession } from '@renderer/platform/editing/autosave-session'
import './safety.css'

/**
 * A save that failed for a reason outside Rapport (a full disk, a folder it
 * may not write to): the text stays in the editor, and Rapport says so
 * plainly, and when it tries again.
 */
export function SaveProblemNotice({ session }: { session: AutosaveSession }) {
  const state = useSyncExternalStore(session.subscribe, session.getState)
  if (state.kind !== 'error') return null
  return (
    <div role="alert" className="save-problem">
      <p className="save-problem-message">Not saved yet. {state.message}</p>
      <p>
        Your text is safe here in the editor.{' '}
        {state.retrying ? 'Rapport tries again every few seconds, and saves as soon as it can.' : 'Keep this window open while you sort it out.'}
      </p>
      {!state.retrying && (
        <button type="button" className="button small" onClick={() => void session.flush()}>
          Try again
        </button>
      )}
    </div>
  )
}
