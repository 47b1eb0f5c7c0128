import { useRef, useState } from 'react'
import type { ConflictSummary, TrashItemSummary } from '@shared/contract/safety'
import type { ViewContext } from '@renderer/platform/views'
import { call, errorMessage } from '@renderer/platform/api'
import { ConfirmDialog } from '@renderer/platform/ui/ConfirmDialog'
import { CompareConflictDialog, copyOrigin } from './CompareConflictDialog'
import { useAsync } from '@renderer/platform/hooks/useAsync'
import { dayAndTime, relativeTime } from '@shared/dates'
import { appNow } from '@renderer/platform/dates/app-clock'
import './safety.css'

const KIND_LABEL: Record<TrashItemSummary['kind'], string> = { client: 'Client', entry: 'Entry', template: 'Template', attachment: 'Attachment' }

/** Conflicting copies across the vault; shown above the trash only when there are any. */
function ConflictCopies({ conflicts, onCompare }: { conflicts: readonly ConflictSummary[]; onCompare: (conflict: ConflictSummary) => void }) {
  return (
    <section className="safety-section" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading" className="safety-heading">
        Conflicting copies
      </h2>
      <p className="safety-intro">Two versions of the same entry. Compare them and choose which text to keep.</p>
      <ul className="safety-list">
        {conflicts.map((conflict) => (
          <li key={conflict.path} className="safety-item">
            <div className="safety-item-text">
              <span className="safety-item-label">{conflict.originalPath}</span>
              <span className="safety-item-detail">Another version: {copyOrigin(conflict.tool)}</span>
            </div>
            <button
              type="button"
              className="button small"
              disabled={!conflict.entryId}
              title={conflict.entryId ? undefined : 'The entry itself is gone; the copy is left as it is.'}
              onClick={() => onCompare(conflict)}
            >
              Compare…
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** One thing in the trash, with where it came from and a way back. */
function TrashItem({ item, canWrite, onRestore }: { item: TrashItemSummary; canWrite: boolean; onRestore: () => Promise<void> }) {
  const [busy, setBusy] = useState(false)
  return (
    <li className="safety-item">
      <div className="safety-item-text">
        <span className="safety-item-label">
          <span className="trash-kind">{KIND_LABEL[item.kind]}</span> {item.label}
        </span>
        <span className="safety-item-detail">
          Deleted{' '}
          <time dateTime={item.deletedAt} title={dayAndTime(item.deletedAt)}>
            {relativeTime(item.deletedAt, appNow())}
          </time>{' '}
          from <code>{item.originalPath}</code>
        </span>
      </div>
      <button
        type="button"
        className="button small"
        disabled={!canWrite || busy}
        aria-label={`Restore ${item.label}`}
        onClick={() => {
          setBusy(true)
          void onRestore().finally(() => setBusy(false))
        }}
      >
        Restore
      </button>
    </li>
  )
}

/** The vault's trash (and any conflicting copies): what was deleted, when, from where, and the way back. */
export function TrashView({ context }: { context: ViewContext }) {
  const [trash, reloadTrash] = useAsync(() => call('trash:list', undefined), [])
  const [conflicts, reloadConflicts] = useAsync(() => call('conflicts:list', undefined), [])
  const [comparing, setComparing] = useState<ConflictSummary | null>(null)
  const [confirmEmpty, setConfirmEmpty] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  // A restored item's button leaves the page with it; focus goes to the view's heading rather than nowhere.
  const headingRef = useRef<HTMLHeadingElement>(null)
  const items = trash.state === 'ready' ? trash.value.toSorted((a, b) => b.deletedAt.localeCompare(a.deletedAt)) : []

  const restore = async (item: TrashItemSummary) => {
    setStatus(null)
    try {
      const { path } = await call('trash:restore', { id: item.id })
      await context.refresh()
      setStatus(`Restored ${item.label} to ${path}.`)
      headingRef.current?.focus()
    } catch (error) {
      context.notify(errorMessage(error))
    }
    reloadTrash()
  }

  return (
    <div className="safety-view">
      <header className="safety-header">
        <h1 ref={headingRef} className="safety-title" tabIndex={-1}>
          Trash
        </h1>
        <button type="button" className="button small" disabled={!context.canWrite || items.length === 0} onClick={() => setConfirmEmpty(true)}>
          Empty trash…
        </button>
      </header>
      {status && (
        <p role="status" className="safety-status">
          {status}
        </p>
      )}
      {conflicts.state === 'ready' && conflicts.value.length > 0 && <ConflictCopies conflicts={conflicts.value} onCompare={setComparing} />}
      <section className="safety-section" aria-labelledby="trash-heading">
        <h2 id="trash-heading" className="safety-heading">
          Deleted clients, entries and templates
        </h2>
        {trash.state === 'loading' && <p className="safety-intro" aria-busy="true" />}
        {trash.state === 'error' && (
          <p role="alert" className="form-error">
            {trash.message}
          </p>
        )}
        {trash.state === 'ready' && items.length === 0 && (
          <p className="safety-empty">The trash is empty. Anything you delete waits here until you empty it, so you can put it back.</p>
        )}
        {items.length > 0 && (
          <ul className="safety-list" aria-label="Trash">
            {items.map((item) => (
              <TrashItem key={item.id} item={item} canWrite={context.canWrite} onRestore={() => restore(item)} />
            ))}
          </ul>
        )}
      </section>
      {comparing && (
        <CompareConflictDialog
          path={comparing.path}
          tool={comparing.tool}
          onClose={() => setComparing(null)}
          onResolved={() => {
            setComparing(null)
            reloadConflicts()
            reloadTrash()
            void context.refresh()
          }}
        />
      )}
      {confirmEmpty && (
        <ConfirmDialog
          title="Empty the trash?"
          message={`The ${items.length === 1 ? 'item' : `${items.length} items`} in the trash will be deleted for good. This cannot be undone.`}
          confirmLabel="Empty trash"
          danger
          onClose={() => setConfirmEmpty(false)}
          onConfirm={async () => {
            const { removed } = await call('trash:empty', undefined)
            setConfirmEmpty(false)
            setStatus(`The trash is empty: ${removed === 1 ? '1 item' : `${removed} items`} deleted for good.`)
            reloadTrash()
            headingRef.current?.focus()
          }}
        />
      )}
    </div>
  )
}
