import { useCallback, useEffect, useState } from 'react'
import { errorMessage } from '@renderer/platform/api'

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string }

/** Runs `load` on mount and on `reload()`; an answer that arrives after a newer request (or after unmount) is dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let current = true
    load().then(
      (value) => current && setResult({ state: 'ready', value }),
      (error: unknown) => current && setResult({ state: 'error', message: errorMessage(error) })
    )
    return () => {
      current = false
    }
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps stand for `load`, a new function on every render.
  }, [...deps, generation])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return [result, reload]
}
