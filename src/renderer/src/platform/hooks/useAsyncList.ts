import { useCallback, useEffect, useState } from 'react'
import type { VaultChanges } from '@shared/contract/vault'
import { errorMessage } from '@renderer/platform/api'
import { onVaultChange } from '@renderer/platform/vault-changes'

/**
 * Something read from the core for a view, read again when another program changes what it shows
 * (`concerns`, from platform/vault-changes.ts; kept stable by the caller or given at module level).
 */
export function useLiveRead<T>(read: () => Promise<T>, concerns: (changes: VaultChanges) => boolean) {
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
    return onVaultChange(concerns, () => void load())
  }, [load, concerns])
  return { value, error, reload: load }
}
