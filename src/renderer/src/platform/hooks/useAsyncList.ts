import { useCallback, useEffect, useState } from 'react'
import { errorMessage, onEvent } from '@renderer/platform/api'

/** Something read from the core for a view, read again when the vault changes. */
export function useLiveRead<T>(read: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => {
    try {
      setValue(await read())
      setError(null)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }, [read])
  useEffect(() => {
    void load()
    return onEvent('vault:changed', () => void load())
  }, [load])
  return { value, error, reload: load }
}
