import { useEffect, useState, useSyncExternalStore } from 'react'
import { GIT_MARKERS_TOOL } from '@shared/contract/safety'
import type { ConflictSummary } from '@shared/contract/safety'
import type { Entry } from '@shared/domain'
import { call, errorMessage } from '@renderer/platform/api'
import { onVaultChange, touchesEntry } from '@renderer/platform/vault-changes'
import { CompareConflictDialog } from '@renderer/safety'
import { useAsync } from '@renderer/platform/hooks/useAsync'
import type { AutosaveSession } from '@renderer/platform/editing/autosave-session'
import './editor.css'

interface ConflictNoticeProps {
  session: AutosaveSession
  entryId: string
  /** The entry after the person chose; null if it is gone. The editor shows it. */
  onResolved: (entry: Entry | null) => void
  /** Where focus goes once the choice is made (the notice itself may be gone). */
  restoreFocus: () => boolean
}

/** "two versions that git could not merge…", then the copies beside the entry, if any. */
function copiesPhrase(all: readonly ConflictSummary[]): string {
  const markers = all.some((c) => c.tool === GIT_MARKERS_TOOL)
  const copies = all.filter((c) => c.tool !== GIT_MARKERS_TOOL)
  const inFile = 'two versions that git could not merge, both in its file'
  if (copies.length === 0) return inFile
  const rest = copiesOnlyPhrase(copies)
  return markers ? `${inFile}, and ${rest}` : rest
}

/** "a conflicting copy from Syncthing", "2 conflicting copies from Syncthing and Dropbox", "… of your text, kept by Rapport". */
function copiesOnlyPhrase(copies: readonly ConflictSummary[]): string {
  const tools = [...new Set(copies.map((c) => c.tool))]
  const others = tools.filter((t) => t !== 'Rapport')
  const noun = copies.length === 1 ? 'a conflicting copy' : `${copies.length} conflicting copies`
  if (others.length === 0) return `${noun} of your text, kept by Rapport`
  return `${noun} from ${others.join(' and ')}`
}

/**
 * Shown when this entry has another version beside it: a copy a sync tool
 * made, or the person's own text that Rapport kept when a save met a file
 * changed elsewhere. Saving stays paused for the latter until they choose.
 */
export function ConflictNotice({ session, entryId, onResolved, restoreFocus }: ConflictNoticeProps) {
  const state = useSyncExternalStore(session.subscribe, session.getState)
  const refused = state.kind === 'conflict'
  // Read again whenever the vault changes on disk (a sync tool drops a copy) or a save is refused (Rapport kept one).
  const [changes, setChanges] = useState(0)
  useEffect(
    () =>
      onVaultChange(
        (changes) => touchesEntry(changes, entryId),
        () => setChanges((n) => n + 1)
      ),
    [entryId]
  )
  const [listed, reload] = useAsync(async () => (await call('conflicts:list', undefined)).filter((c) => c.entryId === entryId), [entryId, changes, refused])
  const copies = listed.state === 'ready' ? listed.value : []
  const [comparing, setComparing] = useState<{ copy: ConflictSummary; version?: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (!refused && copies.length === 0) return null

  const compare = async () => {
    setBusy(true)
    setError(null)
    try {
      if (refused) {
        // Anything typed while the refused save was on its way goes into a copy too, so the comparison has every word.
        await session.keepLatestAsCopy()
      } else {
        // Pending edits go to disk first, so "Use the other version" never silently drops them (they stay in the history).
        await session.flush()
      }
      const fresh = (await call('conflicts:list', undefined)).filter((c) => c.entryId === entryId)
      // The newest copy of the person's own text, when their save was refused; otherwise the first one.
      const ownCopies = fresh.filter((c) => c.tool === 'Rapport')
      const copy = (refused ? ownCopies.at(-1) : undefined) ?? fresh[0]
      if (!copy) {
        setError('The other version is no longer there; it may have been resolved already.')
        reload()
        return
      }
      const stillRefused = session.getState().kind === 'conflict'
      setComparing(stillRefused ? { copy } : { copy, version: session.currentVersion })
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div role={refused ? 'alert' : 'status'} className="conflict-notice">
      {refused ? (
        <>
          <p className="conflict-message">Another program changed this entry while you were writing. Both versions are kept.</p>
          <p className="conflict-detail">{state.message}</p>
        </>
      ) : (
        <p className="conflict-message">This entry has {copiesPhrase(copies)}.</p>
      )}
      {error && <p className="form-error">{error}</p>}
      <div className="conflict-actions">
        <button type="button" className="button small primary" disabled={busy} onClick={() => void compare()}>
          Compare…
        </button>
        {refused && <span className="conflict-paused">Saving is paused until you choose.</span>}
      </div>
      {comparing && (
        <CompareConflictDialog
          path={comparing.copy.path}
          tool={comparing.copy.tool}
          {...(comparing.version === undefined ? {} : { version: comparing.version })}
          restoreFocus={restoreFocus}
          onClose={() => setComparing(null)}
          onResolved={(entry) => {
            setComparing(null)
            onResolved(entry)
            reload()
          }}
        />
      )}
    </div>
  )
}
