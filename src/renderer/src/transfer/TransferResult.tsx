import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import type { TransferProblem } from '@shared/contract/transfer'
import { ProblemList } from './PreviewSection'
import { plural } from './transfer-words'

/**
 * The end of an export or import: what happened (a status for screen
 * readers), each file that was left out and why, and Done, which takes
 * focus from the progress bar that has gone.
 */
export function TransferResult({
  summary,
  problems,
  problemsTitle,
  onClose
}: {
  summary: ReactNode
  problems: readonly TransferProblem[]
  problemsTitle: string
  onClose: () => void
}) {
  const done = useRef<HTMLButtonElement>(null)
  useEffect(() => done.current?.focus(), [])
  return (
    <div className="transfer-result">
      <div role="status">{summary}</div>
      {problems.length > 0 && (
        <>
          <h3 className="transfer-section-title">
            {plural(problems.length, 'file')} {problemsTitle}
          </h3>
          <ProblemList problems={problems} />
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
