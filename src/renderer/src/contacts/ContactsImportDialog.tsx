import { useEffect, useRef, useState } from 'react'
import type { ContactField, ContactsImportReport, ContactsPreview } from '@shared/contract/contacts'
import { summariseContacts } from '@shared/contacts-outcome'
import { call, errorMessage } from '@renderer/platform/api'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { ImportPhaseBar, TransferResult, plural, useTransferJob } from '@renderer/transfer'
import type { ImportPhase } from '@renderer/transfer'
import type { Choices } from './ContactsPreviewView'
import { ContactsPreviewView } from './ContactsPreviewView'
import './contacts.css'

const firstChoices: Choices = { shape: 'client', organisations: {}, duplicates: {}, otherDuplicates: 'skip' }
type Columns = Record<string, Record<string, ContactField | null>>

/**
 * Import Contacts… : choose vCard or CSV files, see what would happen in
 * both shapes (nothing is written yet), choose per organisation and per
 * duplicate, then import with progress and Cancel. Built like Import
 * Markdown… (transfer/ImportDialog.tsx), from the same pieces.
 */
export function ContactsImportDialog({ onImported, onClose }: { onImported: () => void; onClose: () => void }) {
  const [choices, setChoices] = useState<Choices>(firstChoices)
  const [columns, setColumns] = useState<Columns>({})
  // The choices so far, read by a second choice made before the first has re-rendered the dialog.
  const latestColumns = useRef<Columns>({})
  const [preview, setPreview] = useState<ContactsPreview | null>(null)
  const [phase, setPhase] = useState<ImportPhase | null>(null)
  const [report, setReport] = useState<ContactsImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const job = useTransferJob()
  const primaryButton = useRef<HTMLButtonElement>(null)
  // A column chosen while the preview is still being read again: read once more with it when that read ends, never drop it.
  const queuedColumns = useRef<Columns | null>(null)
  const latestRead = useRef(0)

  useEffect(() => {
    if (phase === null && (document.activeElement === document.body || document.activeElement === null)) primaryButton.current?.focus()
  }, [phase, preview])

  /** Reads the files (the core asks for them when there are none yet) and shows what an import would do. */
  const readPreview = async (paths: string[] | undefined, nextColumns: Columns) => {
    // Two choices made in quick succession can start two reads: only the last one asked for may show, whichever ends last.
    const read = ++latestRead.current
    const isLatest = () => read === latestRead.current
    setError(null)
    setPhase('reading')
    try {
      const answer = await job.run((jobId) =>
        call('contacts:preview', { ...(paths ? { paths } : {}), ...(Object.keys(nextColumns).length ? { columns: nextColumns } : {}), jobId })
      )
      if (isLatest() && !answer.cancelled && answer.value) {
        setPreview(answer.value)
        if (!paths) setChoices(firstChoices)
      }
    } catch (failure) {
      if (isLatest()) setError(errorMessage(failure))
    } finally {
      if (isLatest()) setPhase(null)
    }
    const queued = queuedColumns.current
    queuedColumns.current = null
    if (queued && paths) await readPreview(paths, queued)
  }

  const mapColumn = (path: string, header: string, field: ContactField | null) => {
    if (!preview) return
    // The person's earlier choices for this file win over what the (possibly older) preview detected.
    const chosen = latestColumns.current
    const mapping = { ...preview.files.find((f) => f.path === path)?.mapping, ...chosen[path], [header]: field }
    const next = { ...chosen, [path]: mapping }
    latestColumns.current = next
    setColumns(next)
    if (job.running) queuedColumns.current = next
    else void readPreview(preview.paths, next)
  }

  const runImport = async () => {
    if (!preview) return
    setError(null)
    setPhase('importing')
    try {
      const { value: done } = await job.run((jobId) =>
        call('contacts:import', {
          paths: preview.paths,
          ...(Object.keys(columns).length ? { columns } : {}),
          choices: { ...choices, fingerprint: preview.fingerprint },
          jobId
        })
      )
      setReport(done)
      onImported()
    } catch (failure) {
      setError(errorMessage(failure))
      onImported()
    } finally {
      setPhase(null)
    }
  }

  const close = () => (job.running ? job.cancel() : onClose())

  if (report) {
    const lines = [
      report.status === 'cancelled'
        ? `Import cancelled: what was written before it stopped stays; ${plural(report.notReached, 'client')} not reached.`
        : 'Contacts imported.',
      report.clientsCreated.length ? `${plural(report.clientsCreated.length, 'client')} created.` : '',
      report.peopleAdded ? `${plural(report.peopleAdded, 'person', 'people')} added to clients.` : '',
      report.merged ? `${plural(report.merged, 'duplicate')} merged.` : '',
      report.skipped ? `${plural(report.skipped, 'duplicate')} skipped.` : ''
    ].filter(Boolean)
    return (
      <Dialog title="Contacts imported" onClose={onClose} className="transfer-dialog">
        <TransferResult
          summary={lines.map((line) => (
            <p key={line} className="dialog-message">
              {line}
            </p>
          ))}
          problems={report.problems}
          problemsTitle="with problems"
          onClose={onClose}
        />
      </Dialog>
    )
  }

  const summary = preview ? summariseContacts(preview, choices) : null
  const toWrite = summary ? summary.clients + summary.people + summary.merged : 0
  const rereading = phase === 'reading' && preview !== null
  const progressBar = phase !== null && (
    <ImportPhaseBar phase={phase} job={job} units={{ reading: 'files read', importing: 'clients written' }} takeFocus={!rereading} />
  )
  return (
    <Dialog title={preview ? 'Contacts preview' : 'Import contacts'} onClose={close} className="transfer-dialog wide" busy={job.running}>
      {phase !== null && !rereading && (
        <div className="transfer-running">
          <p className="dialog-message">{phase === 'reading' ? 'Reading the contacts…' : 'Importing the contacts…'}</p>
          {progressBar}
        </div>
      )}
      {phase === null && !preview && (
        <>
          <p className="dialog-message">
            Bring in the people you already work with: vCard files (.vcf) from Apple Contacts, Google Contacts, Outlook or Thunderbird, or CSV exports from
            Google, Outlook or LinkedIn (any other CSV too: you say what its columns hold).
          </p>
          <p className="dialog-message">
            You will see what would be created, and who you already have, before anything is written. The files themselves are never changed.
          </p>
        </>
      )}
      {(phase === null || rereading) && preview && (
        <ContactsPreviewView
          preview={preview}
          choices={choices}
          onChange={(patch) => setChoices((now) => ({ ...now, ...patch }))}
          onMapColumn={mapColumn}
          updating={rereading}
        />
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
            <button type="button" className="button subtle push-left" onClick={() => void readPreview(undefined, {})}>
              Choose other files…
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {preview ? (
            <button ref={primaryButton} type="button" className="button primary" onClick={() => void runImport()} disabled={toWrite === 0}>
              Import {plural(preview.contacts.length - (summary?.skipped ?? 0), 'contact')}
            </button>
          ) : (
            <button ref={primaryButton} type="button" className="button primary" onClick={() => void readPreview(undefined, {})} data-autofocus>
              Choose files…
            </button>
          )}
        </div>
      )}
    </Dialog>
  )
}
