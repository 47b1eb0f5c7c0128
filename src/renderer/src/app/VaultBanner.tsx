import { useState } from 'react'
import type { VaultInfo } from '@shared/domain'
import { WarningIcon } from '@renderer/platform/ui/icons'
import { VaultProblemsDialog } from '@renderer/safety'
import './app.css'

const SHOWN = 3

/**
 * A calm note about a read-only vault or files Rapport could not read; they are left alone until the person
 * chooses a repair (in the problems dialog), never "fixed" behind their back.
 */
export function VaultBanner({ info, onRepaired }: { info: VaultInfo; onRepaired: () => void }) {
  const [dismissed, setDismissed] = useState(false)
  const [details, setDetails] = useState(false)
  const { readOnly, problems, migrated } = info
  const dialog = details && (
    <VaultProblemsDialog
      info={info}
      onRepaired={onRepaired}
      onClose={() => setDetails(false)}
      // The banner may be gone once everything is repaired: focus then goes to the window's main area.
      restoreFocus={() => {
        if (document.querySelector('.vault-banner')) return false
        document.querySelector<HTMLElement>('main, [role="main"]')?.focus()
        return true
      }}
    />
  )
  const shown = !dismissed && (readOnly || problems.length > 0 || migrated)

  // The dialog sits beside the banner, not in it, so it stays open (with its report) when a repair makes the banner go.
  return (
    <>
      {shown && (
        <div role="status" className="vault-banner">
          <WarningIcon />
          <div className="vault-banner-text">
            {readOnly && <p>This vault is read-only: you can read everything, but Rapport cannot save changes here.</p>}
            {migrated && <p>This vault was updated from an older Rapport; the files it changed were backed up first.</p>}
            {problems.length > 0 && (
              <>
                <p>
                  Rapport could not read {problems.length === 1 ? '1 file' : `${problems.length} files`} in this vault. They are shown where possible and left
                  exactly as they are.
                </p>
                <ul className="problem-list">
                  {problems.slice(0, SHOWN).map((problem) => (
                    <li key={problem.path} title={`${problem.path}: ${problem.reason}`}>
                      <code>{problem.path}</code>: {problem.reason}
                    </li>
                  ))}
                  {problems.length > SHOWN && <li>…and {problems.length - SHOWN} more.</li>}
                </ul>
              </>
            )}
            <button type="button" className="button subtle small vault-banner-details" onClick={() => setDetails(true)}>
              {problems.length > 0 ? 'See all problems and how to fix them…' : 'What does this mean?'}
            </button>
          </div>
          <button type="button" className="button subtle small" onClick={() => setDismissed(true)}>
            Dismiss
          </button>
        </div>
      )}
      {dialog}
    </>
  )
}
