import { gcmsiv } from '@noble/ciphers/aes.js'
import { hkdf } from '@noble/hashes/hkdf.js'
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { RapportError } from '../errors'
import { parseSyncConflictName } from '../sync-conflicts'
import { KEY_BYTES } from './kdf'

/**
 * File and folder names, encrypted one path segment at a time.
 *
 * Deterministic on purpose: the same name in the same folder always gives the
 * same physical name, so a file can be found by its logical path without a
 * lookup table (which would itself be a file to keep in step and sync).
 * AES-GCM-SIV is made for this: it stays safe when a nonce repeats, leaking
 * only that the same name was encrypted twice in the same folder.
 * The nonce comes from the parent folder's logical path, so the same name in
 * two folders (every client has `journal`, `client.json`) gives unrelated
 * physical names and folders cannot be linked by their contents' names.
 *
 * Physical name: base64url, no padding, of AES-GCM-SIV(padded name) | tag.
 * The whole segment is encrypted, extension included. The alphabet has no
 * `.`, space or parentheses, so a sync tool's conflict suffix stays separable
 * (splitConflictSuffix) and a physical name can never be `.`/`..`, a hidden
 * file, or a Windows reserved name like CON (it is at least 43 characters).
 */

/** Names are padded (ISO/IEC 7816-4: 0x80 then zeros) to this, so only the length rounded up to it leaks. */
export const NAME_BLOCK_BYTES = 16
/**
 * The longest name (UTF-8 bytes) that can be encrypted: 143 pads to 144,
 * plus the 16-byte tag is 160 bytes, 214 base64url characters. 159 bytes
 * would still fit in 255, but would leave no room for the conflict suffix a
 * sync tool appends (Syncthing's is 38 characters); 214 leaves 41.
 * Rapport's own names (safe-name.ts: 64-byte slugs) are far below this.
 */
export const MAX_NAME_BYTES = 143
const TAG_BYTES = 16
const MAX_SEALED_BYTES = MAX_NAME_BYTES + 1 + TAG_BYTES
export const MAX_ENCRYPTED_NAME_LENGTH = Math.ceil((MAX_SEALED_BYTES * 4) / 3)
const NONCE_BYTES = 12
const BASE64URL = /^[A-Za-z0-9_-]+$/

function checkSegment(segment: string, what: string): void {
  const fail = (why: string) => new RapportError('invalid-input', `${what} ${JSON.stringify(segment)} cannot be encrypted: ${why}.`)
  if (segment === '' || segment === '.' || segment === '..') throw fail('it is not a file or folder name')
  // Backslash too: on Windows it separates folders, and a decrypted name must never be able to climb out of its folder.
  if (/[/\\\0]/.test(segment)) throw fail('a name cannot contain /, \\ or NUL')
  // A lone UTF-16 surrogate has no UTF-8 form; encoding would silently replace it and the name would not come back the same.
  if (new TextDecoder().decode(new TextEncoder().encode(segment)) !== segment) throw fail('it is not valid Unicode text')
}

/**
 * '' for the vault's root, else segments joined by '/': one spelling per
 * folder, because the nonce depends on it (`clients/` and `clients` must not
 * silently be two different folders). NFC, so decomposed accents from macOS
 * name the same folder.
 */
function canonicalParent(parentPath: string): string {
  const parent = parentPath.normalize('NFC')
  if (parent !== '') for (const segment of parent.split('/')) checkSegment(segment, 'The folder path segment')
  return parent
}

/** The two keys names are encrypted with, derived from the names key; see deriveNameKeys. */
export interface NameKeys {
  sivKey: Uint8Array
  nonceKey: Uint8Array
}

/**
 * Two keys from the names key: using one key for both AES and HMAC is avoided
 * as a matter of hygiene. Derived once and kept (VaultKey does, and zeroes
 * them on lock) because HKDF is half the cost of a name (~50 µs each here).
 */
export function deriveNameKeys(namesKey: Uint8Array): NameKeys {
  if (namesKey.length !== KEY_BYTES) throw new RapportError('internal', `A names key must be ${KEY_BYTES} bytes.`)
  const expand = (info: string) => hkdf(sha256, namesKey, undefined, new TextEncoder().encode(info), KEY_BYTES)
  return { sivKey: expand('rapport names v1 aes-gcm-siv'), nonceKey: expand('rapport names v1 nonce') }
}

function withCipher<T>(key: Uint8Array | NameKeys, parentPath: string, use: (cipher: ReturnType<typeof gcmsiv>) => T): T {
  const parent = new TextEncoder().encode(canonicalParent(parentPath))
  const derivedHere = key instanceof Uint8Array
  const { sivKey, nonceKey } = derivedHere ? deriveNameKeys(key) : key
  try {
    const nonce = hmac(sha256, nonceKey, parent).subarray(0, NONCE_BYTES)
    // The parent is also the associated data, so the binding to the folder does not rest on the nonce derivation alone.
    return use(gcmsiv(sivKey, nonce, parent))
  } finally {
    // Only keys made for this call; kept ones belong to their owner.
    if (derivedHere) {
      sivKey.fill(0)
      nonceKey.fill(0)
    }
  }
}

