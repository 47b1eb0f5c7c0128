import { useState } from 'react'
import type { ReactNode } from 'react'
import { call } from '@renderer/platform/api'
import { InteractionDialog } from '../InteractionDialog'

export interface LogContactTarget {
  clientId: string
  /** With one person at the client: it counts for their own cadence. */
  personId?: string | undefined
}

/** "Log a contact" from a reminder: the profile's interaction dialog, saved for that client (and person). */
export function LogContactDialog({ target, onClose, onSaved }: { target: LogContactTarget; onClose: () => void; onSaved: () => void }) {
  return (
    <InteractionDialog
      onClose={onClose}
      onSave={async (draft) => {
        await call('interactions:add', {
          clientId: target.clientId,
          at: draft.at,
          channel: draft.channel,
          direction: draft.direction,
          outcome: draft.outcome,
          ...(draft.note ? { note: draft.note } : {}),
          ...(target.personId ? { person: target.personId } : {})
        })
        onSaved()
      }}
    />
  )
}

/** A view's "Log a contact": `logContact(target)` opens the dialog; `dialog` is what to render; `onLogged` runs after a save. */
export function useLogContact(onLogged: () => void): { logContact: (target: LogContactTarget) => void; dialog: ReactNode } {
  const [target, setTarget] = useState<LogContactTarget | null>(null)
  const dialog = target && (
    <LogContactDialog
      target={target}
      onClose={() => setTarget(null)}
      onSaved={() => {
        setTarget(null)
        onLogged()
      }}
    />
  )
  return { logContact: setTarget, dialog }
}
