import { useEffect, useId, useRef, useState } from 'react'
import type { ExportOptions, ExportPlan, ExportReport, ExportScope } from '@shared/contract/transfer'
import type { ClientSummary } from '@shared/domain'
import { call, errorMessage } from '@renderer/platform/api'
import { ConfirmDialog } from '@renderer/platform/ui/ConfirmDialog'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { ExportResult } from './ExportResult'
import { exportSummary } from './export-summary'
import { TransferProgressBar } from './TransferProgressBar'
import { count, plural } from './transfer-words'
import { useTransferJob } from './useTransferJob'
import './transfer.css'
import { FormActions } from '@renderer/platform/ui/FormActions'

type ScopeKind = 'entry' | 'client' | 'all'
type ClientFormat = 'folder' | 'dossier'

interface ExportDialogProps {
  clients: readonly ClientSummary[]
  /** The client on screen, chosen first when there is one. */
  clientId: string | null
  /** The entry open in the editor, offered as "This entry". */
  entryId: string | null
  entryTitle: string | null
  onClose: () => void
}

/** Files already in the chosen folder: the person is asked before any is replaced. */
interface OverwriteQuestion {
  target: string
  existing: string[]
  planned: number
}

/**
 * Export… : the open entry, one client (a folder with its entries and a
 * profile, or one dossier) or the whole vault, as Markdown in a folder the
 * person chooses. The plan is shown first (how many files); files already in
 * the folder are replaced only after a clear yes; a long export shows its
 * progress and can be stopped.
 */
