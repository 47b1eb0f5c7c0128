import { useId } from 'react'
import type { ContactField, ContactRow, ContactShape, ContactsChoices, ContactsPreview, DuplicateChoice } from '@shared/contract/contacts'
import { contactFields, duplicateChoices } from '@shared/contract/contacts'
import type { ContactOutcome } from '@shared/contacts-outcome'
import { contactOutcome, shapeOf, summariseContacts } from '@shared/contacts-outcome'
import { PreviewSection, ProblemsSection, count, plural } from '@renderer/transfer'
import { choiceNames, duplicateText, fieldNames, formatNames } from './contact-words'

export type Choices = Omit<ContactsChoices, 'fingerprint'>

interface ContactsPreviewViewProps {
  preview: ContactsPreview
  choices: Choices
  onChange: (next: Partial<Choices>) => void
  /** A CSV column mapped to another field (the file is read again). */
  onMapColumn: (path: string, header: string, field: ContactField | null) => void
  updating: boolean
}

/** Rows shown in the contacts table; the counts above cover them all. */
const SHOWN_ROWS = 200

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path

/**
 * What a contacts import would do, before anything is written: both shapes
 * with what each creates, the organisations (each may be grouped or not),
 * likely duplicates with Skip / Merge / Keep both, every contact with what it
 * becomes, the columns of a CSV Rapport does not know, and problems by line.
 */
