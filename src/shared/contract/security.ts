import { z } from 'zod'
import { returns } from './define'

/** Where the vault stands on encryption at rest (issue #10). */
export interface SecurityStatus {
  /** The vault's files are encrypted (it has a `rapport-encryption.json` header). */
  encrypted: boolean
  /** An encrypted vault whose key is not in memory: only the security channels answer until it is unlocked. */
  locked: boolean
  /** Minutes without use after which an unlocked encrypted vault locks itself; null: only on demand. */
  autoLockMinutes: number | null
  /** The key derivation's cost, as stored in the header; null for a plain vault. */
  kdf: { algorithm: 'argon2id'; memoryMiB: number; iterations: number; parallelism: number } | null
}

/** The shortest passphrase Rapport accepts for a new encryption: Argon2id slows guessing, it cannot save a short secret. */
export const MIN_PASSPHRASE_LENGTH = 10
export const DEFAULT_AUTO_LOCK_MINUTES = 15

const passphrase = z.string().min(1, 'Type your passphrase.').max(1024, 'A passphrase can be at most 1,024 characters.')
const newPassphrase = z
  .string()
  .min(MIN_PASSPHRASE_LENGTH, `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few words you will remember work well.`)
  .max(1024, 'A passphrase can be at most 1,024 characters.')

export const securityContract = {
  'security:status': { input: z.void(), output: returns<SecurityStatus>() },
  /** Wrong passphrase: error 'wrong-passphrase', and nothing is read or changed. */
  'security:unlock': { input: z.object({ passphrase }), output: returns<SecurityStatus>() },
  /** Forgets the key and everything read from the vault; the window shows the lock screen. */
  'security:lock': { input: z.void(), output: returns<SecurityStatus>() },
  /** Turns encryption on: converts every file, crash-safely; the vault stays unlocked. */
  'security:encrypt': { input: z.object({ passphrase: newPassphrase }), output: returns<SecurityStatus>() },
  /** Turns encryption off (asks for the passphrase again): converts every file back to plain Markdown and JSON. */
  'security:decrypt': { input: z.object({ passphrase }), output: returns<SecurityStatus>() },
  'security:set-auto-lock': {
    input: z.object({ minutes: z.number().int().min(1, 'Lock after at least 1 minute.').max(1440, 'Lock after at most 24 hours.').nullable() }),
    output: returns<SecurityStatus>()
  },
  /** The person is using the window (typing, clicking): postpones the inactivity lock. Sent at most every few seconds. */
  'security:activity': { input: z.void(), output: returns<void>() }
} as const

/**
 * Channels that write the vault's text somewhere outside it, unencrypted.
 * On an encrypted vault each refuses with 'needs-confirmation' unless its
 * input says `plainConfirmed: true` — the renderer asks the person and calls again.
 */
export const plainConfirmed = z.boolean().optional()
