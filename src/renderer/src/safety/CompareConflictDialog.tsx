import { useId, useState } from 'react'
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

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

type Choice = 'entry' | 'copy' | 'apart' | 'merge'

/**
 * The entry and a conflicting copy (or the two sides of git's conflict
 * markers), named plainly ("what is on disk now", "what you typed"), with the
 * lines and words that differ, and four ways out: keep one side, keep the
 * other, keep both (the other as an entry of its own), or merge by hand in
 * the editor. Nothing is lost: the side not kept goes to the trash, and the
 * entry's file as it was to its history.
 */
export function CompareConflictDialog({ path, tool, version, onResolved, onClose, restoreFocus }: CompareConflictDialogProps) {
  const [compared] = useAsync(() => call('conflicts:compare', { path }), [path])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const effectId = useId()

  const resolve = async (keep: Choice) => {
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

  const ready = compared.state === 'ready' ? compared.value : null
  const names = ready?.names
  const mine = ready?.mineSide ?? 'entry'
  const other = mine === 'entry' ? 'copy' : 'entry'
  const title = ready?.entry.title.trim() || 'Untitled'
  // Keeping a copy's text over the entry's file keeps that file in the entry's history; any other side not kept is put in the trash.
  const whereTheOtherGoes = (keep: 'entry' | 'copy'): string => {
    if (!names) return ''
    const notKept = keep === 'entry' ? 'copy' : 'entry'
    const inHistory = notKept === 'entry' && tool !== GIT_MARKERS_TOOL
    return `${capitalised(names[notKept])} ${inHistory ? 'is kept in the entry’s history' : 'goes to the trash'}.`
  }
  const choices: Array<{ keep: Choice; label: string; effect: string }> = names
    ? [
        { keep: mine, label: `Keep ${names[mine]}`, effect: whereTheOtherGoes(mine) },
        { keep: other, label: `Keep ${names[other]}`, effect: whereTheOtherGoes(other) },
        {
          keep: 'apart',
          label: 'Keep both',
          effect: `${capitalised(names[mine])} stays in this entry; ${names[other]} becomes a new entry, “${title} (other version)”.`
        },
        {
          keep: 'merge',
          label: 'Merge by hand…',
          effect: 'Opens both versions in the editor, each clearly marked where they differ, for you to edit into one.'
        }
      ]
    : []

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
      {ready && names && (
        <>
          <p className="dialog-message">
            {tool === GIT_MARKERS_TOOL
              ? `“${title}” was changed on two computers, and git could not merge the changes: both versions are in its file.`
              : tool === 'Rapport'
                ? `“${title}” was changed on disk by another program while you were typing. Both versions are kept.`
                : `“${title}” has a conflicting copy made by ${tool}.`}{' '}
            Nothing is written until you choose, and nothing is lost: what you do not keep goes to the trash or the entry’s history.
          </p>
          {ready.entrySide.title !== ready.copy.title && (
            <p className="dialog-message">
              The title differs: “{ready.entrySide.title}” in {names.entry}, “{ready.copy.title}” in {names.copy}.
            </p>
          )}
          <DiffLines
            label={`Differences between ${names.entry} and ${names.copy}`}
            parts={ready.diff}
            removedLabel={`Only in ${names.entry}`}
            addedLabel={`Only in ${names.copy}`}
          />
          <ul className="conflict-choices" aria-label="What to keep">
            {choices.map((choice) => (
              <li key={choice.keep}>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  aria-describedby={`${effectId}-${choice.keep}`}
                  onClick={() => void resolve(choice.keep)}
                >
                  {choice.label}
                </button>
                <span id={`${effectId}-${choice.keep}`} className="conflict-choice-effect">
                  {choice.effect}
                </span>
              </li>
            ))}
          </ul>
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
      </div>
    </Dialog>
  )
}
