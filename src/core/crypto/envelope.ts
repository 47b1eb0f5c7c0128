import { xchacha20poly1305 } from '@noble/ciphers/chacha.js'
import { randomBytes } from '@noble/ciphers/utils.js'
import { RapportError } from '../errors'
import { KEY_BYTES } from './kdf'

/**
 * A sealed file:  `RPE1` | 24-byte random nonce | XChaCha20-Poly1305 ciphertext (+16-byte tag).
 *
 * XChaCha20's 24-byte nonce is large enough to pick at random for every save
 * without ever worrying about a repeat (AES-GCM's 12 bytes is not, over years
 * of autosaves). The magic says "this is ours, format 1", so a future format
 * can be told apart and a plain file dropped into the vault gives a clear message.
 */
export const ENVELOPE_MAGIC = new TextEncoder().encode('RPE1')
const NONCE_BYTES = 24
const TAG_BYTES = 16
/** Bytes a sealed file has beyond its plaintext. */
export const ENVELOPE_OVERHEAD = ENVELOPE_MAGIC.length + NONCE_BYTES + TAG_BYTES

/**
 * The associated data: the magic (so the header cannot be swapped for another
 * format's) and the file's logical vault path, e.g. `clients/anna/journal/2026-11-22.md`.
 * Binding the path means someone with access to the synced folder cannot swap
 * two entries, or put an old entry in another client's folder, undetected.
 * The cost: moving or renaming a file means sealing it again.
 */
function associatedData(logicalPath: string): Uint8Array {
  const path = new TextEncoder().encode(logicalPath)
  const aad = new Uint8Array(ENVELOPE_MAGIC.length + path.length)
  aad.set(ENVELOPE_MAGIC, 0)
  aad.set(path, ENVELOPE_MAGIC.length)
  return aad
}

function checkKey(contentKey: Uint8Array): void {
  if (contentKey.length !== KEY_BYTES) throw new RapportError('internal', `A content key must be ${KEY_BYTES} bytes.`)
}

/** Encrypts one file's bytes for `logicalPath`. A fresh nonce each time: the same text sealed twice looks unrelated. */
export function sealFile(contentKey: Uint8Array, plaintext: Uint8Array, logicalPath: string): Uint8Array {
  checkKey(contentKey)
  const nonce = randomBytes(NONCE_BYTES)
  const ciphertext = xchacha20poly1305(contentKey, nonce, associatedData(logicalPath)).encrypt(plaintext)
  const sealed = new Uint8Array(ENVELOPE_MAGIC.length + NONCE_BYTES + ciphertext.length)
  sealed.set(ENVELOPE_MAGIC, 0)
  sealed.set(nonce, ENVELOPE_MAGIC.length)
  sealed.set(ciphertext, ENVELOPE_MAGIC.length + NONCE_BYTES)
  return sealed
}

export const isSealed = (bytes: Uint8Array): boolean => bytes.length >= ENVELOPE_MAGIC.length && ENVELOPE_MAGIC.every((byte, i) => bytes[i] === byte)

/**
 * The plaintext of a sealed file. Every way it can fail — not sealed, cut
 * short, a changed byte, sealed for another path, another vault's key — is a
 * RapportError 'cannot-decrypt' naming the file, never a crash and never
 * partial or unauthenticated bytes.
 */
export function openFile(contentKey: Uint8Array, sealed: Uint8Array, logicalPath: string): Uint8Array {
  checkKey(contentKey)
  const fail = (why: string) => new RapportError('cannot-decrypt', `${logicalPath} cannot be decrypted: ${why}.`, logicalPath)
  if (!isSealed(sealed)) throw fail('it is not an encrypted Rapport file')
  if (sealed.length < ENVELOPE_OVERHEAD) throw fail('the file is cut short')
  const nonce = sealed.subarray(ENVELOPE_MAGIC.length, ENVELOPE_MAGIC.length + NONCE_BYTES)
  const ciphertext = sealed.subarray(ENVELOPE_MAGIC.length + NONCE_BYTES)
  try {
    return xchacha20poly1305(contentKey, nonce, associatedData(logicalPath)).decrypt(ciphertext)
  } catch {
    // The library only says the tag did not match; which of these it was cannot be known, by design.
    throw fail('it was changed or damaged, belongs at another path, or was encrypted with another key')
  }
}
