import { useCallback, useEffect, useRef, useState } from 'react'
import type { ClientDetail } from '@shared/contract/relationship'
import { call, errorMessage, onEvent } from '@renderer/platform/api'

/**
 * One client's whole file and what the core works out about it, read again
 * whenever the vault changes on disk (a hand edit to client.json shows up).
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
    return onEvent('vault:changed', () => void load())
  }, [load])

  return { detail, error, setDetail, reload: load }
}