export function ContactsPreviewView({ preview, choices, onChange, onMapColumn, updating }: ContactsPreviewViewProps) {
  const id = useId()
  const summary = summariseContacts(preview, choices)
  const each = summariseContacts(preview, { ...choices, shape: 'client', organisations: {} })
  const grouped = summariseContacts(preview, { ...choices, shape: 'organisation', organisations: {} })
  const duplicates = preview.contacts.filter((c) => c.duplicate)
  const organisationName = new Map(preview.organisations.map((o) => [o.key, o.clientName ?? o.name]))
  const unknownCsv = preview.files.filter((f) => f.format === 'csv' && f.headers?.length)

  const becomes = (row: ContactRow, outcome: ContactOutcome): string => {
    if (outcome.kind === 'skip') return 'Skipped (duplicate)'
    if (outcome.kind === 'merge')
      return `Merged into ${row.duplicate?.of === 'person' ? `${row.duplicate.name} at ${row.duplicate.clientName}` : (row.duplicate?.name ?? '')}`
    if (outcome.kind === 'client') return 'New client'
    if (outcome.kind === 'organisation') return `Details of ${organisationName.get(outcome.organisationKey) ?? ''}`
    return `Person at ${organisationName.get(outcome.organisationKey) ?? ''}`
  }
  const setOrganisation = (key: string, shape: ContactShape) => onChange({ organisations: { ...choices.organisations, [key]: shape } })
  const setDuplicate = (key: string, choice: DuplicateChoice) => onChange({ duplicates: { ...choices.duplicates, [key]: choice } })

  return (
    <div className="import-preview contacts-preview" aria-busy={updating || undefined}>
      <ul className="transfer-list contacts-files" aria-label="Files">
        {preview.files.map((f) => (
          <li key={f.path}>
            <span className="transfer-path">{fileName(f.path)}</span>{' '}
            <span className="transfer-muted">
              — {formatNames[f.format]}, {plural(f.contacts, 'contact')}
              {f.encoding === 'utf-8' ? '' : `, read as ${f.encoding === 'utf-16' ? 'UTF-16' : 'Windows-1252'}`}
            </span>
          </li>
        ))}
      </ul>
      <p className="import-summary" role="status">
        {preview.contacts.length === 0
          ? 'No contacts were found in these files.'
          : `${plural(preview.contacts.length, 'contact')} found: ${[
              plural(summary.clients, 'new client'),
              summary.people ? plural(summary.people, 'person', 'people') : '',
              summary.merged ? `${count(summary.merged)} merged` : '',
              summary.skipped ? `${count(summary.skipped)} skipped` : ''
            ]
              .filter(Boolean)
              .join(', ')}.`}
      </p>

      {preview.organisations.length > 0 && (
        <fieldset className="transfer-choice contacts-shape">
          <legend className="transfer-section-title">Clients from these contacts</legend>
          <label>
            <input type="radio" name={`${id}-shape`} checked={choices.shape === 'client'} onChange={() => onChange({ shape: 'client', organisations: {} })} />
            <span>
              Each contact a client <span className="transfer-muted">— {plural(each.clients, 'new client')}</span>
            </span>
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-shape`}
              checked={choices.shape === 'organisation'}
              onChange={() => onChange({ shape: 'organisation', organisations: {} })}
            />
            <span>
              One client per organisation, with its people{' '}
              <span className="transfer-muted">
                — {plural(grouped.clients, 'new client')}, {plural(grouped.people, 'person', 'people')}
              </span>
            </span>
          </label>
        </fieldset>
      )}

      {preview.organisations.length > 0 && (
        <PreviewSection id={`${id}-orgs`} title={`Organisations (${count(preview.organisations.length)})`}>
          <table className="import-destinations contacts-table">
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col" className="contacts-count">
                  Contacts
                </th>
                <th scope="col">As</th>
              </tr>
            </thead>
            <tbody>
              {preview.organisations.map((o) => (
                <tr key={o.key}>
                  <th scope="row">
                    {o.name}
                    {o.clientId ? <span className="transfer-badge">joins {o.clientName}</span> : null}
                  </th>
                  <td className="contacts-count">{count(o.contacts)}</td>
                  <td>
                    <select
                      className="text-input transfer-select contacts-choice"
                      aria-label={`${o.name} as`}
                      value={shapeOf(o.key, choices)}
                      onChange={(e) => setOrganisation(o.key, e.target.value as ContactShape)}
                    >
                      <option value="organisation">One client, its people</option>
                      <option value="client">Each contact a client</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </PreviewSection>
      )}

      {duplicates.length > 0 && (
        <PreviewSection id={`${id}-dups`} title={`Look like someone you have (${count(duplicates.length)})`}>
          <p className="transfer-muted">Merge only fills fields that are empty: nothing you wrote is replaced.</p>
          <ul className="transfer-list contacts-duplicates">
            {duplicates.map((row) => (
              <li key={row.key}>
                <span>
                  {row.name} <span className="transfer-muted">— {row.duplicate && duplicateText(row.duplicate, row.organisation !== undefined)}</span>
                </span>
                <select
                  className="text-input transfer-select contacts-choice"
                  aria-label={`${row.name}: what to do`}
                  value={choices.duplicates[row.key] ?? choices.otherDuplicates}
                  onChange={(e) => setDuplicate(row.key, e.target.value as DuplicateChoice)}
                >
                  {duplicateChoices.map((c) => (
                    <option key={c} value={c}>
                      {choiceNames[c]}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </PreviewSection>
      )}

      {unknownCsv.map((file) => (
        <PreviewSection key={file.path} id={`${id}-cols-${file.path}`} title={`Columns of ${fileName(file.path)}`}>
          <div className="contacts-columns">
            {file.headers?.map((header) => (
              <label key={header} className="contacts-column">
                <span className="contacts-column-name">{header}</span>
                <select
                  className="text-input transfer-select"
                  aria-label={`Column “${header}” holds`}
                  value={file.mapping?.[header] ?? ''}
                  onChange={(e) => onMapColumn(file.path, header, (e.target.value || null) as ContactField | null)}
                >
                  <option value="">Not imported</option>
                  {contactFields.map((f) => (
                    <option key={f} value={f}>
                      {fieldNames[f]}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </PreviewSection>
      ))}

      {preview.contacts.length > 0 && (
        <PreviewSection id={`${id}-contacts`} title="Contacts">
          <div className="contacts-table-scroll">
            <table className="import-destinations contacts-table" aria-labelledby={`${id}-contacts`}>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Email</th>
                  <th scope="col">Becomes</th>
                </tr>
              </thead>
              <tbody>
                {preview.contacts.slice(0, SHOWN_ROWS).map((row) => (
                  <tr key={row.key}>
                    <th scope="row">
                      {row.name}
                      {row.title ? <span className="transfer-muted"> · {row.title}</span> : null}
                    </th>
                    <td>{row.organisation ?? '—'}</td>
                    <td>{row.emails[0] ?? '—'}</td>
                    <td>{becomes(row, contactOutcome(row, choices))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.contacts.length > SHOWN_ROWS && <p className="transfer-muted">And {plural(preview.contacts.length - SHOWN_ROWS, 'more contact')}.</p>}
        </PreviewSection>
      )}

      <ProblemsSection id={`${id}-problems`} problems={preview.problems} />
    </div>
  )
}
