import { useEffect, useRef, useState } from 'react'
import type { Entry } from '@shared/domain'
import { call, errorMessage } from '@renderer/platform/api'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { DiffLines } from './DiffLines'
import { fileSize } from './format'
import { useAsync } from '@renderer/platform/hooks/useAsync'
import { dayAndTime, relativeTime } from '@shared/dates'
import { appNow } from '@renderer/platform/dates/app-clock'
import './safety.css'

interface HistoryDialogProps {
  entryId: string
  /** The version the editor shows (everything saved): a restore is refused if the file moved on meanwhile. */
  version: string
  /** Why no version can be put back now (a read-only vault, unsaved text); null when one can. */
  cannotRestore: string | null
  onRestored: (entry: Entry) => void
  onClose: () => void
}

/** The snapshot's differences from the entry as it is now. */
function SnapshotDiff({ entryId, snapshotId }: { entryId: string; snapshotId: string }) {
  const [compared] = useAsync(() => call('history:compare', { entryId, snapshotId }), [entryId, snapshotId])
  if (compared.state === 'loading')
    return (
      <p className="history-placeholder" aria-busy="true">
        Reading this version…
      </p>
    )
  if (compared.state === 'error')
    return (
      <p role="alert" className="form-error">
        {compared.message}
      </p>
    )
  return (
    <DiffLines
      label="Differences between this version and the entry now"
      parts={compared.value.diff}
      removedLabel="Only in this version"
      addedLabel="Added since"
    />
  )
}

/** Every saved version of an entry, newest first; choose one to see what changed since, and put it back. */
export function HistoryDialog({ entryId, version, cannotRestore, onRestored, onClose }: HistoryDialogProps) {
  const [snapshots] = useAsync(async () => (await call('history:list', { entryId })).toSorted((a, b) => b.at.localeCompare(a.at)), [entryId])
  const [chosen, setChosen] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const selected = chosen ?? (snapshots.state === 'ready' ? (snapshots.value[0]?.id ?? null) : null)
  // The list arrives after the dialog opened: put focus on the chosen version then, so the arrow keys move through them.
  const listRef = useRef<HTMLDivElement>(null)
  const ready = snapshots.state === 'ready'
  useEffect(() => {
    if (ready) listRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus()
  }, [ready])

  const restore = async () => {
    if (!selected) return
    setBusy(true)
    setError(null)
    try {
      onRestored(await call('history:restore', { entryId, snapshotId: selected, version }))
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }

  return (
    <Dialog title="History" onClose={onClose} className="history-dialog" busy={busy}>
      {snapshots.state === 'loading' && (
        <p className="dialog-message" aria-busy="true">
          Reading the history…
        </p>
      )}
      {snapshots.state === 'error' && (
        <p role="alert" className="form-error">
          {snapshots.message}
        </p>
      )}
      {snapshots.state === 'ready' && snapshots.value.length === 0 && (
        <p className="dialog-message">No earlier versions yet. Rapport keeps one each time you come back to an entry after a while.</p>
      )}
      {snapshots.state === 'ready' && snapshots.value.length > 0 && (
        <div className="history-layout">
          <div ref={listRef} className="history-list" role="radiogroup" aria-label="Earlier versions">
            {snapshots.value.map((snapshot) => (
              <label key={snapshot.id} className={`history-item ${snapshot.id === selected ? 'selected' : ''}`}>
                <input type="radio" name="snapshot" className="visually-hidden" checked={snapshot.id === selected} onChange={() => setChosen(snapshot.id)} />
                <span className="history-when">{relativeTime(snapshot.at, appNow())}</span>
                <span className="history-detail">
                  <time dateTime={snapshot.at}>{dayAndTime(snapshot.at)}</time> · {fileSize(snapshot.bytes)}
                </span>
              </label>
            ))}
          </div>
          <div className="history-diff">{selected && <SnapshotDiff entryId={entryId} snapshotId={selected} />}</div>
        </div>
      )}
      {cannotRestore && <p className="field-hint">{cannotRestore}</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        {!cannotRestore && (
          <button type="button" className="button primary" disabled={busy || !selected} onClick={() => void restore()}>
            Restore this version
          </button>
        )}
      </div>
    </Dialog>
  )
}
