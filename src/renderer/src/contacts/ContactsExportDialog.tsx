import { useState } from 'react'
import type { ContactsExportReport } from '@shared/contract/contacts'
import type { ClientSummary } from '@shared/domain'
import { call, errorMessage } from '@renderer/platform/api'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { plural } from '@renderer/transfer'

/** Export Contacts… : every client and their people, or the one on screen, as one vCard 4.0 file. */
export function ContactsExportDialog({ clients, clientId, onClose }: { clients: readonly ClientSummary[]; clientId: string | null; onClose: () => void }) {
  const current = clients.find((c) => c.id === clientId) ?? null
  const [scope, setScope] = useState<'all' | 'client'>(current ? 'client' : 'all')
  const [report, setReport] = useState<ContactsExportReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async () => {
    setError(null)
    setBusy(true)
    try {
      const done = await call('contacts:export', scope === 'client' && current ? { clientIds: [current.id] } : {})
      if (done) setReport(done)
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title="Export contacts" onClose={onClose} className="transfer-dialog" busy={busy}>
      {report ? (
        <>
          <p className="dialog-message" role="status">
            Exported {plural(report.clients, 'client')} and {plural(report.people, 'person', 'people')} to <span className="transfer-path">{report.path}</span>.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button primary" onClick={onClose} data-autofocus>
              Done
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="dialog-message">
            A vCard 4.0 file (.vcf) that Apple Contacts, Google Contacts, Outlook and Rapport itself can import: names, organisations, roles, emails, phones,
            birthdays, anniversaries, notes and tags.
          </p>
          <fieldset className="transfer-choice">
            <legend>What to export</legend>
            <label>
              <input type="radio" name="contacts-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
              <span>Every client and their people ({plural(clients.length, 'client')})</span>
            </label>
            {current && (
              <label>
                <input type="radio" name="contacts-scope" checked={scope === 'client'} onChange={() => setScope('client')} />
                <span>{current.name} and their people</span>
              </label>
            )}
          </fieldset>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button primary" onClick={() => void run()} disabled={busy} data-autofocus>
              Choose file and export…
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
