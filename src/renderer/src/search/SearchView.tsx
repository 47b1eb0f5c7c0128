import { useEffect, useRef, useState } from 'react'
import type { SearchAnswer, SearchFilters, SearchProgress, SearchResult } from '@shared/contract/search'
import type { ViewContext } from '@renderer/platform/views'
import { useCommands } from '@renderer/platform/commands/useCommands'
import { Highlighted } from '@renderer/platform/ui/Highlighted'
import { Listbox } from '@renderer/platform/ui/Listbox'
import type { ListboxHandle } from '@renderer/platform/ui/Listbox'
import { dayOfMoment } from '@shared/dates'
import { SearchFiltersBar } from './SearchFilters'
import { searchMemory } from './search-memory'
import { RESULT_LIMIT, useIndexProgress, useSearch } from './useSearch'
import './search.css'

const resultKindWords = { entry: 'Entry', client: 'Profile', commitment: 'Commitment', interaction: 'Interaction' } as const
const count = (n: number) => n.toLocaleString('en')

/** Opens a result where it matched: an entry at the matched words, everything else on the client's profile. */
function openResult(context: ViewContext, result: SearchResult): void {
  const { open } = result
  if (open.kind === 'entry') {
    const [start, end] = result.highlights[0] ?? [0, 0]
    context.openEntry(result.clientId, open.entryId, end > start ? result.snippet.slice(start, end) : undefined)
  } else {
    context.openClient(open.clientId, 'profile')
  }
}

function IndexingNote({ progress }: { progress: SearchProgress }) {
  return (
    <div className="search-indexing" role="status">
      <span>
        Still reading your vault — {count(progress.done)} of {count(progress.total)}. Results so far are shown and fill in as it goes.
      </span>
      <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Indexing" />
    </div>
  )
}

function StatusLine({ answer, query }: { answer: SearchAnswer; query: string }) {
  if (answer.results.length === 0)
    return <p className="search-status">Nothing found{query ? ` for “${query}”` : ''}. Fewer words, or other filters, may find it.</p>
  const more = answer.total > answer.results.length ? ` (the best ${count(answer.results.length)} shown)` : ''
  return (
    <p className="search-status">
      {answer.total === 1 ? '1 result' : `${count(answer.total)} results`}
      {more}
      {/* Shown, not spoken: the time changes with every search and would be read out each time. */}
      <span aria-hidden="true"> · {answer.tookMs < 1 ? '<1' : Math.round(answer.tookMs)} ms</span>
    </p>
  )
}

/**
 * Search (Ctrl/Cmd+Shift+F): every word of entries, profiles, commitments
 * and interactions, by prefix and with typos forgiven, ranked, with the
 * matching words marked. Enter or a click opens a result at its match.
 */
export function SearchView({ context }: { context: ViewContext }) {
  const [query, setQuery] = useState(searchMemory.query)
  const [filters, setFilters] = useState<SearchFilters>(searchMemory.filters)
  const state = useSearch(query, filters)
  const progress = useIndexProgress()
  const inputRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<ListboxHandle>(null)

  useEffect(() => {
    searchMemory.query = query
    searchMemory.filters = filters
  }, [query, filters])

  const focusInput = () => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }
  useEffect(focusInput, [])
  // Here already, the shortcut goes back to the question.
  useCommands({ 'app.search': { enabled: () => true, run: focusInput } })

  const answer = state.kind === 'answered' ? state.answer : state.kind === 'searching' ? state.previous : null
  const indexing = answer?.indexing ?? (progress?.state === 'indexing' ? progress : null)

  return (
    <div className="search-view">
      <header className="search-header">
        <h1 className="visually-hidden">Search</h1>
        <input
          ref={inputRef}
          type="search"
          className="search-input"
          aria-label="Search every entry, profile, commitment and interaction"
          placeholder="Search — words, names, “a phrase”"
          autoComplete="off"
          spellCheck={false}
          maxLength={1000}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'Enter') {
              if (listRef.current?.focus()) event.preventDefault()
            }
          }}
        />
        <SearchFiltersBar filters={filters} clients={context.clients} onChange={setFilters} />
      </header>
      {indexing && <IndexingNote progress={indexing} />}
      <div className="search-body" aria-busy={state.kind === 'searching'}>
        {state.kind === 'failed' && (
          <p className="form-error" role="alert">
            {state.message}
          </p>
        )}
        {state.kind === 'idle' && <p className="search-status">Type a few letters of what you remember: a word, a name, “a phrase”. Filters narrow it down.</p>}
        {/* Always there, so a screen reader hears the count change as the question changes. */}
        <div role="status" className="search-status-region">
          {answer && state.kind !== 'idle' && <StatusLine answer={answer} query={query.trim()} />}
        </div>
        {answer && answer.results.length > 0 && state.kind !== 'idle' && (
          <Listbox
            ref={listRef}
            label={`Results (at most ${RESULT_LIMIT})`}
            className="search-results"
            items={answer.results}
            getId={(result) => `${result.kind}:${Object.values(result.open).join(':')}`}
            selectedId={null}
            estimateHeight={92}
            onSelect={(result) => openResult(context, result)}
            renderOption={(result) => (
              <>
                <span className="search-result-head">
                  <span className="search-result-kind">{resultKindWords[result.kind]}</span>
                  <span className="search-result-title">
                    <Highlighted text={result.title} ranges={result.titleHighlights} />
                  </span>
                  <span className="search-result-meta">
                    {[result.kind === 'client' ? null : result.clientName, result.date ? dayOfMoment(result.date) : null].filter(Boolean).join(' · ')}
                  </span>
                </span>
                {result.snippet && (
                  <span className="search-result-snippet">
                    <Highlighted text={result.snippet} ranges={result.highlights} />
                  </span>
                )}
              </>
            )}
          />
        )}
      </div>
    </div>
  )
}
