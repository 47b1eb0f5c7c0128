import { createContext, useContext } from 'react'
import type { SecurityStatus } from '@shared/contract/security'

/** The vault's encryption status, kept by LockGate and read by the commands and the dialog. */
export const SecurityContext = createContext<{ status: SecurityStatus; setStatus: (status: SecurityStatus) => void } | null>(null)

export function useSecurity() {
  const value = useContext(SecurityContext)
  if (!value) throw new Error('useSecurity is used outside LockGate.')
  return value
}
