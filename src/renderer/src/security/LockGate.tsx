import { Fragment, useCallback, useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import type { SecurityStatus } from '@shared/contract/security'
import { call, errorMessage, onEvent } from '@renderer/platform/api'
import { LockScreen } from './LockScreen'
import { SecurityContext } from './security-state'
import { useActivityPings } from './useActivityPings'

/**
 * Shows the app only while the vault is open. An encrypted vault that is
 * locked (at start, on demand, after inactivity) gets the lock screen
 * instead, and the app's whole tree is unmounted: no decrypted text stays
 * in the page. After unlocking the app is mounted afresh and reads the vault again.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SecurityStatus | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  // A new key after every lock, so the app starts from nothing even if a lock and an unlock arrive in one render.
  // (Counting locks, not unlocks: an unlock is reported twice, by the event and by the call's answer.)
  const [opening, setOpening] = useState(0)
  const apply = useCallback((next: SecurityStatus) => {
    if (next.locked) setOpening((n) => n + 1)
    setStatus(next)
  }, [])

  useEffect(() => {
    let live = true
    call('security:status', undefined).then(
      (value) => live && apply(value),
      (error: unknown) => live && setProblem(errorMessage(error))
    )
    const unsubscribe = onEvent('security:changed', apply)
    return () => {
      live = false
      unsubscribe()
    }
  }, [apply])

  useActivityPings(status !== null && status.encrypted && !status.locked)

  if (problem)
    return (
      <p role="alert" className="lock-problem">
        {problem}
      </p>
    )
  if (!status) return null
  if (status.locked) return <LockScreen onUnlocked={apply} />
  return (
    <SecurityContext.Provider value={{ status, setStatus: apply }}>
      <Fragment key={opening}>{children}</Fragment>
    </SecurityContext.Provider>
  )
}