/** The physical (on-disk) name for `segment` inside the folder whose logical path is `parentPath` ('' for the root). */
export function encryptName(namesKey: Uint8Array | NameKeys, parentPath: string, segment: string): string {
  checkSegment(segment, 'The name')
  const bytes = new TextEncoder().encode(segment)
  if (bytes.length > MAX_NAME_BYTES)
    throw new RapportError(
      'invalid-input',
      `The name ${JSON.stringify(segment)} is ${bytes.length} bytes; an encrypted vault allows at most ${MAX_NAME_BYTES} bytes (UTF-8) per file or folder name.`
    )
  const padded = new Uint8Array((Math.floor(bytes.length / NAME_BLOCK_BYTES) + 1) * NAME_BLOCK_BYTES)
  padded.set(bytes, 0)
  padded[bytes.length] = 0x80
  return Buffer.from(withCipher(namesKey, parentPath, (cipher) => cipher.encrypt(padded))).toString('base64url')
}

/** The bytes a physical name decodes to, or null if encryptName could not have produced it. */
function decodePhysical(physicalName: string): Uint8Array | null {
  if (physicalName.length > MAX_ENCRYPTED_NAME_LENGTH || !BASE64URL.test(physicalName)) return null
  const bytes = Buffer.from(physicalName, 'base64url')
  // Node's decoder ignores stray trailing bits; re-encoding catches the second spelling of the same bytes.
  if (bytes.toString('base64url') !== physicalName) return null
  const sealed = bytes.length - TAG_BYTES
  if (sealed < NAME_BLOCK_BYTES || sealed % NAME_BLOCK_BYTES !== 0) return null
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
}

/** Whether `physicalName` has the shape of an encrypted name (it may still fail to decrypt). */
export const looksEncrypted = (physicalName: string): boolean => decodePhysical(physicalName) !== null

/**
 * The logical name back. Anything encryptName did not produce with this key
 * for this parent — a plain file, a name moved from another folder, a changed
 * character, a conflict suffix left on — is RapportError 'cannot-decrypt'.
 */
export function decryptName(namesKey: Uint8Array | NameKeys, parentPath: string, physicalName: string): string {
  const where = parentPath === '' ? physicalName : `${parentPath}/${physicalName}`
  const fail = () =>
    new RapportError('cannot-decrypt', `The name ${where} cannot be decrypted: it was not encrypted by this vault for this folder, or it was changed.`, where)
  const sealed = decodePhysical(physicalName)
  if (sealed === null) throw fail()
  let padded: Uint8Array
  try {
    padded = withCipher(namesKey, parentPath, (cipher) => cipher.decrypt(sealed))
  } catch (error) {
    if (error instanceof RapportError) throw error
    throw fail()
  }
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end--
  if (end < 0 || padded[end] !== 0x80 || padded.length - end > NAME_BLOCK_BYTES) throw fail()
  let segment: string
  try {
    segment = new TextDecoder('utf-8', { fatal: true }).decode(padded.subarray(0, end))
    checkSegment(segment, 'The name')
  } catch {
    throw fail()
  }
  return segment
}

export interface SplitName {
  /** The encrypted name to pass to decryptName. */
  encryptedName: string
  /** What a sync tool added after it, e.g. `.sync-conflict-20261122-103000-ABCDEFG`; null for the file itself. */
  conflict: { tool: string; suffix: string } | null
}

/**
 * Separates a sync tool's conflict suffix from an encrypted name, using the
 * same patterns as a plain vault (src/core/fs/sync-conflicts.ts). Encrypted
 * names have no extension, so each tool's suffix lands at the very end:
 *   Syncthing  <enc>.sync-conflict-20261122-103000-ABCDEFG
 *   Dropbox    <enc> (Anna's conflicted copy 2026-11-22)
 *   Nextcloud  <enc>_conflict-20261122-103000
 * Null for a name that is neither: not written by Rapport (a stray file, or a
 * plain one left in an encrypted vault) — for the caller to report, not decrypt.
 * The conflict patterns are tried first because `_`, `-` and digits are
 * base64url characters: a Nextcloud copy could otherwise pass for an encrypted
 * name (an encrypted name ending in such a suffix by chance is a ~2^-100 event).
 */
export function splitConflictSuffix(physicalName: string): SplitName | null {
  const conflict = parseSyncConflictName(physicalName)
  if (conflict && physicalName.startsWith(conflict.originalName) && looksEncrypted(conflict.originalName))
    return { encryptedName: conflict.originalName, conflict: { tool: conflict.tool, suffix: physicalName.slice(conflict.originalName.length) } }
  return looksEncrypted(physicalName) ? { encryptedName: physicalName, conflict: null } : null
}
