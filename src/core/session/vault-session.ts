/**
 * A vault as the app, the e2e harness and the command line hold it: open,
 * or — when encrypted — locked until the passphrase is given. It owns what
 * an open vault needs around it (the key, the watcher, the inactivity lock)
 * and answers every channel of the contract: the `security:*` ones itself,
 * the others through the open vault's handlers, or 'locked'.
 *
 * Locking forgets the key (zeroed, crypto/vault-key.ts) and drops the Vault
 * with everything read from it; the mount stays with the dead key, so a
 * write still in flight fails with 'locked' instead of reaching the disk in
 * the clear. Unlocking reads the vault again from its files.
 */
import type { Channel, Handlers } from '../../shared/api'
import { channelNames } from '../../shared/api'
import type { SecurityStatus } from '../../shared/contract/security'
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../shared/contract/security'
import { DEFAULT_KDF_COST } from '../crypto/kdf'
import type { KdfCost } from '../crypto/kdf'
import type { VaultHeader } from '../crypto/key-check'
import { createVaultKey, unlockVaultKey } from '../crypto/vault-key'
import type { VaultKey } from '../crypto/vault-key'
import { RapportError } from '../errors'
import { mountEncrypted } from '../fs/vault-files'
import { appHandlers, createHandlers } from '../service'
import type { VaultHandlers } from '../service'
import { systemClock } from '../relationship/viewpoint'
import type { Clock } from '../relationship/viewpoint'
import type { ShellPorts } from '../shell-ports'
import { Vault } from '../vault/vault'
import { watchVault } from '../vault/watch'
import { decryptVault, encryptVault, recoverConversion } from '../security/conversion'
import { readVaultHeader } from '../security/vault-header'
import { VaultIndexes } from '../search/vault-indexes'

export interface SessionOptions {
  shell: ShellPorts
  /** 'background': usable once the clients are read, entries follow (the app). */
  entries?: 'now' | 'background'
  /** Follow changes on disk and tell the window (`vault:changed`); the app and the harness do, the CLI does not. */
  watch?: boolean
  /** A window is there to save pending edits (`app:flush`) before the vault is locked or converted. */
  window?: boolean
  /** The KDF cost of a new encryption; tests use a cheap one. */
  kdfCost?: KdfCost
  /** How long one minute of the auto-lock setting lasts; tests shorten it. */
  minuteMs?: number
  /** The "now" every channel judges by; the real clock unless given (the CLI's tests fix it). */
  clock?: Clock
  /** Reading the entries in the background failed (the app shows it; whoever calls a channel also gets the error). */
  onReadFailed?: (error: Error) => void
}

/** How long locking or converting waits for the window to save its pending edits. */
const FLUSH_TIMEOUT_MS = 3000
const SETTING = 'autoLockMinutes'

export class VaultSession {
  readonly handlers: Handlers
  #header: VaultHeader | null = null
  #key: VaultKey | null = null
  #unmount: (() => void) | null = null
  #vault: Vault | null = null
  #vaultHandlers: VaultHandlers | null = null
  /** The open vault's search and backlinks indexes: made with it, closed with it (and when it is locked). */
  #indexes: VaultIndexes | null = null
  #stopWatching: (() => void) | null = null
  /** Resolves when the watcher has made its first scan (tests wait for it). */
  watching: Promise<void> = Promise.resolve()
  #lastActivity = Date.now()
  #timer: NodeJS.Timeout | null = null
  #autoLockMinutes: number | null = DEFAULT_AUTO_LOCK_MINUTES
  #flushWaiters: Array<(outcome: { saved: boolean }) => void> = []
  /** Lock, unlock and conversions run one at a time. */
  #queue: Promise<unknown> = Promise.resolve()

  private constructor(
    readonly root: string,
    private readonly options: SessionOptions
  ) {
    this.handlers = this.#makeHandlers()
  }

