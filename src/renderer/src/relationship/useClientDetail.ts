import { useCallback, useEffect, useRef, useState } from 'react'
import type { ClientDetail } from '@shared/contract/relationship'
import { call, errorMessage } from '@renderer/platform/api'
import { onVaultChange, touchesClient } from '@renderer/platform/vault-changes'

/**
 * One client's whole file and what the core works out about it, read again
 * whenever another program changes it on disk (a hand edit to client.json shows up).
 */
export function useClientDetail(clientId: string) {
  const [detail, setDetail] = useState<ClientDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Answers can arrive out of order after switching clients; keep only the current client's.
  const current = useRef(clientId)
  current.current = clientId

  const load = useCallback(async () => {
    try {
      const fresh = await call('clients:get', { id: clientId })
      if (current.current === clientId) {
        setDetail(fresh)
        setError(null)
      }
    } catch (failure) {
      if (current.current === clientId) setError(errorMessage(failure))
    }
  }, [clientId])

  useEffect(() => {
    setDetail(null)
    void load()
    return onVaultChange(
      (changes) => touchesClient(changes, clientId),
      () => void load()
    )
  }, [load, clientId])

  return { detail, error, setDetail, reload: load }
}
