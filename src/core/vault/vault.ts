import { basename, join } from 'node:path'
import { isEncryptedMount, readdir, stat, unlink } from '../fs/vault-files'
import type { VaultInfo, VaultProblem } from '../../shared/domain'
import type { ChangedClient, ChangedEntry, VaultChanges, VaultStructure } from '../../shared/contract/vault'
import { ClientStore } from '../clients/client-store'
import { EntryStore } from '../entries/entry-store'
import { HistoryStore } from '../history/history-store'
import { RapportError, fileError } from '../errors'
import { isBeingWritten, isTempFile } from '../fs/atomic-write'
import { clientJournal, layout } from '../fs/layout'
import type { Low } from 'lowdb'
import type { Manifest } from './manifest'
import { VAULT_FORMAT, openManifest } from './manifest'
import type { MigrationResult } from './migrations'
import { migrateVault } from './migrations'
import { ensureFolder } from '../fs/ensure-folder'
import { recoverConversion } from '../security/conversion'
import { readVaultHeader } from '../security/vault-header'
import { removeConflictingCaches } from './cache-leftovers'
import type { VaultChange, VaultChangeListener } from '../vault-change'

export type { VaultChange, VaultChangeListener } from '../vault-change'

/** A temporary file older than this was left by a crash, not by a write under way in another Rapport process. */
const STALE_TEMP_MS = 60_000

/**
 * A vault: a folder of plain files a person can read, back up and sync.
 * Opening it reads everything once into memory (the files stay the truth);
 * every change goes through the stores, which write atomically and never
 * overwrite a change made on disk by someone else.
 */
export class Vault {
  readonly problems: VaultProblem[] = []
  readonly clients: ClientStore
  readonly entries: EntryStore
  readonly history: HistoryStore
  private created = false
  private format = VAULT_FORMAT
  private readOnlyReason: string | null = null
  private manifest: Low<Manifest> | null = null
  /** Its files are encrypted (src/core/security): what leaves it in the clear needs the person's yes. */
  encrypted = false
  /** Set when opening updated an older vault: what was done, and where the backup is. */
  migration: MigrationResult | null = null

  private constructor(readonly root: string) {
    this.clients = new ClientStore(root)
    this.history = new HistoryStore(root)
    this.entries = new EntryStore(root, this.history)
    this.clients.notify = this.entries.notify = (change) => this.emitChange(change)
    this.entries.writable = () => this.readOnlyReason === null
  }

  /**
   * Resolves once the vault's entries have been read. A vault opened with
   * `entries: 'background'` is usable before then (its clients are listed at
   * once); everything that needs entries waits for this (see service.ts).
   */
  entriesRead: Promise<void> = Promise.resolve()
  /** True while a vault opened with `entries: 'background'` is still reading its entries. */
  readingEntries = false

  /**
   * Opens (creating if needed) the vault at `root`. By default every client
   * and entry has been read when it resolves. With `entries: 'background'`
   * it resolves once the clients are read, and the entries follow
   * (`entriesRead`): a window over a vault of 10,000 entries shows its client
   * list at once instead of after reading every entry.
   */
  static async open(root: string, options: { entries?: 'now' | 'background' } = {}): Promise<Vault> {
    const vault = new Vault(root)
    try {
      await ensureFolder(root)
    } catch (error) {
      throw fileError(error, 'create the vault folder', root)
    }
    await recoverConversion(root)
    // An encrypted vault is opened only through its key (VaultSession mounts it); read as plain, it would look empty and be written over in the clear.
    if ((await readVaultHeader(root)) && !isEncryptedMount(root))
      throw new RapportError('locked', 'This vault is encrypted. Unlock it with your passphrase to open it.')
    vault.encrypted = isEncryptedMount(root)
    let manifest = await openManifest(root)
    if (manifest.kind === 'older') {
      vault.migration = await migrateVault(root, manifest.format, VAULT_FORMAT)
      manifest = await openManifest(root)
    }
    if (manifest.kind === 'ok') {
      vault.manifest = manifest.db
      vault.created = manifest.created
      vault.format = manifest.manifest.format
    } else if (manifest.kind === 'newer') {
      vault.format = manifest.manifest.format
      vault.readOnlyReason = `This vault was written by a newer Rapport (format ${manifest.manifest.format}; this one reads format ${VAULT_FORMAT}). It is open read-only so nothing is lost; update Rapport to edit it.`
    } else if (manifest.kind === 'broken') {
      vault.problems.push({ path: layout.manifest, reason: manifest.reason })
      vault.readOnlyReason = `${layout.manifest} cannot be read, so the vault is open read-only. Run "rapport doctor" to see why.`
    }
    // Before any cache is read: a cache two computers wrote is rebuilt, never trusted.
    if (!vault.readOnlyReason) await removeConflictingCaches(root)
    if (options.entries !== 'background') {
      await vault.reload()
      return vault
    }
    await vault.clients.load()
    vault.readingEntries = true
    vault.entriesRead = vault.reload().finally(() => {
      vault.readingEntries = false
    })
    // A failure here is the same as a failed open's, but it comes later: whoever waits on entriesRead hears of it.
    vault.entriesRead.catch(() => undefined)
    return vault
  }

