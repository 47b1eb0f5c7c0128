import { useSyncExternalStore } from 'react'
import type { AutosaveSession, SaveState } from '@renderer/platform/editing/autosave-session'
import './editor.css'

export function saveStatusText(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved'
    case 'saving':
      return 'Saving…'
    case 'unsaved':
      return 'Unsaved changes'
    case 'conflict':
      return 'Not saved'
    case 'error':
      // The reason is in the notice above the title; this line stays short.
      return state.retrying ? 'Not saved yet · will retry' : 'Not saved'
  }
}

/** Subscribes on its own, so a change of save state re-renders this line and nothing else. */
export function SaveStatus({ session }: { session: AutosaveSession }) {
  const state = useSyncExternalStore(session.subscribe, session.getState)
  return (
    <p
      role="status"
      className={`save-status ${state.kind}`}
      title={state.kind === 'error' && state.retrying ? 'Rapport tries again every few seconds.' : undefined}
    >
      {saveStatusText(state)}
    </p>
  )
}
