import { useState } from 'react'
import type { Entry } from '@shared/domain'
import { call, errorMessage } from '@renderer/app/api'
import { Dialog } from '@renderer/ui/Dialog'
import { DiffLines } from './DiffLines'
import { useAsync } from './useAsync'
import './safety.css'

interface CompareConflictDialogProps {
  /** The conflicting copy, vault-relative. */
  path: string
  /** Who made the copy, in words ("Syncthing", "Rapport"). */
  tool: string
  /** The version the editor shows, when it matches the file; left out while the editor's own save was refused. */
  version?: string
  onResolved: (entry: Entry | null) => void
  onClose: () => void
  restoreFocus?: () => boolean
}

/** Where the copy came from, said the way a person would. */
export function copyOrigin(tool: string): string {
  return tool === 'Rapport' ? 'your text, kept by Rapport when the file changed elsewhere' : `a copy made by ${tool}`
}

/**
 * The entry and a conflicting copy, line by line, and the choice between
 * them. Either way the copy goes to the trash, so nothing is lost for good.
 */
export function CompareConflictDialog({ path, tool, version, onResolved, onClose, restoreFocus }: CompareConflictDialogProps) {
  const [compared] = useAsync(() => call('conflicts:compare', { path }), [path])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const resolve = async (keep: 'entry' | 'copy') => {
    setBusy(true)
    setError(null)
    try {
      const entry = await call('conflicts:resolve', version === undefined ? { path, keep } : { path, keep, version })
      onResolved(entry)
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }

  return (
    <Dialog title="Compare versions" onClose={onClose} className="compare-dialog" busy={busy} {...(restoreFocus ? { restoreFocus } : {})}>
      {compared.state === 'loading' && <p className="dialog-message" aria-busy="true">Reading both versions…</p>}
      {compared.state === 'error' && (
        <p role="alert" className="form-error">
          {compared.message}
        </p>
      )}
      {compared.state === 'ready' && (
        <>
          <p className="dialog-message">
            “{compared.value.entry.title.trim() || 'Untitled'}” as it is now, and the other version: {copyOrigin(tool)}. Choose the text to keep;
            the other goes to the trash, where you can still find it.
          </p>
          <DiffLines
            label="Differences between the entry and the other version"
            parts={compared.value.diff}
            removedLabel="Only in the entry as it is"
            addedLabel={tool === 'Rapport' ? 'Only in the other version (your text)' : `Only in the other version (from ${tool})`}
          />
        </>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Decide later
        </button>
        <button type="button" className="button" disabled={busy || compared.state !== 'ready'} onClick={() => void resolve('entry')}>
          Keep this entry as it is
        </button>
        <button type="button" className="button primary" disabled={busy || compared.state !== 'ready'} onClick={() => void resolve('copy')}>
          Use the other version
        </button>
      </div>
    </Dialog>
  )
}
