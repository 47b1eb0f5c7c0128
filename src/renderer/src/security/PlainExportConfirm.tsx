import { useEffect, useState } from 'react'
import { setPlainConfirmer } from '@renderer/platform/api'
import { ConfirmDialog } from '@renderer/platform/ui/ConfirmDialog'

/** Asks "Export unencrypted?" whenever an export from an encrypted vault needs the person's yes (see `call`). */
export function PlainExportConfirm() {
  const [asking, setAsking] = useState<{ message: string; answer: (yes: boolean) => void } | null>(null)
  useEffect(
    () =>
      setPlainConfirmer(
        (message) =>
          new Promise<boolean>((resolve) =>
            setAsking({
              message,
              answer: (yes) => {
                setAsking(null)
                resolve(yes)
              }
            })
          )
      ),
    []
  )
  if (!asking) return null
  return (
    <ConfirmDialog
      title="Export unencrypted?"
      message={asking.message}
      confirmLabel="Export Unencrypted"
      onConfirm={async () => asking.answer(true)}
      onClose={() => asking.answer(false)}
    />
  )
}
