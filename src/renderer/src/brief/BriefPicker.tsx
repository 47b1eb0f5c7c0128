import { useId, useState } from 'react'
import type { ClientSummary } from '@shared/domain'
import { Dialog } from '@renderer/platform/ui/Dialog'
import './brief.css'

const MAX_SHOWN = 8

/** Clients whose name or organisation has a word starting with what was typed (or contains it), best first. */
export function matchClients(clients: readonly ClientSummary[], query: string): ClientSummary[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...clients]
  const score = (c: ClientSummary): number => {
    const name = c.name.toLowerCase()
    const all = `${name} ${(c.organisation ?? '').toLowerCase()}`
    if (name.startsWith(q)) return 0
    if (all.split(/\s+/).some((word) => word.startsWith(q))) return 1
    return all.includes(q) ? 2 : 3
  }
  return clients
    .map((c) => ({ c, s: score(c) }))
    .filter(({ s }) => s < 3)
    .sort((a, b) => a.s - b.s)
    .map(({ c }) => c)
}

/** "Brief for…": type a few letters of a client's name, Enter opens their brief. Arrow keys move through the matches. */
export function BriefPicker({ clients, onPick, onClose }: { clients: readonly ClientSummary[]; onPick: (client: ClientSummary) => void; onClose: () => void }) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const listId = useId()
  const matches = matchClients(clients, query).slice(0, MAX_SHOWN)
  const current = matches[Math.min(active, matches.length - 1)]
  const optionId = (c: ClientSummary) => `${listId}-${c.id}`

  return (
    <Dialog title="Brief for…" onClose={onClose} className="brief-picker">
      <input
        data-autofocus
        className="brief-picker-input"
        aria-label="Client"
        placeholder="Type a client’s name"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-activedescendant={current ? optionId(current) : undefined}
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault()
            const step = event.key === 'ArrowDown' ? 1 : -1
            setActive((i) => (matches.length === 0 ? 0 : (Math.min(i, matches.length - 1) + step + matches.length) % matches.length))
          } else if (event.key === 'Enter' && current) {
            event.preventDefault()
            onPick(current)
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Clients" className="brief-picker-list">
        {matches.map((c) => (
          <li
            key={c.id}
            id={optionId(c)}
            role="option"
            aria-selected={c === current}
            className="brief-picker-option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(c)}
          >
            <span>{c.name}</span>
            {c.organisation && <span className="brief-quiet"> · {c.organisation}</span>}
          </li>
        ))}
        {matches.length === 0 && <li className="brief-quiet">No client matches “{query.trim()}”.</li>}
      </ul>
    </Dialog>
  )
}
