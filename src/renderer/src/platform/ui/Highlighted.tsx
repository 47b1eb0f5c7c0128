import './ui.css'
import type { ReactNode } from 'react'
import type { HighlightRange } from '@shared/contract/search'

/** Text with the given [start, end) ranges marked; the ranges come from the core as plain offsets, never markup. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly HighlightRange[] }) {
  if (ranges.length === 0) return <>{text}</>
  const parts: ReactNode[] = []
  let at = 0
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || start >= text.length) continue
    if (start > at) parts.push(text.slice(at, start))
    parts.push(
      <mark key={start} className="match">
        {text.slice(start, end)}
      </mark>
    )
    at = Math.min(end, text.length)
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
