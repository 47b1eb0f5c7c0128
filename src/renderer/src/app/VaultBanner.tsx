import { useState } from 'react'
import type { VaultInfo } from '@shared/domain'
import { WarningIcon } from '@renderer/platform/ui/icons'
import { VaultProblemsDialog } from '@renderer/safety'
import './app.css'

const SHOWN = 3

/** A calm note about a read-only vault or files Rapport could not read; they are left alone, never "fixed". */
export function VaultBanner({ info }: { info: VaultInfo }) {
  const [dismissed, setDismissed] = useState(false)
  const [details, setDetails] = useState(false)
  const { readOnly, problems, migrated } = info
  if (dismissed || (!readOnly && problems.length === 0 && !migrated)) return null

  return (
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
      {details && <VaultProblemsDialog info={info} onClose={() => setDetails(false)} />}
    </div>
  )
}
