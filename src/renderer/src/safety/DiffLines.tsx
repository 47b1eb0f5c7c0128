import type { DiffPart } from '@shared/contract/safety'
import './safety.css'

interface DiffLinesProps {
  parts: readonly DiffPart[]
  /** What a removed line is: "Only in this entry", "Only in the older version"… */
  removedLabel: string
  addedLabel: string
  label: string
}

/** A line-by-line difference. Colour is never the only signal: each changed line carries a sign and a spoken label. */
export function DiffLines({ parts, removedLabel, addedLabel, label }: DiffLinesProps) {
  const changed = parts.some((part) => part.kind !== 'same')
  return (
    <div className="diff" role="region" aria-label={label} tabIndex={0}>
      <p className="diff-legend">
        <span className="diff-key removed">− {removedLabel}</span>
        <span className="diff-key added">+ {addedLabel}</span>
      </p>
      {!changed && <p className="diff-same-note">The two versions have the same text.</p>}
      <ol className="diff-lines">
        {parts.flatMap((part, index) =>
          part.text
            .replace(/\n$/, '')
            .split('\n')
            .map((line, lineIndex) => (
              <li key={`${index}-${lineIndex}`} className={`diff-line ${part.kind}`}>
                <span className="diff-sign" aria-hidden="true">
                  {part.kind === 'added' ? '+' : part.kind === 'removed' ? '−' : ' '}
                </span>
                {part.kind !== 'same' && <span className="visually-hidden">{part.kind === 'added' ? addedLabel : removedLabel}: </span>}
                <span className="diff-text">{line || '\u00a0'}</span>
              </li>
            ))
        )}
      </ol>
    </div>
  )
}
