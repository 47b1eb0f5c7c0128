import { useEffect, useRef } from 'react'
import type { ImportReport } from '@shared/contract/transfer'
import { plural } from './transfer-words'

/** What an import did: notes imported, duplicates skipped, clients created, and each file it could not import, with the reason. */
export function ImportResult({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  const done = useRef<HTMLButtonElement>(null)
  // The progress bar that had focus is gone; the dialog's answer takes it.
  useEffect(() => done.current?.focus(), [])
  const lines = [
    report.status === 'cancelled'
      ? `Import cancelled: ${plural(report.imported, 'note')} imported before it stopped (they stay), ${plural(report.notReached, 'note')} not reached.`
      : `Imported ${plural(report.imported, 'note')}.`,
    report.duplicatesSkipped > 0 ? `${plural(report.duplicatesSkipped, 'duplicate')} skipped.` : '',
    report.clientsCreated.length > 0 ? `${plural(report.clientsCreated.length, 'client')} created: ${report.clientsCreated.map((c) => c.name).join(', ')}.` : ''
  ].filter(Boolean)
  return (
    <div className="transfer-result">
      <div role="status">
        {lines.map((line) => (
          <p key={line} className="dialog-message">
            {line}
          </p>
        ))}
      </div>
      {report.problems.length > 0 && (
        <>
          <h3 className="transfer-section-title">{plural(report.problems.length, 'file')} not imported</h3>
          <ul className="transfer-list problems">
            {report.problems.map((problem) => (
              <li key={problem.path}>
                <span className="transfer-path">{problem.path}</span> — {problem.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <button ref={done} type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  )
}
