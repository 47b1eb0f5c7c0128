import { useEffect, useState } from 'react'
import type { Backlink } from '@shared/contract/people'
import { call, errorMessage } from '@renderer/platform/api'
import { onVaultChange, touchesEntries } from '@renderer/platform/vault-changes'
import type { ViewContext } from '@renderer/platform/views'
import { dayOfMoment } from '@shared/dates'
import './mentions.css'

/**
 * The entries that mention someone (or link to an entry), newest first, with
 * the sentence around each mention; a click opens the entry at the mention.
 * Read again when another program changes an entry; a view opened after a save reads it afresh.
 * `level` is its heading's rank, one below the section it sits in (headings that skip a rank confuse a screen reader's outline).
 */
export function BacklinksList({
  target,
  context,
  heading,
  empty,
  level = 3
}: {
  target: string
  context: ViewContext
  heading: string
  empty: string
  level?: 3 | 4
}) {
  const Heading = level === 3 ? 'h3' : 'h4'
  const [rows, setRows] = useState<Backlink[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    const load = () =>
      call('backlinks:of', { target }).then(
        (found) => !cancelled && (setRows(found), setError(null)),
        (failure: unknown) => !cancelled && setError(errorMessage(failure))
      )
    void load()
    // Any entry changed elsewhere may now mention the target, or no longer.
    const stop = onVaultChange(touchesEntries, () => void load())
    return () => {
      cancelled = true
      stop()
    }
  }, [target])

  const headingId = `backlinks-${target}`
  return (
    <section className="backlinks" aria-labelledby={headingId}>
      <Heading id={headingId} className="backlinks-title">
        {heading}
        {rows && rows.length > 0 ? <span className="backlinks-count"> {rows.length}</span> : null}
      </Heading>
      {error ? (
        <p role="alert">{error}</p>
      ) : rows === null ? null : rows.length === 0 ? (
        <p className="backlinks-empty">{empty}</p>
      ) : (
        <ul className="backlinks-list">
          {rows.map((row, i) => (
            <li key={`${row.entryId}:${i}`}>
              <button type="button" className="backlink" onClick={() => context.openEntry(row.clientId, row.entryId, row.text)}>
                <span className="backlink-head">
                  <span className="backlink-title">{row.title || 'Untitled'}</span>
                  <time dateTime={row.created}>{dayOfMoment(row.created)}</time>
                </span>
                <span className="backlink-sentence">{row.sentence}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
