import { useState } from 'react'
import type { VaultInfo } from '@shared/domain'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { SafeRepairs } from './SafeRepairs'
import './safety.css'

interface VaultProblemsDialogProps {
  info: VaultInfo
  onClose: () => void
  /** After an in-app repair: read the vault's state again. */
  onRepaired: () => void
  restoreFocus?: () => boolean
}

/** Every file Rapport could not read, what the vault's state means, in plain words, and the repairs that are safe to make. */
export function VaultProblemsDialog({ info, onClose, onRepaired, restoreFocus }: VaultProblemsDialogProps) {
  const [busy, setBusy] = useState(false)
  // Decided when the dialog opens, so the report of a repair stays in view once the problems it fixed are gone.
  const [offerRepairs] = useState(() => info.problems.length > 0)
  return (
    <Dialog title="Vault problems" onClose={onClose} className="problems-dialog" busy={busy} {...(restoreFocus ? { restoreFocus } : {})}>
      {info.readOnly && (
        <p className="dialog-message">
          This vault is read-only{info.readOnlyReason ? `: ${info.readOnlyReason}` : '.'} You can read everything; Rapport will not change any file until it can
          write to the folder again.
        </p>
      )}
      {info.migrated && (
        <p className="dialog-message">
          This vault was written by an older Rapport and was updated (format {info.migrated.from} to {info.migrated.to}). The files it changed were copied first
          to <code>{info.migrated.backup}</code>.
        </p>
      )}
      {info.problems.length > 0 && (
        <>
          <p className="dialog-message">
            {info.problems.length === 1
              ? 'Rapport could not read this file. It is left exactly as it is.'
              : `Rapport could not read these ${info.problems.length} files. They are left exactly as they are.`}
          </p>
          <ul className="problems-full-list" aria-label="Files Rapport could not read">
            {info.problems.map((problem) => (
              <li key={problem.path}>
                <code>{problem.path}</code>
                <span>{problem.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {!info.readOnly && offerRepairs && <SafeRepairs onRepaired={onRepaired} onBusy={setBusy} />}
      {info.problems.length === 0 && !info.readOnly && !info.migrated && <p className="dialog-message">Rapport can read every file of this vault now.</p>}
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Dialog>
  )
}