  /** Opens the vault at `root`: at once when plain, locked (waiting for `security:unlock`) when encrypted. */
  static async start(root: string, options: SessionOptions): Promise<VaultSession> {
    const session = new VaultSession(root, options)
    await recoverConversion(root)
    session.#header = await readVaultHeader(root)
    if (!session.#header) await session.#open()
    return session
  }

  /** The open vault; throws 'locked' while the vault is locked. */
  get vault(): Vault {
    if (!this.#vault) throw lockedError()
    return this.#vault
  }

  /** The open vault's indexes; throws 'locked' while the vault is locked. */
  get indexes(): VaultIndexes {
    if (!this.#indexes) throw lockedError()
    return this.#indexes
  }

  get locked(): boolean {
    return this.#vault === null && this.#header !== null
  }

  status(): SecurityStatus {
    const kdf = this.#header?.kdf
    return {
      encrypted: this.#header !== null,
      locked: this.locked,
      autoLockMinutes: this.#autoLockMinutes,
      kdf: kdf ? { algorithm: kdf.algorithm, memoryMiB: kdf.memoryKiB / 1024, iterations: kdf.iterations, parallelism: kdf.parallelism } : null
    }
  }

  /** Wrong passphrase: 'wrong-passphrase', and nothing was read but the header, nothing written. */
  unlock(passphrase: string): Promise<SecurityStatus> {
    return this.#oneAtATime(async () => {
      if (!this.#header) throw new RapportError('invalid-input', 'This vault is not encrypted, so there is nothing to unlock.')
      if (!this.locked) return this.status()
      const key = await unlockVaultKey(passphrase, this.#header)
      this.#mount(key)
      try {
        await this.#open()
      } catch (error) {
        this.#forgetKey()
        throw error
      }
      this.#touch()
      return this.#changed()
    })
  }

  /** Locks now (no-op for a plain or locked vault). The window saved its edits first; the caller sees to that. */
  lock(): Promise<SecurityStatus> {
    return this.#oneAtATime(async () => {
      if (this.#header && !this.locked) {
        this.#close()
        this.#forgetKey()
      }
      return this.#changed()
    })
  }

  /** Turns encryption on with a new passphrase; the vault stays open. */
  encrypt(passphrase: string): Promise<SecurityStatus> {
    return this.#oneAtATime(async () => {
      if (this.#header) throw new RapportError('invalid-input', 'This vault is already encrypted.')
      this.vault.assertWritable()
      await this.#saveWindow()
      const { header, key } = await createVaultKey(passphrase, this.options.kdfCost ?? DEFAULT_KDF_COST)
      await this.#retireIndexes()
      this.#close()
      try {
        await encryptVault(this.root, header, key)
      } catch (error) {
        key.lock()
        await this.#afterFailedConversion()
        throw conversionFailed(error, 'encrypting')
      }
      this.#header = header
      this.#mount(key)
      await this.#open()
      this.#touch()
      return this.#changed()
    })
  }

  /** Turns encryption off, after checking the passphrase again; the files become plain Markdown and JSON. */
  decrypt(passphrase: string): Promise<SecurityStatus> {
    return this.#oneAtATime(async () => {
      if (!this.#header) throw new RapportError('invalid-input', 'This vault is not encrypted.')
      const vault = this.vault
      vault.assertWritable()
      const key = await unlockVaultKey(passphrase, this.#header)
      await this.#saveWindow()
      await this.#retireIndexes()
      this.#close()
      this.#unmount?.()
      this.#unmount = null
      try {
        await decryptVault(this.root, key)
      } catch (error) {
        key.lock()
        await this.#afterFailedConversion()
        throw conversionFailed(error, 'decrypting')
      }
      key.lock()
      this.#key?.lock()
      this.#key = null
      this.#header = null
      await this.#open()
      return this.#changed()
    })
  }

  async setAutoLock(minutes: number | null): Promise<SecurityStatus> {
    await this.vault.updateSettings({ [SETTING]: minutes })
    this.#autoLockMinutes = minutes
    this.#arm()
    return this.#changed()
  }

  /** The person is using the window: the inactivity lock starts counting again. */
  activity(): void {
    this.#touch()
  }

  /** Stops the watcher and the timer and forgets the key (the app is quitting). */
  close(): void {
    this.#close()
    this.#forgetKey()
    this.#unmount?.()
    this.#unmount = null
  }

  // -------------------------------------------------------------------------

  async #open(): Promise<void> {
    const vault = await Vault.open(this.root, { entries: this.options.entries ?? 'now' })
    this.#vault = vault
    const indexes = new VaultIndexes(vault)
    this.#indexes = indexes
    const handlers = createHandlers(vault, this.options.shell, this.options.clock, indexes)
    this.#vaultHandlers = handlers
    this.#autoLockMinutes = readAutoLock(vault.settings()[SETTING])
    const emit = this.options.shell.emit
    if (this.options.watch) {
      const stop = watchVault(this.root, (paths) => {
        if (this.#vault !== vault) return
        void vault.applyChanges(paths).then((changes) => {
          if (changes.entries.length + changes.clients.length + changes.structure.length > 0) emit?.('vault:changed', changes)
        })
      })
      this.#stopWatching = stop
      this.watching = stop.ready
    }
    if (emit) indexes.search.onProgress((progress) => this.#vault === vault && emit('search:progress', progress))
    const background = vault.readingEntries
    vault.entriesRead.then(
      () => {
        if (this.#vault !== vault) return
        // Read in the background: the window reads the vault again (counts, the open journal, Today).
        if (background) emit?.('vault:changed', { entries: [], clients: [], structure: ['folders'] })
        // Index from the start, so the first search (or @ link to an entry) finds everything.
        void handlers['search:status'](undefined).catch(() => undefined)
      },
      (error: unknown) => {
        if (this.#vault === vault) this.options.onReadFailed?.(error instanceof Error ? error : new Error(String(error)))
      }
    )
    this.#arm()
  }

  /** The open vault's indexes stop writing their caches before the files are converted (a late write would be in the clear). */
  async #retireIndexes(): Promise<void> {
    await this.#indexes?.retire()
  }

  /** Drops the open vault and everything read from it; its indexes stop. */
  #close(): void {
    this.#stopWatching?.()
    this.#stopWatching = null
    this.#indexes?.close()
    this.#indexes = null
    this.#vault = null
    this.#vaultHandlers = null
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
  }

  #mount(key: VaultKey): void {
    this.#unmount?.()
    this.#key = key
    this.#unmount = mountEncrypted(this.root, key)
  }

