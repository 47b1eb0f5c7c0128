import type { ImportReport } from '@shared/contract/transfer'
import { TransferResult } from './TransferResult'
import { plural } from './transfer-words'

/** What an import did: notes imported, duplicates skipped, clients created, and each file it could not import, with the reason. */
export function ImportResult({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  const lines = [
    report.status === 'cancelled'
      ? `Import cancelled: ${plural(report.imported, 'note')} imported before it stopped (they stay), ${plural(report.notReached, 'note')} not reached.`
      : `Imported ${plural(report.imported, 'note')}.`,
    report.duplicatesSkipped > 0 ? `${plural(report.duplicatesSkipped, 'duplicate')} skipped.` : '',
    report.clientsCreated.length > 0 ? `${plural(report.clientsCreated.length, 'client')} created: ${report.clientsCreated.map((c) => c.name).join(', ')}.` : ''
  ].filter(Boolean)
  const summary = lines.map((line) => (
    <p key={line} className="dialog-message">
      {line}
    </p>
  ))
  return <TransferResult summary={summary} problems={report.problems} problemsTitle="not imported" onClose={onClose} />
}
