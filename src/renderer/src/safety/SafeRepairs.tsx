import { useState } from 'react'
import type { RepairOutcome } from '@shared/contract/doctor'
import { call, errorMessage } from '@renderer/platform/api'
import { useAsync } from '@renderer/platform/hooks/useAsync'
import './safety.css'

interface SafeRepairsProps {
  /** After a repair: the window reads the vault again, so the banner shows what is left. */
  onRepaired: () => void
  onBusy: (busy: boolean) => void
}

/**
 * What `rapport doctor --fix` would repair, offered in the window: each safe
 * repair with what it will do, chosen one by one, made only after a copy of
 * each file is kept; then what was done and where the copies are. What is not
 * safe to repair is left to the person, with the reason.
 */
export function SafeRepairs({ onRepaired, onBusy }: SafeRepairsProps) {
  const [planned] = useAsync(() => call('doctor:plan', undefined), [])
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set())
  const [outcome, setOutcome] = useState<RepairOutcome | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (planned.state === 'loading') return <p className="field-hint">Looking for what Rapport can repair safely…</p>
  if (planned.state === 'error')
    return (
      <p role="alert" className="form-error">
        {planned.message}
      </p>
    )

  // After a repair, what is left as the core read it again.
  const repairs = (outcome?.plan ?? planned.value).repairs
  const keyOf = (repair: { path: string; fix: string }) => `${repair.path}\n${repair.fix}`
  const chosen = repairs.filter((r) => !skipped.has(keyOf(r)))

  const repair = async () => {
    setBusy(true)
    onBusy(true)
    setError(null)
    try {
      setOutcome(await call('doctor:repair', { repairs: chosen.map(({ path, fix }) => ({ path, fix })) }))
      setSkipped(new Set())
      onRepaired()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
      onBusy(false)
    }
  }

  return (
    <section className="safe-repairs" aria-label="Repairs Rapport can make">
      {outcome && <RepairReport outcome={outcome} />}
      {repairs.length === 0 ? (
        !outcome && <p className="field-hint">None of these can be repaired without guessing what you meant; each says what to do.</p>
      ) : (
        <>
          <h3 className="safe-repairs-title">Rapport can repair {repairs.length === 1 ? 'this safely' : `these ${repairs.length} safely`}</h3>
          <p className="field-hint">
            Before it changes a file, Rapport keeps a copy of it as it was in <code>.rapport/doctor/</code>. It changes nothing you do not choose here.
          </p>
          <ul className="safe-repair-list">
            {repairs.map((r) => (
              <li key={keyOf(r)}>
                <label>
                  <input
                    type="checkbox"
                    checked={!skipped.has(keyOf(r))}
                    disabled={busy}
                    onChange={(event) => {
                      const next = new Set(skipped)
                      if (event.target.checked) next.delete(keyOf(r))
                      else next.add(keyOf(r))
                      setSkipped(next)
                    }}
                  />
                  <span className="safe-repair-text">
                    <code>{r.path}</code>
                    <span>{r.reason}</span>
                    <span className="safe-repair-fix">Will {r.fix}.</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
          <button type="button" className="button primary" disabled={busy || chosen.length === 0} onClick={() => void repair()}>
            {busy ? 'Repairing…' : chosen.length === 1 ? 'Repair 1 file' : `Repair ${chosen.length} files`}
          </button>
        </>
      )}
    </section>
  )
}

/** What the repair did, where the copies went, and what it would not do. */
function RepairReport({ outcome }: { outcome: RepairOutcome }) {
  return (
    <div role="status" className="repair-report">
      {outcome.fixed.length > 0 && (
        <>
          <p className="dialog-message">
            Repaired {outcome.fixed.length === 1 ? '1 file' : `${outcome.fixed.length} files`}.
            {outcome.backup && (
              <>
                {' '}
                The files as they were are kept in <code>{outcome.backup}</code>.
              </>
            )}
          </p>
          <ul className="problems-full-list" aria-label="What was repaired">
            {outcome.fixed.map((fixed) => (
              <li key={fixed.path}>
                <code>{fixed.path}</code>
                <span>{fixed.action}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome.refused.length > 0 && (
        <ul className="problems-full-list" aria-label="Repairs not made">
          {outcome.refused.map((refused) => (
            <li key={refused.path}>
              <code>{refused.path}</code>
              <span>Not repaired: {refused.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
