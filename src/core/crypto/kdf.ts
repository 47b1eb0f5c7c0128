import { argon2idAsync } from '@noble/hashes/argon2.js'
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { randomBytes } from '@noble/hashes/utils.js'
import { z } from 'zod'
import { RapportError } from '../errors'

/**
 * The cost of turning a passphrase into the vault's master key, written into
 * the vault header so a vault made today still opens after the defaults rise.
 *
 * Argon2id, because it is memory-hard against GPU/ASIC guessing and resists
 * side channels (RFC 9106). Measured with @noble/hashes 2.4 (pure JS, Node 20)
 * on the 2-core development machine: m=64 MiB, t=2, p=1 takes 0.83–0.88 s in
 * a fresh process, 1.15 s inside `npm run bench -- --only crypto`; t=3 took 1.3 s, over the 0.5–1 s budget for
 * unlocking, and scrypt N=2^17, r=8 (128 MiB) 0.7 s. Argon2id in pure JS is
 * fast enough, so it wins over scrypt for its side-channel resistance and
 * because it is the KDF the issue and OWASP name first. 64 MiB is RFC 9106's
 * "memory-constrained" choice and above OWASP's 19–46 MiB minimums.
 * p=1 because pure JS runs lanes one after another: more lanes would let an
 * attacker's hardware work in parallel while ours could not.
 */
export const DEFAULT_KDF_COST = Object.freeze({
  algorithm: 'argon2id',
  memoryKiB: 64 * 1024,
  iterations: 2,
  parallelism: 1
} as const)

export type KdfCost = Pick<KdfParams, 'algorithm' | 'memoryKiB' | 'iterations' | 'parallelism'>

/** The format of the stored parameters; a new KDF or field gets a new number. */
export const KDF_PARAMS_VERSION = 1
const SALT_BYTES = 16
export const KEY_BYTES = 32

// Bounds on what a stored header may ask for. The header is read before
// anything is authenticated, so a damaged or hostile one must not be able to
// make the app allocate gigabytes or spin for hours. The floor is Argon2's own
// (8 KiB per lane); tests use tiny costs, so no stronger floor is forced here —
// the app chooses DEFAULT_KDF_COST when it creates a vault.
const kdfParamsSchema = z.object({
  version: z.literal(KDF_PARAMS_VERSION),
  algorithm: z.literal('argon2id'),
  salt: z.base64().refine((salt) => Buffer.from(salt, 'base64').length === SALT_BYTES, `a ${SALT_BYTES}-byte salt`),
  memoryKiB: z
    .int()
    .min(8)
    .max(1024 * 1024),
  iterations: z.int().min(1).max(16),
  parallelism: z.int().min(1).max(4)
})

/** How the master key was derived: stored, in the clear, in the vault header. */
export type KdfParams = z.infer<typeof kdfParamsSchema>

/** Fresh parameters (a new random salt) for a vault being encrypted. */
export function newKdfParams(cost: KdfCost = DEFAULT_KDF_COST): KdfParams {
  return parseKdfParams({ version: KDF_PARAMS_VERSION, ...cost, salt: Buffer.from(randomBytes(SALT_BYTES)).toString('base64') })
}

/** Checks parameters read from disk; anything unexpected is a broken header, not a crash. */
export function parseKdfParams(value: unknown): KdfParams {
  const parsed = kdfParamsSchema.safeParse(value)
  if (!parsed.success)
    throw new RapportError(
      'broken-file',
      `The vault's key settings are damaged or from a newer Rapport: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`
    )
  if (parsed.data.memoryKiB < 8 * parsed.data.parallelism)
    throw new RapportError('broken-file', "The vault's key settings are damaged: Argon2id needs at least 8 KiB of memory per lane.")
  return parsed.data
}

/**
 * The 32-byte master key for `passphrase`. Async so the event loop keeps
 * turning (Electron's main process must not freeze for a second).
 * The passphrase is NFC-normalised: the same words typed on macOS (which may
 * produce decomposed accents) and on Windows must give the same key.
 */
export async function deriveMasterKey(passphrase: string, params: KdfParams): Promise<Uint8Array> {
  if (passphrase.length === 0) throw new RapportError('invalid-input', 'The passphrase is empty.')
  const checked = parseKdfParams(params)
  const password = new TextEncoder().encode(passphrase.normalize('NFC'))
  try {
    return await argon2idAsync(password, Buffer.from(checked.salt, 'base64'), {
      m: checked.memoryKiB,
      t: checked.iterations,
      p: checked.parallelism,
      dkLen: KEY_BYTES,
      // 0x13 is Argon2 v1.3, the only version RFC 9106 defines; pinned so a library default can never change our keys.
      version: 0x13,
      // Yield to the event loop every 50 ms of work: the library's 10 ms default made unlocking ~35% slower
      // (1.4 s against 1.0 s, measured), and 50 ms is still short enough for main to answer IPC meanwhile.
      asyncTick: 50
    })
  } finally {
    password.fill(0)
  }
}

export const CONTENT_KEY_INFO = 'rapport content v1'
export const NAMES_KEY_INFO = 'rapport names v1'

export interface Subkeys {
  /** Seals file contents (envelope.ts) and the key check. */
  contentKey: Uint8Array
  /** Encrypts file and folder names (names.ts). */
  namesKey: Uint8Array
}

/**
 * Separate keys per purpose, so a weakness in how one is used (names are
 * encrypted deterministically) can never touch the other. The master key is
 * zeroed: after this only the subkeys exist.
 */
export function deriveSubkeys(masterKey: Uint8Array): Subkeys {
  if (masterKey.length !== KEY_BYTES) throw new RapportError('internal', `A master key must be ${KEY_BYTES} bytes.`)
  // No salt: the master key is already uniformly random (Argon2id output), which is what HKDF's salt would provide.
  const subkey = (info: string) => hkdf(sha256, masterKey, undefined, new TextEncoder().encode(info), KEY_BYTES)
  try {
    return { contentKey: subkey(CONTENT_KEY_INFO), namesKey: subkey(NAMES_KEY_INFO) }
  } finally {
    masterKey.fill(0)
  }
}
