import { useEffect, useRef } from 'react'
import type { ExportReport } from '@shared/contract/transfer'
import { plural } from './transfer-words'

/** What an export did: where the files went, how many, and any that were not written and why. */
export function ExportResult({ report, onClose }: { report: ExportReport; onClose: () => void }) {
  const cancelled = report.status === 'cancelled'
  const done = useRef<HTMLButtonElement>(null)
  // The progress bar that had focus is gone; the dialog's answer takes it.
  useEffect(() => done.current?.focus(), [])
  return (
    <div className="transfer-result">
      <p className="dialog-message" role="status">
        {cancelled
          ? `Export cancelled. ${plural(report.written, 'file')} of ${report.planned.toLocaleString('en-GB')} had been written to ${report.target}; they are still there.`
          : `Exported ${plural(report.written, 'file')} to ${report.target}.`}
      </p>
      {report.skipped.length > 0 && (
        <>
          <h3 className="transfer-section-title">{plural(report.skipped.length, 'file')} not written</h3>
          <ul className="transfer-list">
            {report.skipped.map((problem) => (
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
