import type { DiffPart, DiffWord } from '@shared/contract/safety'
import './safety.css'

/** A part's lines, each as stretches of words; a part without a word diff is one stretch per line. */
function linesOf(part: DiffPart): DiffWord[][] {
  const words = part.words ?? [{ kind: 'same', text: part.text }]
  const lines: DiffWord[][] = [[]]
  for (const word of words) {
    word.text.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push([])
      if (piece) lines.at(-1)?.push({ kind: word.kind, text: piece })
    })
  }
  // The part's closing newline ends its last line; it starts no new one.
  if (part.text.endsWith('\n') && lines.length > 1 && lines.at(-1)?.length === 0) lines.pop()
  return lines
}

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
          linesOf(part).map((line, lineIndex) => (
            <li key={`${index}-${lineIndex}`} className={`diff-line ${part.kind}`}>
              <span className="diff-sign" aria-hidden="true">
                {part.kind === 'added' ? '+' : part.kind === 'removed' ? '−' : ' '}
              </span>
              {part.kind !== 'same' && <span className="visually-hidden">{part.kind === 'added' ? addedLabel : removedLabel}: </span>}
              <span className="diff-text">
                {line.length === 0
                  ? '\u00a0'
                  : line.map((word, wordIndex) =>
                      word.kind === 'same' ? (
                        <span key={wordIndex}>{word.text}</span>
                      ) : (
                        // The words that differ, marked: not by colour alone (underlined too).
                        <mark key={wordIndex} className={`diff-word ${word.kind}`}>
                          {word.text}
                        </mark>
                      )
                    )}
              </span>
            </li>
          ))
        )}
      </ol>
    </div>
  )
}