  /** Reads every client and entry again from disk; reloads and applied changes run one at a time. */
  reload(): Promise<void> {
    return this.oneAtATime(() => this.reloadNow())
  }

  private async reloadNow(): Promise<void> {
    // Saves are not queued behind a reload (typing must not wait for one), so a save can land while the vault
    // is being read; what was read then may be older than what is now on disk. Read again until nothing moved.
    for (let attempt = 0; attempt < 3; attempt++) {
      const changesBefore = this.changesSeen
      await this.clients.load()
      await this.entries.load([
        { clientId: null, path: layout.journalDir },
        ...this.clients.list().map((c) => ({ clientId: c.id, path: clientJournal(c.slug) }))
      ])
      if (this.changesSeen === changesBefore) break
    }
    this.emitChange({ kind: 'reloaded' })
    await this.removeStaleTempFiles()
  }

  /** How many changes the stores have reported: a reload that saw this move read a vault that moved under it. */
  private changesSeen = 0

  private readonly changeListeners = new Set<VaultChangeListener>()

  /**
   * Tells `listener` of every entry and client added, changed or removed
   * (by Rapport, or on disk and taken in by `applyChanges`), and when the
   * whole vault was read again. For what is derived from the vault (the
   * search index); returns the way to stop listening.
   */
  onChange(listener: VaultChangeListener): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  private emitChange(change: VaultChange): void {
    if (change.kind !== 'reloaded') this.changesSeen++
    for (const listener of [...this.changeListeners]) {
      try {
        listener(change)
      } catch (error) {
        // A listener's failure is its own: the change itself has happened, and the other listeners still hear of it.
        console.error('[rapport] a vault change listener failed:', error)
      }
    }
  }

  private queue: Promise<unknown> = Promise.resolve()

