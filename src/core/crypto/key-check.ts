import { z } from 'zod'
import { RapportError } from '../errors'
import { openFile, sealFile } from './envelope'
import { parseKdfParams } from './kdf'
import type { KdfParams } from './kdf'

/**
 * A known constant sealed with the content key and stored in the vault
 * header beside the KDF parameters. Unlocking opens it first: if it does not
 * authenticate, the passphrase is wrong and nothing else is read or written.
 * It is an AEAD ciphertext, not a hash of the key, so it gives a guesser
 * nothing cheaper to test than running Argon2id for each guess.
 */
const KEY_CHECK_PLAINTEXT = 'rapport key check v1'
// Sealed "at" a path no vault file can have (vault paths never contain NUL),
// so the key check can never be passed off as, or swapped with, a real file.
const KEY_CHECK_PATH = '\u0000rapport-key-check'

export function makeKeyCheck(contentKey: Uint8Array): string {
  return Buffer.from(sealFile(contentKey, new TextEncoder().encode(KEY_CHECK_PLAINTEXT), KEY_CHECK_PATH)).toString('base64')
}

/** Throws RapportError 'wrong-passphrase' unless `contentKey` is the key `keyCheck` was made with. */
export function verifyKeyCheck(contentKey: Uint8Array, keyCheck: string): void {
  let plain: Uint8Array
  try {
    plain = openFile(contentKey, Buffer.from(keyCheck, 'base64'), KEY_CHECK_PATH)
  } catch (error) {
    if (error instanceof RapportError && error.code === 'cannot-decrypt') throw wrongPassphrase()
    throw error
  }
  // Authenticated, so only our own code could have sealed it; checked anyway so a future format mix-up cannot pass silently.
  if (new TextDecoder().decode(plain) !== KEY_CHECK_PLAINTEXT) throw wrongPassphrase()
}

function wrongPassphrase(): RapportError {
  // A tampered header gives this same message: from the outside the two cannot be told apart, and neither unlocks.
  return new RapportError('wrong-passphrase', 'That passphrase does not unlock this vault. Nothing was changed; check it and try again.')
}

/** The file, in the clear at the vault's root, that makes a vault an encrypted one. */
export const VAULT_HEADER_FILE = 'rapport-encryption.json'
export const VAULT_HEADER_FORMAT = 'rapport-encrypted-vault'

const headerSchema = z.object({
  format: z.literal(VAULT_HEADER_FORMAT),
  version: z.literal(1),
  kdf: z.unknown(),
  keyCheck: z.base64()
})

export interface VaultHeader {
  format: typeof VAULT_HEADER_FORMAT
  version: 1
  kdf: KdfParams
  /** makeKeyCheck's output, base64. */
  keyCheck: string
}

/** Checks a header read from disk (JSON.parse'd); a damaged one is 'broken-file', never a crash. */
export function parseVaultHeader(value: unknown): VaultHeader {
  const parsed = headerSchema.safeParse(value)
  if (!parsed.success)
    throw new RapportError('broken-file', `${VAULT_HEADER_FILE} is damaged or from a newer Rapport, so the vault cannot be unlocked.`, VAULT_HEADER_FILE)
  return { format: parsed.data.format, version: parsed.data.version, kdf: parseKdfParams(parsed.data.kdf), keyCheck: parsed.data.keyCheck }
}
