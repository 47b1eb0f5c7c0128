import { memo, useEffect, useState } from 'react'
import type { Ref } from 'react'
import type { Entry, VaultInfo } from '@shared/domain'
import { call, errorMessage } from '@renderer/platform/api'
import { shortcutLabel } from '@renderer/platform/commands/shortcuts'
import { EntryEditor } from './EntryEditor'
import type { EntryEditorHandle } from './EntryEditor'
import './editor.css'

interface EditorPaneProps {
  entryId: string | null
  /** An entry already in hand (just created): shown without reading it again. */
  preloaded: Entry | null
  info: VaultInfo
  onSaved: (entry: Entry) => void
  onGone: () => void
  onTrash: () => void
  /** Rapport wrote files beside the entry (a copy of the person's text kept, a conflict resolved into a new entry). */
  onFilesBeside?: () => void
  /** Called once the entry is on screen, e.g. to put the cursor in the title of a new entry. */
  onOpened: (entryId: string) => void
  hasClient: boolean
  editorRef: Ref<EntryEditorHandle>
  mainRef: Ref<HTMLElement>
}

type Loaded = { id: string; entry: Entry } | { id: string; error: string }

function readOnlyReason(info: VaultInfo, entry: Entry): string | null {
  if (info.readOnly) return 'This vault is read-only, so entries can be read but not changed.'
  const problem = info.problems.find((p) => p.path === entry.path)
  return problem ? `Rapport will not change this file: ${problem.reason}. Edit it in another program.` : null
}

/** The right-hand pane: reads the chosen entry and shows it in an editor of its own. */
export const EditorPane = memo(function EditorPane(props: EditorPaneProps) {
  const { entryId, preloaded, info, onSaved, onGone, onTrash, onFilesBeside, onOpened, hasClient, editorRef, mainRef } = props
  const [loaded, setLoaded] = useState<Loaded | null>(null)

  useEffect(() => {
    if (entryId === null) return
    if (preloaded?.id === entryId) {
      setLoaded({ id: entryId, entry: preloaded })
      return
    }
    let cancelled = false
    call('entries:read', { id: entryId }).then(
      (entry) => !cancelled && setLoaded({ id: entryId, entry }),
      (error: unknown) => !cancelled && setLoaded({ id: entryId, error: errorMessage(error) })
    )
    return () => {
      cancelled = true
    }
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- only a change of entry reloads; a new `preloaded` for another entry arrives together with its id.
  }, [entryId])

  const current = loaded && loaded.id === entryId ? loaded : null
  useEffect(() => {
    if (current && 'entry' in current) onOpened(current.id)
  }, [current, onOpened])

  return (
    <main ref={mainRef} className="editor-pane" aria-label="Editor" tabIndex={-1}>
      {entryId === null ? (
        <div className="editor-empty">
          <p>{hasClient ? `Choose an entry, or press ${shortcutLabel('entry.new') ?? 'New entry'} to write a new one.` : 'Choose a client, then an entry.'}</p>
        </div>
      ) : current === null ? (
        <div className="editor-empty" aria-busy="true" />
      ) : 'error' in current ? (
        <div className="editor-empty">
          <p role="alert">{current.error}</p>
        </div>
      ) : (
        <EntryEditor
          key={current.id}
          ref={editorRef}
          entry={current.entry}
          readOnlyReason={readOnlyReason(info, current.entry)}
          canTrash={!info.readOnly}
          onSaved={onSaved}
          onGone={onGone}
          onTrash={onTrash}
          {...(onFilesBeside ? { onFilesBeside } : {})}
        />
      )}
    </main>
  )
})
