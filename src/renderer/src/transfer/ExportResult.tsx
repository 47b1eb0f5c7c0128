import type { ExportReport } from '@shared/contract/transfer'
import { TransferResult } from './TransferResult'
import { plural } from './transfer-words'

/** What an export did: where the files went, how many, and any that were not written and why. */
export function ExportResult({ report, onClose }: { report: ExportReport; onClose: () => void }) {
  const summary =
    report.status === 'cancelled'
      ? `Export cancelled. ${plural(report.written, 'file')} of ${report.planned.toLocaleString('en-GB')} had been written to ${report.target}; they are still there.`
      : `Exported ${plural(report.written, 'file')} to ${report.target}.`
  return <TransferResult summary={<p className="dialog-message">{summary}</p>} problems={report.skipped} problemsTitle="not written" onClose={onClose} />
}
