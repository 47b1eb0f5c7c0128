import { useEffect, useState } from 'react'
import type { Backlink } from '@shared/contract/people'
import { mentionHref } from '@shared/mentions'
import { call } from '@renderer/platform/api'
import { onVaultChange, readWhole } from '@renderer/platform/vault-changes'
import { openRapportLink } from './open-link'
import './mentions.css'

/** Under an entry's date: the entries that link to it ("Linked from Scope call, Retro"); nothing when none do. */
export function LinkedFrom({ entryId }: { entryId: string }) {
  const [rows, setRows] = useState<Backlink[]>([])
  useEffect(() => {
    let cancelled = false
    const load = () =>
      call('backlinks:of', { target: entryId }).then(
        (found) => !cancelled && setRows(found),
        () => undefined
      )
    void load()
    // Another entry changed elsewhere may now link here, or no longer; the open entry's own changes cannot.
    const stop = onVaultChange(
      (changes) => readWhole(changes) || changes.entries.some((e) => e.id !== entryId),
      () => void load()
    )
    return () => {
      cancelled = true
      stop()
    }
  }, [entryId])
  const seen = new Set<string>()
  const unique = rows.filter((row) => !seen.has(row.entryId) && seen.add(row.entryId))
  if (unique.length === 0) return null
  return (
    <nav className="linked-from" aria-label="Linked from">
      <span>Linked from</span>
      {unique.map((row) => (
        <button
          key={row.entryId}
          type="button"
          className="linked-from-link"
          title={row.sentence}
          onClick={() => openRapportLink(mentionHref({ kind: 'entry', id: row.entryId }))}
        >
          {row.title || 'Untitled'}
        </button>
      ))}
    </nav>
  )
}
