import { TransferProgressBar } from './TransferProgressBar'
import type { TransferJobState } from './useTransferJob'

export type ImportPhase = 'reading' | 'importing'

/**
 * The progress bar of an import in either of its phases, the same in every
 * import dialog: reading the sources for the preview, then writing what the
 * person confirmed. Cancel takes focus only when the bar replaces the button
 * that started the job, not when a preview is read again under it.
 */
export function ImportPhaseBar({
  phase,
  job,
  units,
  takeFocus
}: {
  phase: ImportPhase
  job: TransferJobState
  units: { reading: string; importing: string }
  takeFocus: boolean
}) {
  return (
    <TransferProgressBar
      label={phase === 'reading' ? 'Reading progress' : 'Import progress'}
      progress={job.progress}
      unit={units[phase]}
      onCancel={job.cancel}
      cancelling={job.cancelling}
      takeFocus={takeFocus}
    />
  )
}
