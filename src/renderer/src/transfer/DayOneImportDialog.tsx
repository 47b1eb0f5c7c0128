import { useState } from 'react'
import type { DayOnePreview, DayOneReport } from '@shared/contract/day-one'
import type { ClientSummary } from '@shared/domain'
import { call, errorMessage } from '@renderer/platform/api'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { plural } from './transfer-words'
import './transfer.css'
import './day-one.css'

interface DayOneImportDialogProps {
  clients: readonly ClientSummary[]
  onImported: () => void
  onClose: () => void
}

/** A journal's choice: a client's id, '' for the unfiled journal, or 'skip' to leave it out. */
type Choice = string

const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : '')

/**
 * Import Day One… : choose Day One's JSON export (.zip), see its journals
 * with how many entries and photos each holds, send each to a client (the
 * one of the same name is suggested), to the unfiled journal, or leave it
 * out; then import and read what was done. The zip is only read.
 */
export function DayOneImportDialog({ clients, onImported, onClose }: DayOneImportDialogProps) {
  const [preview, setPreview] = useState<DayOnePreview | null>(null)
  const [choices, setChoices] = useState<Record<string, Choice>>({})
  const [report, setReport] = useState<DayOneReport | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const choose = async () => {
    setError(null)
    setBusy(true)
    try {
      const read = await call('import:day-one-preview', {})
      if (read) {
        setPreview(read)
        setChoices(Object.fromEntries(read.journals.map((j) => [j.name, j.clientId ?? ''])))
      }
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const run = async () => {
    if (!preview) return
    setError(null)
    setBusy(true)
    try {
      const journals = Object.fromEntries(
        Object.entries(choices).flatMap(([name, choice]) => (choice === 'skip' ? [] : [[name, choice === '' ? null : choice]]))
      )
      setReport(await call('import:day-one-run', { path: preview.path, journals }))
      onImported()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const toImport = preview ? preview.journals.filter((j) => choices[j.name] !== 'skip').reduce((n, j) => n + j.entries - j.alreadyImported, 0) : 0
  const problems = report?.problems ?? preview?.problems ?? []
  return (
    <Dialog title="Import from Day One" onClose={onClose} className="transfer-dialog wide" busy={busy}>
      {!preview && !report && (
        <p className="dialog-message">
          Choose the .zip Day One makes with File → Export → JSON. Each of its journals can go to one of your clients or to your own journal; entries keep their
          dates and time zones, tags, photos, videos, audio and PDFs. Nothing is written before you say Import, and the zip is never changed.
        </p>
      )}
      {preview && !report && (
        <table className="day-one-journals">
          <thead>
            <tr>
              <th scope="col">Day One journal</th>
              <th scope="col">Entries</th>
              <th scope="col">Goes to</th>
            </tr>
          </thead>
          <tbody>
            {preview.journals.map((journal) => (
              <tr key={journal.name}>
                <th scope="row">
                  {journal.name}
                  <span className="day-one-dates">
                    {' '}
                    {day(journal.first)}
                    {journal.last && journal.last !== journal.first ? ` – ${day(journal.last)}` : ''}
                  </span>
                </th>
                <td>
                  {plural(journal.entries, 'entry', 'entries')}
                  {journal.photos > 0 ? `, ${plural(journal.photos, 'photo')}` : ''}
                  {journal.files > 0 ? `, ${plural(journal.files, 'other file')}` : ''}
                  {journal.alreadyImported > 0 ? ` (${journal.alreadyImported} already here)` : ''}
                </td>
                <td>
                  <select
                    className="text-input transfer-select"
                    aria-label={`Where ${journal.name} goes`}
                    value={choices[journal.name] ?? ''}
                    onChange={(event) => setChoices({ ...choices, [journal.name]: event.target.value })}
                  >
                    <option value="">Your journal (no client)</option>
                    {clients.map((client) => (
                      <option key={client.id} value={client.id}>
                        {client.name}
                      </option>
                    ))}
                    <option value="skip">Leave it out</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report && (
        <p className="dialog-message" role="status">
          Imported {plural(report.imported, 'entry', 'entries')}
          {report.photos > 0 ? ` with ${plural(report.photos, 'photo')}` : ''}
          {report.files > 0 ? `${report.photos > 0 ? ' and' : ' with'} ${plural(report.files, 'other file')} (video, audio, PDF)` : ''}.
          {report.alreadyImported > 0 ? ` ${plural(report.alreadyImported, 'entry', 'entries')} were already here and left as they are.` : ''}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="transfer-list problems" aria-label="Problems">
          {problems.map((problem, index) => (
            <li key={index}>
              <span className="transfer-path">{problem.path}</span> — {problem.reason}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {report ? (
          <button type="button" className="button primary" onClick={onClose} data-autofocus>
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            {preview ? (
              <button type="button" className="button primary" onClick={() => void run()} disabled={busy || toImport === 0}>
                Import {plural(toImport, 'entry', 'entries')}
              </button>
            ) : (
              <button type="button" className="button primary" onClick={() => void choose()} disabled={busy} data-autofocus>
                Choose export…
              </button>
            )}
          </>
        )}
      </div>
    </Dialog>
  )
}
