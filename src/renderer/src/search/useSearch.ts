import { useEffect, useState } from 'react'
import type { SearchAnswer, SearchFilters, SearchProgress } from '@shared/contract/search'
import { call, errorMessage, onEvent } from '@renderer/platform/api'

export type SearchState =
  { kind: 'idle' } | { kind: 'searching'; previous: SearchAnswer | null } | { kind: 'answered'; answer: SearchAnswer } | { kind: 'failed'; message: string }

/** Most results worth reading; the contract's limit. Beyond that, refine the words or the filters. */
export const RESULT_LIMIT = 200
/** Typing pauses this long before asking: fast typists send one question, not one per letter. */
const DELAY_MS = 120

const hasFilters = (filters: SearchFilters) => Object.values(filters).some((value) => value !== undefined)

/** Asks the core's index for `query` with `filters`; again as indexing gets further (search:progress), so the answer grows to the whole vault. */
export function useSearch(query: string, filters: SearchFilters): SearchState {
  const [state, setState] = useState<SearchState>({ kind: 'idle' })

  useEffect(() => {
    const q = query.trim()
    if (!q && !hasFilters(filters)) {
      setState({ kind: 'idle' })
      return
    }
    let current = true
    let indexing = false
    // The index said it was ready while a question was on its way: an answer that still says "indexing" is asked again.
    let readyMeanwhile = false
    setState((before) => ({ kind: 'searching', previous: before.kind === 'answered' ? before.answer : before.kind === 'searching' ? before.previous : null }))
    const ask = () => {
      readyMeanwhile = false
      call('search:query', { query: q, filters, limit: RESULT_LIMIT }).then(
        (answer) => {
          if (!current) return
          setState({ kind: 'answered', answer })
          indexing = answer.indexing !== undefined
          if (indexing && readyMeanwhile) ask()
        },
        (error: unknown) => current && setState({ kind: 'failed', message: errorMessage(error) })
      )
    }
    const timer = setTimeout(ask, DELAY_MS)
    // While the index is still being built, ask again each time it says it has got further, so results fill in as it grows.
    const stop = onEvent('search:progress', (progress) => {
      if (progress.state === 'ready') readyMeanwhile = true
      if (indexing) ask()
    })
    return () => {
      current = false
      clearTimeout(timer)
      stop()
    }
  }, [query, filters])

  return state
}

/** The index's progress while a vault is first read, for the status line when nothing has been asked yet. */
export function useIndexProgress(): SearchProgress | null {
  const [progress, setProgress] = useState<SearchProgress | null>(null)
  useEffect(() => {
    let current = true
    // Once for where it stands now, then as the core says (search:progress).
    const stop = onEvent('search:progress', (next) => current && setProgress(next))
    call('search:status', undefined).then(
      (status) => current && setProgress((known) => known ?? status),
      () => undefined
    )
    return () => {
      current = false
      stop()
    }
  }, [])
  return progress
}
