import { useEffect, useState } from 'react'
import type { SearchAnswer, SearchFilters, SearchProgress } from '@shared/contract/search'
import { call, errorMessage } from '@renderer/platform/api'

export type SearchState =
  { kind: 'idle' } | { kind: 'searching'; previous: SearchAnswer | null } | { kind: 'answered'; answer: SearchAnswer } | { kind: 'failed'; message: string }

/** Most results worth reading; the contract's limit. Beyond that, refine the words or the filters. */
export const RESULT_LIMIT = 200
/** Typing pauses this long before asking: fast typists send one question, not one per letter. */
const DELAY_MS = 120
/** While the index is still being built, ask again this often, so results fill in as it grows. */
const INDEXING_POLL_MS = 700

const hasFilters = (filters: SearchFilters) => Object.values(filters).some((value) => value !== undefined)

/** Asks the core's index for `query` with `filters`; again while it is still indexing, so the answer grows to the whole vault. */
export function useSearch(query: string, filters: SearchFilters): SearchState {
  const [state, setState] = useState<SearchState>({ kind: 'idle' })

  useEffect(() => {
    const q = query.trim()
    if (!q && !hasFilters(filters)) {
      setState({ kind: 'idle' })
      return
    }
    let current = true
    setState((before) => ({ kind: 'searching', previous: before.kind === 'answered' ? before.answer : before.kind === 'searching' ? before.previous : null }))
    const ask = () => {
      call('search:query', { query: q, filters, limit: RESULT_LIMIT }).then(
        (answer) => {
          if (!current) return
          setState({ kind: 'answered', answer })
          if (answer.indexing) timer = setTimeout(ask, INDEXING_POLL_MS)
        },
        (error: unknown) => current && setState({ kind: 'failed', message: errorMessage(error) })
      )
    }
    let timer = setTimeout(ask, DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query, filters])

  return state
}

/** The index's progress while a vault is first read, for the status line when nothing has been asked yet. */
export function useIndexProgress(): SearchProgress | null {
  const [progress, setProgress] = useState<SearchProgress | null>(null)
  useEffect(() => {
    let current = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = () => {
      call('search:status', undefined).then(
        (status) => {
          if (!current) return
          setProgress(status)
          if (status.state === 'indexing') timer = setTimeout(poll, INDEXING_POLL_MS)
        },
        () => undefined
      )
    }
    poll()
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [])
  return progress
}
