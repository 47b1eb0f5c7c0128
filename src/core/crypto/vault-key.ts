import { RapportError } from '../errors'
import { openFile, sealFile } from './envelope'
import { DEFAULT_KDF_COST, deriveMasterKey, deriveSubkeys, newKdfParams } from './kdf'
import type { KdfCost, Subkeys } from './kdf'
import { makeKeyCheck, parseVaultHeader, VAULT_HEADER_FORMAT, verifyKeyCheck } from './key-check'
import type { VaultHeader } from './key-check'
import { decryptName, deriveNameKeys, encryptName } from './names'
import type { NameKeys } from './names'

/**
 * The keys of an unlocked vault, held only in this object's memory and never
 * handed out: everything that needs them goes through its methods, so lock()
 * is the one place that ends their life.
 *
 * What zeroing can and cannot do in JS: it wipes these Uint8Arrays, the only
 * long-lived copies. It cannot wipe the passphrase string, the library's
 * short-lived internal buffers, or copies the garbage collector may have made;
 * it shortens how long keys sit in memory, it does not protect against code
 * already running as the user (see DESIGN.md, threat model).
 */
export class VaultKey {
  #keys: (Subkeys & { names: NameKeys }) | null
  /** The content key in memory shared with the search index's thread (see `sharedContentKey`); zeroed by lock() like the rest. */
  #shared: Uint8Array | null = null

  /** Takes ownership of `keys`: lock() zeroes these very arrays (and the name keys derived from them). */
  constructor(keys: Subkeys) {
    this.#keys = { ...keys, names: deriveNameKeys(keys.namesKey) }
  }

  get locked(): boolean {
    return this.#keys === null
  }

  #use(): Subkeys & { names: NameKeys } {
    if (this.#keys === null) throw new RapportError('locked', 'The vault is locked. Unlock it with your passphrase to continue.')
    return this.#keys
  }

  seal(plaintext: Uint8Array, logicalPath: string): Uint8Array {
    return sealFile(this.#use().contentKey, plaintext, logicalPath)
  }

  open(sealed: Uint8Array, logicalPath: string): Uint8Array {
    return openFile(this.#use().contentKey, sealed, logicalPath)
  }

  /**
   * The content key in a SharedArrayBuffer, for sealing and opening a large
   * file on another thread of this process (the search cache, ~10 MB at
   * 10,000 entries: 80 ms of XChaCha20 that would otherwise stop the thread
   * answering the window). Shared, not copied: lock() zeroes this memory,
   * and with it the other thread's view of the key, so lock() stays the one
   * place that ends the key's life.
   */
  sharedContentKey(): Uint8Array {
    if (this.#shared) return this.#shared
    const key = this.#use().contentKey
    this.#shared = new Uint8Array(new SharedArrayBuffer(key.length))
    this.#shared.set(key)
    return this.#shared
  }

  encryptName(parentPath: string, segment: string): string {
    return encryptName(this.#use().names, parentPath, segment)
  }

  decryptName(parentPath: string, physicalName: string): string {
    return decryptName(this.#use().names, parentPath, physicalName)
  }

  /** Zeroes the key bytes and forgets them; every later use throws 'locked'. Safe to call twice. */
  lock(): void {
    if (this.#keys === null) return
    this.#keys.contentKey.fill(0)
    this.#keys.namesKey.fill(0)
    this.#keys.names.sivKey.fill(0)
    this.#keys.names.nonceKey.fill(0)
    this.#shared?.fill(0)
    this.#shared = null
    this.#keys = null
  }
}

/** A new header (fresh salt, `cost`) and its unlocked key, for a vault being encrypted. */
export async function createVaultKey(passphrase: string, cost: KdfCost = DEFAULT_KDF_COST): Promise<{ header: VaultHeader; key: VaultKey }> {
  const kdf = newKdfParams(cost)
  const keys = deriveSubkeys(await deriveMasterKey(passphrase, kdf))
  return { header: { format: VAULT_HEADER_FORMAT, version: 1, kdf, keyCheck: makeKeyCheck(keys.contentKey) }, key: new VaultKey(keys) }
}

/**
 * Unlocks with `passphrase`, or throws 'wrong-passphrase' having read nothing
 * but the header and written nothing at all. `header` is the parsed JSON of
 * the header file, checked here.
 */
export async function unlockVaultKey(passphrase: string, header: unknown): Promise<VaultKey> {
  const checked = parseVaultHeader(header)
  const keys = deriveSubkeys(await deriveMasterKey(passphrase, checked.kdf))
  try {
    verifyKeyCheck(keys.contentKey, checked.keyCheck)
  } catch (error) {
    keys.contentKey.fill(0)
    keys.namesKey.fill(0)
    throw error
  }
  return new VaultKey(keys)
}
