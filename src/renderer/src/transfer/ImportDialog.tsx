import { useEffect, useRef, useState } from 'react'
import type { ImportPreview, ImportReport } from '@shared/contract/transfer'
import type { ClientSummary } from '@shared/domain'
import { call, errorMessage } from '@renderer/platform/api'
import { Dialog } from '@renderer/platform/ui/Dialog'
import type { ImportChoices } from './ImportPreviewView'
import { ImportPreviewView, notesToWrite } from './ImportPreviewView'
import { ImportResult } from './ImportResult'
import { ImportPhaseBar } from './ImportPhaseBar'
import type { ImportPhase } from './ImportPhaseBar'
import { plural } from './transfer-words'
import { useTransferJob } from './useTransferJob'
import './transfer.css'

interface ImportDialogProps {
  clients: readonly ClientSummary[]
  /** After notes were written (even a cancelled import writes some): the lists behind are read again. */
  onImported: () => void
  onClose: () => void
}

const firstChoices: ImportChoices = { clientId: '', createClients: true, duplicates: 'skip', windows1252: false }

/** What the native dialog asks for when no notes are chosen yet: a folder, walked whole, or single Markdown files. */
type SourceKind = 'folder' | 'files'

/**
 * Import Markdown… : choose a folder or some Markdown files, see a preview
 * of what would happen (nothing is written yet), adjust it, then import with
 * progress and Cancel, and read what was done. The sources are only ever read.
 */
export function ImportDialog({ clients, onImported, onClose }: ImportDialogProps) {
  const [choices, setChoices] = useState<ImportChoices>(firstChoices)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [phase, setPhase] = useState<ImportPhase | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** What was chosen last, so "Choose again" asks for the same kind. */
  const [sourceKind, setSourceKind] = useState<SourceKind>('folder')
  const job = useTransferJob()
  const primaryButton = useRef<HTMLButtonElement>(null)
  /** The choices the preview on screen was read with. */
  const shownWith = useRef<ImportChoices>(firstChoices)

  // A job's progress bar held focus and is gone: focus goes to what comes next (Import, or Choose folder after a cancel).
  useEffect(() => {
    if (phase === null && (document.activeElement === document.body || document.activeElement === null)) primaryButton.current?.focus()
  }, [phase, preview])

  const request = (paths: string[] | undefined, next: ImportChoices, choose: SourceKind = sourceKind) => ({
    ...(paths ? { paths } : { choose }),
    ...(next.clientId ? { clientId: next.clientId } : {}),
    createClients: next.createClients,
    windows1252: next.windows1252
  })

  /** Reads the notes and shows what an import would do; without paths the core asks for a folder or files (`sourceKind`). */
  const readPreview = async (paths: string[] | undefined, next: ImportChoices, choose: SourceKind = sourceKind) => {
    setError(null)
    setPhase('reading')
    try {
      const read = await job.run((jobId) => call('import:preview', { ...request(paths, next, choose), jobId }))
      // A preview stopped half way would show only some of the notes as if they were all: it is dropped,
      // and the choices go back to those the preview on screen was read with.
      if (read.cancelled) setChoices((now) => ({ ...shownWith.current, duplicates: now.duplicates }))
      else if (read.value) {
        shownWith.current = next
        setPreview(read.value)
        if (!paths) setSourceKind(choose)
      }
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setPhase(null)
    }
  }

  const change = (patch: Partial<ImportChoices>) => {
    // One reading at a time: a change made while the notes are read again waits for that reading to end.
    if (job.running) return
    const next = { ...choices, ...patch }
    setChoices(next)
    // Skipping or keeping duplicates does not change where notes go; the other choices do, so the notes are read again.
    if (preview && ('clientId' in patch || 'createClients' in patch || 'windows1252' in patch)) void readPreview(preview.paths, next)
  }

  const runImport = async () => {
    if (!preview) return
    setError(null)
    setPhase('importing')
    try {
      const { value: done } = await job.run((jobId) => call('import:run', { ...request(preview.paths, choices), duplicates: choices.duplicates, jobId }))
      if (done) {
        setReport(done)
        onImported()
      }
    } catch (failure) {
      setError(errorMessage(failure))
      // Some notes may have been written before the failure.
      onImported()
    } finally {
      setPhase(null)
    }
  }

  /** Asks the core to open its dialog for a folder or for files, then shows the preview of what was chosen. */
  const chooseSources = (kind: SourceKind) => void readPreview(undefined, choices, kind)

  /** Escape: stops a running job rather than hiding it. */
  const close = () => (job.running ? job.cancel() : onClose())

  if (report) {
    return (
      <Dialog title="Import finished" onClose={onClose} className="transfer-dialog">
        <ImportResult report={report} onClose={onClose} />
      </Dialog>
    )
  }

  const toWrite = preview ? notesToWrite(preview, choices.duplicates) : 0
  // Reading the notes again after a change of choices keeps the preview on screen (and focus where it was).
  const rereading = phase === 'reading' && preview !== null
  const progressBar = phase !== null && <ImportPhaseBar phase={phase} job={job} units={{ reading: 'notes read', importing: 'notes' }} takeFocus={!rereading} />
  return (
    <Dialog title={preview ? 'Import preview' : 'Import Markdown notes'} onClose={close} className="transfer-dialog wide" busy={job.running}>
      {phase !== null && !rereading && (
        <div className="transfer-running">
          <p className="dialog-message">{phase === 'reading' ? 'Reading the notes…' : `Importing ${plural(toWrite, 'note')}…`}</p>
          {progressBar}
        </div>
      )}
      {phase === null && !preview && (
        <>
          <p className="dialog-message">
            Bring in Markdown notes from a folder (a Rapport export, an Obsidian vault or another journal) or a few Markdown files. Front matter (title, dates,
            tags) is used where it fits; a subfolder named after a client sends its notes to that client.
          </p>
          <p className="dialog-message">You will see what would be imported before anything is written, and the files themselves are never changed.</p>
        </>
      )}
      {(phase === null || rereading) && preview && (
        <ImportPreviewView preview={preview} clients={clients} choices={choices} onChange={change} updating={rereading} />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {rereading && <div className="transfer-rereading">{progressBar}</div>}
      {phase === null && (
        <div className="dialog-actions">
          {preview && (
            <button type="button" className="button subtle push-left" onClick={() => chooseSources(sourceKind)}>
              {sourceKind === 'files' ? 'Choose other files…' : 'Choose another folder…'}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {!preview && (
            <button type="button" className="button" onClick={() => chooseSources('files')}>
              Choose files…
            </button>
          )}
          {preview ? (
            <button ref={primaryButton} type="button" className="button primary" onClick={() => void runImport()} disabled={toWrite === 0}>
              Import {plural(toWrite, 'note')}
            </button>
          ) : (
            <button ref={primaryButton} type="button" className="button primary" onClick={() => chooseSources('folder')} data-autofocus>
              Choose folder…
            </button>
          )}
        </div>
      )}
    </Dialog>
  )
}