  private oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }

  /**
   * Takes in changes made on disk by another program (vault-relative paths,
   * as the watcher reports them). A changed entry is re-read alone; anything
   * that changes the shape of the vault (a client folder or client.json, a
   * burst of many files) reads the vault again. Says what changed, for the window.
   */
  applyChanges(paths: readonly string[]): Promise<VaultChanges> {
    return this.oneAtATime(() => this.applyChangesNow(paths))
  }

  private async applyChangesNow(paths: readonly string[]): Promise<VaultChanges> {
    const structure = new Set<VaultStructure>()
    if (paths.includes(layout.manifest)) structure.add('settings')
    if (paths.some((path) => path.split('/')[0] === layout.templatesDir)) structure.add('templates')
    const readAgain = async (): Promise<VaultChanges> => {
      await this.reloadNow()
      return { entries: [], clients: [], structure: ['folders', ...structure] }
    }
    const entryPaths: Array<{ path: string; clientId: string | null }> = []
    const clients = new Map<string, ChangedClient>()
    for (const path of paths) {
      if (path.split('/').some((part) => part === layout.appDir)) continue
      const target = this.journalOwner(path)
      if (target === 'structure') return readAgain()
      if (target?.startsWith('client-file:')) {
        const slug = target.slice('client-file:'.length)
        if (!(await this.clients.refresh(slug))) return readAgain()
        const client = this.clients.list().find((c) => c.slug === slug)
        if (client) clients.set(client.id, { id: client.id })
        continue
      }
      if (target !== 'ignored') entryPaths.push({ path, clientId: target })
    }
    if (entryPaths.length > 500) return readAgain()
    const entries = new Map<string, ChangedEntry>()
    for (const { path, clientId } of entryPaths) {
      for (const change of await this.entries.refresh(path, clientId)) {
        entries.delete(change.id)
        entries.set(change.id, change)
      }
    }
    return { entries: [...entries.values()], clients: [...clients.values()], structure: [...structure] }
  }

  /**
   * Whose journal a changed path is in (a client id, or null for the vault's own journal);
   * `client-file:<slug>` for a client.json; 'structure' when clients themselves change; 'ignored' for files Rapport does not read.
   */
  private journalOwner(path: string): string | null {
    const parts = path.split('/')
    if (parts[0] === layout.journalDir) return parts.length > 1 ? null : 'structure'
    if (parts[0] !== layout.clientsDir) return path === layout.manifest ? 'structure' : 'ignored'
    if (parts.length <= 3)
      return parts[2] === layout.clientFile ? `client-file:${parts[1]}` : parts[2] === undefined || parts[2] === layout.journalDir ? 'structure' : 'ignored'
    if (parts[2] !== layout.journalDir) return 'ignored'
    const client = this.clients.list().find((c) => c.slug === parts[1])
    return client ? client.id : 'structure'
  }

  info(): VaultInfo {
    return {
      root: this.root,
      name: basename(this.root),
      format: this.format,
      created: this.created,
      readOnly: this.readOnlyReason !== null,
      ...(this.readingEntries ? { readingEntries: true } : {}),
      unfiledEntries: this.readingEntries ? 0 : this.entries.countFor(null).count,
      ...(this.readOnlyReason ? { readOnlyReason: this.readOnlyReason } : {}),
      ...(this.migration ? { migrated: { from: this.migration.from, to: this.migration.to, backup: this.migration.backup } } : {}),
      problems: [...this.problems, ...this.clients.problems, ...this.entries.problems]
    }
  }

  /** The vault's settings from `rapport.json` (plain JSON values; each feature validates its own). */
  settings(): Readonly<Record<string, unknown>> {
    return this.manifest?.data.settings ?? {}
  }

  /** Changes some settings in `rapport.json`; other settings, and changes made on disk meanwhile, are kept. */
  async updateSettings(patch: Record<string, unknown>): Promise<void> {
    this.assertWritable()
    const db = this.manifest
    if (!db) return
    try {
      await db.read()
      db.data.settings = { ...db.data.settings, ...patch }
      await db.write()
    } catch (error) {
      throw fileError(error, 'save', layout.manifest)
    }
  }

  /** Throws when the vault must not be changed; every mutation calls this first. */
  assertWritable(): void {
    if (this.readOnlyReason) throw new RapportError('read-only', this.readOnlyReason)
  }

  /** Leftovers of writes interrupted by a crash: the real file next to them is whole (old or new), so they can go. */
  private async removeStaleTempFiles(): Promise<void> {
    const folders = [layout.journalDir, ...this.clients.list().flatMap((c) => [`${layout.clientsDir}/${c.slug}`, clientJournal(c.slug)]), '.']
    const now = Date.now()
    for (const folder of folders) {
      const absolute = join(this.root, folder)
      let names: string[]
      try {
        names = await readdir(absolute)
      } catch {
        continue
      }
      for (const name of names.filter((n) => isTempFile(n) && !isBeingWritten(n))) {
        const path = join(absolute, name)
        try {
          if (now - (await stat(path)).mtimeMs > STALE_TEMP_MS) await unlink(path)
        } catch {
          // Already gone, or not ours to remove: either way it is ignored by every reader.
        }
      }
    }
  }
}
