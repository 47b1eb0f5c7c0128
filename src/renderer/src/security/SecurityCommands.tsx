import { useState } from 'react'
import { call, errorMessage } from '@renderer/platform/api'
import { useCommands } from '@renderer/platform/commands/useCommands'
import type { ViewContext } from '@renderer/platform/views'
import { EncryptionDialog } from './EncryptionDialog'
import { useSecurity } from './security-state'

/**
 * "Lock Vault" and "Encryption…". Locking saves the open entry first; if it
 * cannot be saved (a full disk), the vault stays open so the text is not lost.
 */
export function SecurityCommands({ context }: { context: ViewContext }) {
  const { flush, notify } = context
  const { status, setStatus } = useSecurity()
  const [open, setOpen] = useState(false)

  const lockNow = async () => {
    if (!(await flush())) return notify('Rapport did not lock: the open entry could not be saved. Your text is still on screen.')
    try {
      setOpen(false)
      setStatus(await call('security:lock', undefined))
    } catch (error) {
      notify(errorMessage(error))
    }
  }

  useCommands({
    'vault.lock': { enabled: () => status.encrypted && !status.locked, run: () => void lockNow() },
    'vault.security': { enabled: () => true, run: () => setOpen(true) }
  })
  return open ? <EncryptionDialog onClose={() => setOpen(false)} onLockNow={() => void lockNow()} /> : null
}
