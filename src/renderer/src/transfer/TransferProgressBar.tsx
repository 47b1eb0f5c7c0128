import { useEffect, useRef } from 'react'
import type { TransferProgress } from '@shared/contract/transfer'
import { progressAnnouncement, progressText } from './transfer-words'

interface TransferProgressBarProps {
  /** What is going on, for the bar's name: "Export progress", "Import progress". */
  label: string
  progress: TransferProgress | null
  /** What is counted: "files", "notes". */
  unit: string
  onCancel: () => void
  cancelling: boolean
  /** Focus Cancel when shown: true when the bar replaces the button that started the job. */
  takeFocus?: boolean
}

/**
 * A long export or import as it goes: a bar with a count ("312 of 10,000")
 * and a Cancel button. While the total is not known yet the bar has no value,
 * which assistive technology announces as busy rather than as 0%.
 */
export function TransferProgressBar({ label, progress, unit, onCancel, cancelling, takeFocus = true }: TransferProgressBarProps) {
  const cancelRef = useRef<HTMLButtonElement>(null)
  // The button that started the job has just gone: focus must not fall out of the dialog.
  useEffect(() => {
    if (takeFocus) cancelRef.current?.focus()
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- only when it appears.
  }, [])

  const known = progress !== null && progress.total > 0
  const text = cancelling ? 'Stopping after the current file…' : progressText(progress, unit)
  const percent = known ? Math.min(100, (progress.done / progress.total) * 100) : 0
  return (
    <div className="transfer-progress">
      <div
        className={`transfer-bar ${known ? '' : 'indeterminate'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? progress.total : undefined}
        aria-valuenow={known ? progress.done : undefined}
        aria-valuetext={text}
      >
        <div className="transfer-bar-fill" style={known ? { width: `${percent}%` } : undefined} />
      </div>
      <div className="transfer-progress-line">
        {/* Not a live region: the count changes several times a second and would talk over everything; the one below speaks each tenth. */}
        <p className="transfer-progress-text">{text}</p>
        <p className="visually-hidden" role="status">
          {cancelling ? text : `${label}: ${progressAnnouncement(progress, unit)}`}
        </p>
        <button ref={cancelRef} type="button" className="button" onClick={onCancel} disabled={cancelling}>
          Cancel
        </button>
      </div>
    </div>
  )
}
