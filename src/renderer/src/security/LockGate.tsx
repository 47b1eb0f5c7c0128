import { Fragment, useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import type { SecurityStatus } from '@shared/contract/security'
import { call, errorMessage, onEvent } from '@renderer/app/api'
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
  // A new key for every unlock, so the app starts from nothing rather than from what it showed before.
  const [opening, setOpening] = useState(0)

  useEffect(() => {
    let live = true
    call('security:status', undefined).then(
      (value) => live && setStatus(value),
      (error: unknown) => live && setProblem(errorMessage(error))
    )
    const unsubscribe = onEvent('security:changed', (next) => {
      setStatus((previous) => {
        if (previous?.locked && !next.locked) setOpening((n) => n + 1)
        return next
      })
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [])

  useActivityPings(status !== null && status.encrypted && !status.locked)

  if (problem)
    return (
      <p role="alert" className="lock-problem">
        {problem}
      </p>
    )
  if (!status) return null
  if (status.locked) return <LockScreen onUnlocked={(next) => (setOpening((n) => n + 1), setStatus(next))} />
  return (
    <SecurityContext.Provider value={{ status, setStatus }}>
      <Fragment key={opening}>{children}</Fragment>
    </SecurityContext.Provider>
  )
}
