import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { MIN_PASSPHRASE_LENGTH } from '@shared/contract/security'
import type { SecurityStatus } from '@shared/contract/security'
import { call, errorMessage } from '@renderer/platform/api'
import { Dialog } from '@renderer/platform/ui/Dialog'
import { FormActions } from '@renderer/platform/ui/FormActions'
import { useSecurity } from './security-state'
import './security.css'

const LOCK_AFTER: Array<{ label: string; minutes: number | null }> = [
  { label: '5 minutes', minutes: 5 },
  { label: '15 minutes', minutes: 15 },
  { label: '30 minutes', minutes: 30 },
  { label: '1 hour', minutes: 60 },
  { label: 'Never (lock by hand)', minutes: null }
]

/** "Encryption…": turn encryption on, or, once on, choose when it locks, lock now, or turn it off. */
export function EncryptionDialog({ onClose, onLockNow }: { onClose: () => void; onLockNow: () => void }) {
  const { status } = useSecurity()
  return (
    <Dialog title="Encryption" onClose={onClose} className="encryption-dialog">
      {status.encrypted ? <EncryptedSettings status={status} onClose={onClose} onLockNow={onLockNow} /> : <TurnOn onClose={onClose} />}
    </Dialog>
  )
}

/** Runs a long call with a busy state and the core's message on failure. */
function useAction() {
  const { setStatus } = useSecurity()
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = async (busyText: string, action: () => Promise<SecurityStatus>): Promise<boolean> => {
    setBusy(busyText)
    setError(null)
    try {
      setStatus(await action())
      return true
    } catch (caught) {
      setError(errorMessage(caught))
      return false
    } finally {
      setBusy(null)
    }
  }
  return { busy, error, run }
}

function Problem({ error, busy }: { error: string | null; busy: string | null }) {
  return (
    <>
      {busy && (
        <p role="status" className="encryption-busy">
          {busy}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </>
  )
}

function TurnOn({ onClose }: { onClose: () => void }) {
  const [passphrase, setPassphrase] = useState('')
  const [again, setAgain] = useState('')
  const [shown, setShown] = useState<string | null>(null)
  const { busy, error, run } = useAction()
  const id = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) return setShown(`Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`)
    if (passphrase !== again) return setShown('The two passphrases are not the same.')
    setShown(null)
    await run('Encrypting every file… Keep Rapport open until it is done.', () => call('security:encrypt', { passphrase }))
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-busy={busy ? true : undefined}>
      <p className="dialog-message">
        Encryption keeps your entries and client files unreadable to anyone who gets the vault folder: a lost laptop, a synced copy, a backup. Rapport asks for
        the passphrase when it starts and locks itself when you step away.
      </p>
      <p className="encryption-warning">
        <strong>If you forget the passphrase, your notes cannot be recovered.</strong> Nobody can reset it, Rapport included.
      </p>
      <label className="field-label" htmlFor={`${id}-new`}>
        New passphrase
      </label>
      <input
        className="text-input"
        id={`${id}-new`}
        type="password"
        autoComplete="new-password"
        data-autofocus
        value={passphrase}
        onChange={(e) => (setPassphrase(e.target.value), setShown(null))}
        disabled={!!busy}
      />
      <p className="field-hint">At least {MIN_PASSPHRASE_LENGTH} characters; a few words you will remember work well.</p>
      <label className="field-label" htmlFor={`${id}-again`}>
        Type it again
      </label>
      <input
        className="text-input"
        id={`${id}-again`}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={(e) => (setAgain(e.target.value), setShown(null))}
        disabled={!!busy}
      />
      <Problem error={shown ?? error} busy={busy} />
      <FormActions submitLabel="Encrypt Vault" onCancel={onClose} disabled={!!busy || !passphrase || !again} />
    </form>
  )
}

function EncryptedSettings({ status, onClose, onLockNow }: { status: SecurityStatus; onClose: () => void; onLockNow: () => void }) {
  const [passphrase, setPassphrase] = useState('')
  const { busy, error, run } = useAction()
  const id = useId()
  const kdf = status.kdf

  const turnOff = async (event: FormEvent) => {
    event.preventDefault()
    if (await run('Decrypting every file… Keep Rapport open until it is done.', () => call('security:decrypt', { passphrase }))) onClose()
  }

  return (
    <div aria-busy={busy ? true : undefined}>
      <p className="dialog-message encryption-on">
        This vault is encrypted with XChaCha20-Poly1305
        {kdf
          ? `; the key comes from your passphrase through Argon2id (${kdf.memoryMiB} MiB, ${count(kdf.iterations, 'pass', 'passes')}, ${count(kdf.parallelism, 'lane', 'lanes')})`
          : ''}
        . File names are encrypted too.
      </p>
      <label className="field-label" htmlFor={`${id}-after`}>
        Lock after
      </label>
      <select
        className="text-input"
        id={`${id}-after`}
        aria-describedby={`${id}-after-hint`}
        value={status.autoLockMinutes === null ? 'never' : String(status.autoLockMinutes)}
        disabled={!!busy}
        onChange={(event) => {
          const minutes = event.target.value === 'never' ? null : Number(event.target.value)
          void run('Saving…', () => call('security:set-auto-lock', { minutes }))
        }}
      >
        {LOCK_AFTER.map((choice) => (
          <option key={choice.label} value={choice.minutes === null ? 'never' : String(choice.minutes)}>
            {choice.label}
          </option>
        ))}
        {status.autoLockMinutes !== null && !LOCK_AFTER.some((c) => c.minutes === status.autoLockMinutes) && (
          <option value={String(status.autoLockMinutes)}>{status.autoLockMinutes} minutes</option>
        )}
      </select>
      <p className="field-hint" id={`${id}-after-hint`}>
        without using Rapport. It also locks with your computer.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="button primary" onClick={onLockNow} disabled={!!busy} data-autofocus>
          Lock Now
        </button>
      </div>

      <form className="encryption-off" onSubmit={(event) => void turnOff(event)}>
        <h3>Turn off encryption</h3>
        <p className="field-hint">Every entry and client file will be stored unencrypted again, readable by anyone with the vault folder.</p>
        <label className="field-label" htmlFor={`${id}-off`}>
          Passphrase
        </label>
        <input
          className="text-input"
          id={`${id}-off`}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          disabled={!!busy}
        />
        <Problem error={error} busy={busy} />
        <div className="dialog-actions">
          <button type="submit" className="button danger" disabled={!!busy || !passphrase}>
            Turn Off Encryption
          </button>
        </div>
      </form>
    </div>
  )
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}
