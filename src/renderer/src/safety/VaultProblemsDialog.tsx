import type { VaultInfo } from '@shared/domain'
import { Dialog } from '@renderer/platform/ui/Dialog'
import './safety.css'

/** Every file Rapport could not read, and what the vault's state means, in plain words. */
export function VaultProblemsDialog({ info, onClose }: { info: VaultInfo; onClose: () => void }) {
  return (
    <Dialog title="Vault problems" onClose={onClose} className="problems-dialog">
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
          <p className="field-hint">
            Some of these can be repaired: run <code>rapport doctor --fix</code> in a terminal. It fixes what it safely can, says what it changed, and leaves
            the rest for you.
          </p>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Dialog>
  )
}
