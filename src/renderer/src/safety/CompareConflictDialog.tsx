import { useState } from 'react'
import { GIT_MARKERS_TOOL } from '@shared/contract/safety'
import type { Entry } from '@shared/domain'
import { call, errorMessage } from '@renderer/platform/api'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { DiffLines } from './DiffLines'
import { useAsync } from '@renderer/platform/hooks/useAsync'
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
  if (tool === GIT_MARKERS_TOOL) return 'two versions git could not merge, both in the entry’s file'
  return tool === 'Rapport' ? 'your text, kept by Rapport when the file changed elsewhere' : `a copy made by ${tool}`
}

/** The two sides named plainly, for the differences and the buttons. */
function sideNames(tool: string): { entry: string; copy: string; keepEntry: string; useCopy: string } {
  if (tool === GIT_MARKERS_TOOL) {
    return {
      entry: 'this computer’s version',
      copy: 'the version pulled in with git',
      keepEntry: 'Keep this computer’s version',
      useCopy: 'Use the version pulled in'
    }
  }
  const copy = tool === 'Rapport' ? 'what you typed' : `the copy from ${tool}`
  return {
    entry: tool === 'Rapport' ? 'what is on disk now' : 'the entry as it is',
    copy,
    keepEntry: 'Keep this entry as it is',
    useCopy: 'Use the other version'
  }
}

/**
 * The entry and a conflicting copy (or the two sides of git's conflict
 * markers), line by line, and the choice: one, the other, or both. The
 * version not kept goes to the trash, so nothing is lost for good.
 */
export function CompareConflictDialog({ path, tool, version, onResolved, onClose, restoreFocus }: CompareConflictDialogProps) {
  const [compared] = useAsync(() => call('conflicts:compare', { path }), [path])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const names = sideNames(tool)
  const resolve = async (keep: 'entry' | 'copy' | 'both') => {
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
      {compared.state === 'loading' && (
        <p className="dialog-message" aria-busy="true">
          Reading both versions…
        </p>
      )}
      {compared.state === 'error' && (
        <p role="alert" className="form-error">
          {compared.message}
        </p>
      )}
      {compared.state === 'ready' && (
        <>
          {tool === GIT_MARKERS_TOOL ? (
            <p className="dialog-message">
              “{compared.value.entry.title.trim() || 'Untitled'}” was changed on two computers, and git could not merge the changes: both versions are in its
              file. Nothing is written until you choose; the version you do not keep goes to the trash.
            </p>
          ) : (
            <p className="dialog-message">
              “{compared.value.entry.title.trim() || 'Untitled'}” as it is now, and the other version: {copyOrigin(tool)}. Choose the text to keep, or keep
              both; the other goes to the trash, where you can still find it.
            </p>
          )}
          {compared.value.entrySide.title !== compared.value.copy.title && (
            <p className="dialog-message">
              The title differs: “{compared.value.entrySide.title}” in {names.entry}, “{compared.value.copy.title}” in {names.copy}.
            </p>
          )}
          <DiffLines
            label="Differences between the entry and the other version"
            parts={compared.value.diff}
            removedLabel={`Only in ${names.entry}`}
            addedLabel={`Only in ${names.copy}`}
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
          {names.keepEntry}
        </button>
        <button
          type="button"
          className="button"
          title="Both texts in the entry: what they share once, and each side where they differ"
          disabled={busy || compared.state !== 'ready'}
          onClick={() => void resolve('both')}
        >
          Keep both
        </button>
        <button type="button" className="button primary" disabled={busy || compared.state !== 'ready'} onClick={() => void resolve('copy')}>
          {names.useCopy}
        </button>
      </div>
    </Dialog>
  )
}