export function ExportDialog({ clients, clientId, entryId, entryTitle, onClose }: ExportDialogProps) {
  const id = useId()
  const [scopeKind, setScopeKind] = useState<ScopeKind>(clientId ? 'client' : 'all')
  const [chosenClient, setChosenClient] = useState(clientId ?? clients[0]?.id ?? '')
  const [format, setFormat] = useState<ClientFormat>('folder')
  const [frontMatter, setFrontMatter] = useState(true)
  const [history, setHistory] = useState(false)
  const [plan, setPlan] = useState<ExportPlan | null>(null)
  const [planError, setPlanError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [question, setQuestion] = useState<OverwriteQuestion | null>(null)
  const [report, setReport] = useState<ExportReport | null>(null)
  const job = useTransferJob()
  const exportButton = useRef<HTMLButtonElement>(null)

  const scope: ExportScope | null =
    scopeKind === 'entry' ? (entryId ? { entry: entryId } : null) : scopeKind === 'client' ? (chosenClient ? { client: chosenClient } : null) : { all: true }
  const options: ExportOptions = { frontMatter, history, dossier: scopeKind === 'client' && format === 'dossier' }
  const scopeKey = JSON.stringify([scope, options])

  // The plan follows every change of what is exported; an answer overtaken by a newer change is dropped.
  useEffect(() => {
    if (!scope) return
    let current = true
    setPlan(null)
    setPlanError(null)
    call('export:plan', { scope, options }).then(
      (next) => current && setPlan(next),
      (failure: unknown) => current && setPlanError(errorMessage(failure))
    )
    return () => {
      current = false
    }
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- scopeKey stands for scope and options, which are new objects on every render.
  }, [scopeKey])

  /** Without a folder the core asks for one (the native dialog); with one and `overwrite`, after the person agreed. */
  const start = async (target?: { folder: string; overwrite: true }) => {
    if (!scope) return
    setError(null)
    setNotice(null)
    try {
      const { value: result } = await job.run((jobId) =>
        call('export:run', target ? { scope, options, jobId, target: target.folder, overwrite: true } : { scope, options, jobId })
      )
      if (result === null) return // The folder dialog was cancelled.
      if (result.status === 'needs-overwrite') setQuestion({ target: result.target, existing: result.existing, planned: result.planned })
      else setReport(result)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  /** Escape: stops a running export rather than hiding it; with the overwrite question open, that question handles it. */
  const close = () => {
    if (question) return
    if (job.running) job.cancel()
    else onClose()
  }

  if (report) {
    return (
      <Dialog title="Export to Markdown" onClose={onClose} className="transfer-dialog">
        <ExportResult report={report} onClose={onClose} />
      </Dialog>
    )
  }

  return (
    <Dialog title="Export to Markdown" onClose={close} className="transfer-dialog" busy={job.running}>
      {job.running ? (
        <div className="transfer-running">
          <p className="dialog-message">{plan ? `Exporting ${plural(plan.files.length, 'file')}…` : 'Exporting…'}</p>
          <TransferProgressBar label="Export progress" progress={job.progress} unit="files" onCancel={job.cancel} cancelling={job.cancelling} />
        </div>
      ) : (
        <form
          className="transfer-form"
          onSubmit={(event) => {
            event.preventDefault()
            void start()
          }}
        >
          <fieldset className="transfer-choice">
            <legend className="field-label">What to export</legend>
            {entryId && (
              <label>
                <input type="radio" name={`${id}-scope`} checked={scopeKind === 'entry'} onChange={() => setScopeKind('entry')} />
                <span>
                  This entry <span className="transfer-muted">({entryTitle || 'Untitled'})</span>
                </span>
              </label>
            )}
            <label>
              <input
                type="radio"
                name={`${id}-scope`}
                checked={scopeKind === 'client'}
                onChange={() => setScopeKind('client')}
                disabled={clients.length === 0}
                data-autofocus={scopeKind === 'client' || undefined}
              />
              <span>A client</span>
            </label>
            {scopeKind === 'client' && (
              <div className="transfer-indent">
                <label className="visually-hidden" htmlFor={`${id}-client`}>
                  Client
                </label>
                <select id={`${id}-client`} className="text-input transfer-select" value={chosenClient} onChange={(e) => setChosenClient(e.target.value)}>
                  {clients.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
                <fieldset className="transfer-choice">
                  <legend className="visually-hidden">As</legend>
                  <label>
                    <input type="radio" name={`${id}-format`} checked={format === 'folder'} onChange={() => setFormat('folder')} />
                    <span>
                      A folder <span className="transfer-muted">— profile.md and one file per entry</span>
                    </span>
                  </label>
                  <label>
                    <input type="radio" name={`${id}-format`} checked={format === 'dossier'} onChange={() => setFormat('dossier')} />
                    <span>
                      One dossier <span className="transfer-muted">— the profile and every entry in a single .md</span>
                    </span>
                  </label>
                </fieldset>
              </div>
            )}
            <label>
              <input
                type="radio"
                name={`${id}-scope`}
                checked={scopeKind === 'all'}
                onChange={() => setScopeKind('all')}
                data-autofocus={scopeKind === 'all' || undefined}
              />
              <span>The whole vault</span>
            </label>
          </fieldset>

          <fieldset className="transfer-choice">
            <legend className="field-label">Options</legend>
            <label>
              <input type="checkbox" checked={frontMatter} onChange={(e) => setFrontMatter(e.target.checked)} />
              <span>
                Keep YAML front matter <span className="transfer-muted">— off: a title heading and a readable date instead</span>
              </span>
            </label>
            <label>
              <input type="checkbox" checked={history} onChange={(e) => setHistory(e.target.checked)} />
              <span>Include earlier versions (history)</span>
            </label>
          </fieldset>

          <div className="transfer-plan" aria-live="polite">
            {planError ? (
              <p className="form-error">{planError}</p>
            ) : plan ? (
              <>
                <p>{exportSummary(plan)}</p>
                {plan.files.length > 0 && (
                  <ul className="transfer-paths" aria-label="Files it writes, for example">
                    {plan.files.slice(0, 3).map((f) => (
                      <li key={f.path} title={f.path}>
                        {f.path}
                      </li>
                    ))}
                    {plan.files.length > 3 && <li className="transfer-muted">and {count(plan.files.length - 3)} more</li>}
                  </ul>
                )}
              </>
            ) : (
              <p className="transfer-muted">Counting files…</p>
            )}
          </div>

          {notice && (
            <p className="transfer-notice" role="status">
              {notice}
            </p>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <FormActions
            submitLabel="Choose folder and export…"
            onCancel={onClose}
            disabled={!scope || !plan || plan.files.length === 0}
            submitRef={exportButton}
          />
        </form>
      )}

      {question && (
        <ConfirmDialog
          title="Replace existing files?"
          message={overwriteMessage(question)}
          confirmLabel="Replace"
          cancelLabel="Don’t replace"
          danger
          restoreFocus={() => {
            exportButton.current?.focus()
            return exportButton.current !== null
          }}
          onClose={() => {
            setQuestion(null)
            setNotice(`Nothing was written to ${question.target}.`)
          }}
          onConfirm={async () => {
            const folder = question.target
            setQuestion(null)
            void start({ folder, overwrite: true })
          }}
        />
      )}
    </Dialog>
  )
}

/** "3 files already exist in /Users/dana/Export. Replace them? The other 9 are new." */
function overwriteMessage({ existing, planned, target }: OverwriteQuestion): string {
  const one = existing.length === 1
  const fresh = planned - existing.length
  const rest = fresh > 0 ? ` The other ${plural(fresh, 'file')} ${fresh === 1 ? 'is' : 'are'} new.` : ''
  return `${plural(existing.length, 'file')} of this export already ${one ? 'exists' : 'exist'} in ${target}. Replace ${one ? 'it' : 'them'}?${rest}`
}