  /** Zeroes the key. The root stays mounted with the dead key (and no remembered names): late writes fail, none goes out in the clear. */
  #forgetKey(): void {
    if (!this.#key) return
    const key = this.#key
    key.lock()
    this.#unmount?.()
    this.#unmount = mountEncrypted(this.root, key)
    this.#key = null
  }

  async #afterFailedConversion(): Promise<void> {
    await recoverConversion(this.root)
    this.#header = await readVaultHeader(this.root)
    // Back as it was: plain and open, or encrypted and unlocked with the key still held.
    if (this.#header && this.#key) this.#mount(this.#key)
    if (!this.#header || this.#key) await this.#open()
  }

  #touch(): void {
    this.#lastActivity = Date.now()
  }

  #minuteMs(): number {
    return this.options.minuteMs ?? 60_000
  }

  #arm(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    if (!this.#header || this.locked || this.#autoLockMinutes === null) return
    const limit = this.#autoLockMinutes * this.#minuteMs()
    const wait = Math.max(0, this.#lastActivity + limit - Date.now())
    this.#timer = setTimeout(() => void this.#checkInactivity(limit), wait)
    this.#timer.unref()
  }

  async #checkInactivity(limit: number): Promise<void> {
    this.#timer = null
    if (Date.now() - this.#lastActivity < limit) return this.#arm()
    const outcome = await this.#saveWindow()
    // Locking would drop edits the window could not save (a full disk): keep them, and try again after another period.
    if (!outcome.saved) {
      this.#touch()
      return this.#arm()
    }
    await this.lock()
  }

  /** Asks the window to save pending edits and waits for its answer; without a window there is nothing to save. */
  #saveWindow(): Promise<{ saved: boolean }> {
    const emit = this.options.shell.emit
    if (!this.options.window || !emit) return Promise.resolve({ saved: true })
    return new Promise((resolve) => {
      const timer = setTimeout(() => done({ saved: false }), FLUSH_TIMEOUT_MS)
      const done = (outcome: { saved: boolean }) => {
        clearTimeout(timer)
        this.#flushWaiters = this.#flushWaiters.filter((w) => w !== done)
        resolve(outcome)
      }
      this.#flushWaiters.push(done)
      emit('app:flush', {})
    })
  }

  #changed(): SecurityStatus {
    const status = this.status()
    this.options.shell.emit?.('security:changed', status)
    return status
  }

  #oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task)
    this.#queue = run.catch(() => undefined)
    return run
  }

  #makeHandlers(): Handlers {
    const own: Partial<Handlers> = {
      'security:status': async () => this.status(),
      'security:unlock': async ({ passphrase }) => this.unlock(passphrase),
      'security:lock': async () => this.lock(),
      'security:encrypt': async ({ passphrase }) => this.encrypt(passphrase),
      'security:decrypt': async ({ passphrase }) => this.decrypt(passphrase),
      'security:set-auto-lock': async ({ minutes }) => this.setAutoLock(minutes),
      'security:activity': async () => this.activity(),
      // The same app handlers as an open vault's, answered here so they work while locked; a flush also wakes a lock waiting on it.
      ...appHandlers(
        {
          openExternal: (url) => this.options.shell.openExternal(url),
          flushed: (outcome) => {
            for (const waiter of [...this.#flushWaiters]) waiter(outcome)
            this.options.shell.flushed(outcome)
          }
        },
        this.options.clock ?? systemClock
      )
    }
    const handlers = {} as Record<Channel, (input: unknown) => Promise<unknown>>
    for (const channel of channelNames) {
      const mine = own[channel] as ((input: unknown) => Promise<unknown>) | undefined
      handlers[channel] =
        mine ??
        (async (input: unknown) => {
          const current = this.#vaultHandlers
          if (!current) throw lockedError()
          return (current[channel as keyof VaultHandlers] as (input: unknown) => Promise<unknown>)(input)
        })
    }
    return handlers as Handlers
  }
}

const lockedError = () => new RapportError('locked', 'The vault is locked. Unlock it with your passphrase to continue.')

function readAutoLock(value: unknown): number | null {
  if (value === null) return null
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1440 ? value : DEFAULT_AUTO_LOCK_MINUTES
}

function conversionFailed(error: unknown, doing: string): RapportError {
  const reason = error instanceof Error ? error.message : String(error)
  const code = error instanceof RapportError ? error.code : 'io'
  return new RapportError(code, `Rapport stopped ${doing} the vault: ${reason} Nothing was lost: the vault is as it was before.`)
}
