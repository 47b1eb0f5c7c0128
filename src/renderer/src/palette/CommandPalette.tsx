import { useEffect, useId, useRef, useState } from 'react'
import { commands } from '@shared/commands'
import type { SearchResult } from '@shared/contract/search'
import { call } from '@renderer/platform/api'
import type { ViewContext } from '@renderer/platform/views'
import { commandEnabled } from '@renderer/platform/commands/useCommands'
import { shortcutLabel } from '@renderer/platform/commands/shortcuts'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { Highlighted } from '@renderer/platform/ui/Highlighted'
import { dayOfMoment } from '@shared/dates'
import { matchPalette, PALETTE_LIMITS } from './palette-items'
import type { PaletteItem } from './palette-items'
import './palette.css'

interface CommandPaletteProps {
  context: ViewContext
  views: ReadonlyArray<{ id: string; label: string }>
  /** Closes the palette, then does what was chosen (so a command never runs behind the palette's own dialog). */
  onChoose: (item: PaletteItem) => void
  onClose: () => void
}

/** Entries come from the core's search index, asked a moment after typing pauses. */
const ENTRY_DELAY_MS = 80

function useEntryMatches(query: string): SearchResult[] {
  const [results, setResults] = useState<SearchResult[]>([])
  useEffect(() => {
    const q = query.trim()
    if (!q) {
      setResults([])
      return
    }
    let current = true
    const timer = setTimeout(() => {
      call('search:query', { query: q, filters: { kinds: ['entry'] }, limit: PALETTE_LIMITS.entries }).then(
        (answer) => current && setResults(answer.results),
        // The palette still finds commands and clients; search says what went wrong in its own view.
        () => current && setResults([])
      )
    }, ENTRY_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query])
  return results
}

/**
 * "Go to anything" (Ctrl/Cmd+K): commands with their shortcuts, the app's
 * views, clients and entries, found by a few letters. Arrow keys move,
 * Enter goes, Escape closes. The input keeps focus throughout (a combobox
 * with its active option announced), as in other editors' palettes.
 */
export function CommandPalette({ context, views, onChoose, onClose }: CommandPaletteProps) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const listId = useId()
  const listRef = useRef<HTMLUListElement>(null)

  const { actions, clients } = matchPalette(query, {
    commands: commands.filter((c) => c.id !== 'app.palette').map((c) => ({ ...c, enabled: commandEnabled(c.id) })),
    views,
    clients: context.clients
  })
  const entries: PaletteItem[] = useEntryMatches(query).flatMap((result) =>
    result.open.kind === 'entry'
      ? [{ kind: 'entry' as const, key: `entry:${result.open.entryId}`, label: result.title, highlights: result.titleHighlights, result }]
      : []
  )
  const groups = [
    { label: 'Commands', items: actions },
    { label: 'Clients', items: clients },
    { label: 'Entries', items: entries }
  ].filter((group) => group.items.length > 0)
  const flat = groups.flatMap((group) => group.items)
  const activeIndex = Math.min(active, Math.max(flat.length - 1, 0))
  const current = flat[activeIndex]
  const optionId = (item: PaletteItem) => `${listId}-${item.key}`.replace(/[^A-Za-z0-9_:-]/g, '_')

  useEffect(() => {
    if (!current) return
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' })
  })

  const choose = (item: PaletteItem | undefined) => {
    if (!item || (item.kind === 'command' && !item.enabled)) return
    onChoose(item)
  }

  return (
    <Dialog title="Go to anything" onClose={onClose} className="palette">
      <input
        data-autofocus
        className="palette-input"
        aria-label="Go to anything"
        placeholder="Type a command, a client or an entry"
        role="combobox"
        aria-expanded={flat.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={(event) => {
          const last = flat.length - 1
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault()
            const step = event.key === 'ArrowDown' ? 1 : -1
            setActive(flat.length === 0 ? 0 : (activeIndex + step + flat.length) % flat.length)
          } else if (event.key === 'PageDown' || event.key === 'PageUp') {
            event.preventDefault()
            setActive(Math.max(0, Math.min(last, activeIndex + (event.key === 'PageDown' ? 8 : -8))))
          } else if (event.key === 'Enter') {
            event.preventDefault()
            choose(current)
          }
        }}
      />
      <ul id={listId} ref={listRef} role="listbox" aria-label="Matches" className="palette-list">
        {groups.map((group) => (
          <li key={group.label} role="presentation">
            <div className="palette-group-label" aria-hidden="true">
              {group.label}
            </div>
            <ul role="group" aria-label={group.label} className="palette-group">
              {group.items.map((item) => {
                const isActive = item === current
                const disabled = item.kind === 'command' && !item.enabled
                return (
                  <li
                    key={item.key}
                    id={optionId(item)}
                    role="option"
                    aria-selected={isActive}
                    aria-disabled={disabled || undefined}
                    className={`palette-option ${isActive ? 'active' : ''} ${disabled ? 'disabled' : ''}`}
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseMove={() => !isActive && setActive(flat.indexOf(item))}
                    onClick={() => choose(item)}
                  >
                    <span className="palette-label">
                      <Highlighted text={item.label} ranges={item.highlights} />
                    </span>
                    <PaletteDetail item={item} />
                  </li>
                )
              })}
            </ul>
          </li>
        ))}
        {flat.length === 0 && (
          <li role="presentation" className="palette-empty">
            Nothing matches “{query.trim()}”.
          </li>
        )}
      </ul>
      <p className="palette-hint" aria-hidden="true">
        ↑↓ to move · Enter to go · Esc to close{shortcutLabel('app.search') ? ` · ${shortcutLabel('app.search')} searches every word` : ''}
      </p>
    </Dialog>
  )
}

function PaletteDetail({ item }: { item: PaletteItem }) {
  switch (item.kind) {
    case 'command': {
      const keys = shortcutLabel(item.id)
      return keys ? <kbd className="palette-keys">{keys}</kbd> : null
    }
    case 'client':
      return item.client.organisation ? <span className="palette-detail">{item.client.organisation}</span> : null
    case 'entry':
      return (
        <span className="palette-detail">{[item.result.clientName, item.result.date ? dayOfMoment(item.result.date) : null].filter(Boolean).join(' · ')}</span>
      )
    case 'view':
      return null
  }
}
