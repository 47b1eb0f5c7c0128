import type { Editor } from '@tiptap/react'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { RefObject } from 'react'
import type { Entry } from '@shared/domain'
import { call } from '@renderer/platform/api'
import { AutosaveSession } from '@renderer/platform/editing/autosave-session'
import type { Draft } from '@renderer/platform/editing/autosave-session'

interface AutosaveOptions {
  /** The draft as the editor writes the loaded entry back, so merely opening an entry never rewrites its file. */
  baseline: () => Draft
  /** What is on screen now. */
  read: () => Draft | Promise<Draft>
  onSaved: (entry: Entry) => void
}

const noSubscription = () => () => undefined

/**
 * One autosave session per mounted entry (the parent keys the editor by entry
 * id), and whether a save stands refused as a conflict.
 */
export function useAutosave(
  editor: Editor,
  entry: Pick<Entry, 'id' | 'version'>,
  options: AutosaveOptions
): { session: AutosaveSession | null; sessionRef: RefObject<AutosaveSession | null>; conflicted: boolean } {
  const sessionRef = useRef<AutosaveSession | null>(null)
  const [session, setSession] = useState<AutosaveSession | null>(null)
  const latest = useRef(options)
  latest.current = options

  useEffect(() => {
    const created = new AutosaveSession({
      id: entry.id,
      version: entry.version,
      baseline: latest.current.baseline(),
      read: () => latest.current.read(),
      save: (input) => call('entries:save', input),
      onSaved: (saved) => latest.current.onSaved(saved)
    })
    sessionRef.current = created
    setSession(created)
    return () => {
      // Best effort for an unexpected unmount; normal navigation has flushed already.
      if (!created.isClean()) void created.flush()
      created.dispose()
      sessionRef.current = null
    }
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- one session per mounted entry: the parent keys the editor by entry id.
  }, [editor])

  // While a save stands refused, editing pauses: the kept copy then has every word, and choosing a version loses none.
  const conflicted = useSyncExternalStore(session ? session.subscribe : noSubscription, () => session?.getState().kind === 'conflict')
  return { session, sessionRef, conflicted }
}
