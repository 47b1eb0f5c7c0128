import { useId } from 'react'
import type { ImportPreview } from '@shared/contract/transfer'
import type { ClientSummary } from '@shared/domain'
import { PreviewSection, ProblemsSection } from './PreviewSection'
import { count, plural } from './transfer-words'

export interface ImportChoices {
  /** '' : each note's client is worked out (front matter, folders); otherwise every note goes to this client. */
  clientId: string
  createClients: boolean
  duplicates: 'skip' | 'keep'
  windows1252: boolean
}

interface ImportPreviewViewProps {
  preview: ImportPreview
  clients: readonly ClientSummary[]
  choices: ImportChoices
  onChange: (next: Partial<ImportChoices>) => void
  /** True while the preview is read again after a change of choices. */
  updating: boolean
}

/** How many notes an import with these choices writes. */
export const notesToWrite = (preview: ImportPreview, duplicates: ImportChoices['duplicates']): number =>
  preview.toImport + (duplicates === 'keep' ? preview.duplicates.length : 0)

/**
 * What an import would do, before anything is written: how many notes, to
 * which clients, the clients it would create, what looks like a duplicate,
 * and the files it cannot or will not import.
 */
export function ImportPreviewView({ preview, clients, choices, onChange, updating }: ImportPreviewViewProps) {
  const id = useId()
  const toWrite = notesToWrite(preview, choices.duplicates)
  return (
    <div className="import-preview" aria-busy={updating || undefined}>
      <p className="import-from">
        From <span className="transfer-path">{preview.paths.join(', ')}</span>
      </p>
      <p className="import-summary" role="status">
        {preview.notes === 0
          ? 'No Markdown notes were found there.'
          : `${plural(preview.notes, 'note')} found: ${count(toWrite)} to import${preview.duplicates.length ? `, ${plural(preview.duplicates.length, 'duplicate')} ${choices.duplicates === 'skip' ? 'to skip' : 'kept'}` : ''}.`}
      </p>

      {preview.destinations.length > 0 && (
        <PreviewSection id={`${id}-where`} title="Where they go">
          <table className="import-destinations">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Notes</th>
                <th scope="col">Duplicates</th>
              </tr>
            </thead>
            <tbody>
              {preview.destinations.map((d) => (
                <tr key={`${d.clientId ?? ''}:${d.name}`}>
                  <th scope="row">
                    {d.name}
                    {d.isNew && <span className="transfer-badge">{choices.createClients ? 'new client' : 'not created: goes to your journal'}</span>}
                  </th>
                  <td>{count(d.entries)}</td>
                  <td>{d.duplicates ? count(d.duplicates) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </PreviewSection>
      )}

      <div className="import-field">
        <label className="field-label" htmlFor={`${id}-client`}>
          Send notes to
        </label>
        <select id={`${id}-client`} className="text-input transfer-select" value={choices.clientId} onChange={(e) => onChange({ clientId: e.target.value })}>
          <option value="">The client each note names (front matter or folder)</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              All to {c.name}
            </option>
          ))}
        </select>
      </div>

      {preview.newClients.length > 0 && (
        <PreviewSection id={`${id}-new`} title={`New clients (${count(preview.newClients.length)})`}>
          <ul className="transfer-list">
            {preview.newClients.map((c) => (
              <li key={c.name}>
                {c.name}{' '}
                <span className="transfer-muted">
                  — {plural(c.notes, 'note')}, from {c.source === 'profile' ? 'an exported client profile' : 'a folder name'}
                </span>
              </li>
            ))}
          </ul>
          <label className="transfer-check">
            <input type="checkbox" checked={choices.createClients} onChange={(e) => onChange({ createClients: e.target.checked })} />
            <span>
              Create these clients <span className="transfer-muted">— otherwise their notes go to your journal</span>
            </span>
          </label>
        </PreviewSection>
      )}

      {preview.duplicates.length > 0 && (
        <PreviewSection id={`${id}-dup`} title={`Look like duplicates (${count(preview.duplicates.length)})`}>
          <ul className="transfer-list" aria-labelledby={`${id}-dup`}>
            {preview.duplicates.map((d) => (
              <li key={d.path}>
                “{d.title || 'Untitled'}” <span className="transfer-muted">— the same as {d.inVault ? `${d.of} in your vault` : d.of}</span>
              </li>
            ))}
          </ul>
          <fieldset className="transfer-choice inline">
            <legend className="visually-hidden">Duplicates</legend>
            <label>
              <input type="radio" name={`${id}-dups`} checked={choices.duplicates === 'skip'} onChange={() => onChange({ duplicates: 'skip' })} />
              <span>Skip duplicates</span>
            </label>
            <label>
              <input type="radio" name={`${id}-dups`} checked={choices.duplicates === 'keep'} onChange={() => onChange({ duplicates: 'keep' })} />
              <span>Keep them</span>
            </label>
          </fieldset>
        </PreviewSection>
      )}

      <ProblemsSection id={`${id}-problems`} problems={preview.problems}>
        <label className="transfer-check">
          <input type="checkbox" checked={choices.windows1252} onChange={(e) => onChange({ windows1252: e.target.checked })} />
          <span>Read files that are not UTF-8 as Windows-1252 (Latin-1)</span>
        </label>
      </ProblemsSection>

      {(preview.otherFiles > 0 || preview.historyVersions > 0) && (
        <p className="transfer-muted import-left-alone">
          {[
            preview.otherFiles > 0
              ? `${plural(preview.otherFiles, 'other file')} (images, PDFs…) ${preview.otherFiles === 1 ? 'is' : 'are'} left where ${preview.otherFiles === 1 ? 'it is' : 'they are'}.`
              : '',
            preview.historyVersions > 0
              ? `${plural(preview.historyVersions, 'earlier version')} in history folders ${preview.historyVersions === 1 ? 'is' : 'are'} not imported as entries.`
              : ''
          ]
            .filter(Boolean)
            .join(' ')}
        </p>
      )}
    </div>
  )
}
