/**
 * Which entries mention which people, clients and entries: derived data,
 * built from the entry files and never the only copy of anything.
 *
 * On first use the cache (`.rapport/cache/backlinks.json`, optional) is read,
 * and every entry whose file version differs from the one cached, or that is
 * not cached, is read again; without a cache every entry is read. After that
 * each change the vault reports (a save, a new entry, the trash, a change on
 * disk taken in by the watcher) re-reads just that entry, so the index is
 * current within the watcher's second. Queries wait for pending work, so an
 * entry just saved is already counted.
 *
 * It belongs to the open vault's session (search/vault-indexes.ts), which
 * closes it with the vault; files are read through the reads it shares with
 * the search index (entry-reads.ts), so a changed entry is read once for both.
 */
import { dirname, join } from 'node:path'
import { mkdir, readFile as readText } from '../fs/vault-files'
import type { Backlink } from '../../shared/contract/people'
import type { MentionKind } from '../../shared/mentions'
import { writeFileAtomic } from '../fs/atomic-write'
import { layout } from '../fs/layout'
import type { Vault, VaultChange } from '../vault/vault'
import type { EntryReadsFor } from './entry-reads'
import type { FoundMention } from './find-mentions'

/** Entry files read at once while building. */
const READ_AHEAD = 16
/** Raise when what is cached changes shape: an older cache is then ignored and rebuilt. */
const CACHE_FORMAT = 1
/** After changes, the cache is written once nothing more has changed for this long. */
const PERSIST_AFTER_MS = 5_000

export const backlinksCacheFile = (root: string): string => join(root, layout.appDir, 'cache', 'backlinks.json')

interface Indexed {
  version: string
  mentions: readonly FoundMention[]
}

export class BacklinksIndex {
  private readonly byEntry = new Map<string, Indexed>()
  /** Target id → the entries that mention it. */
  private readonly byTarget = new Map<string, Set<string>>()
  private readonly dirty = new Set<string>()
  private reconcileNeeded = true
  private opened = false
  private running: Promise<void> | null = null
  /** Set when the session turns encryption on or off (see retire), or closes the vault. */
  private retired = false
  private closed = false
  private readonly stopListening: () => void
  private writing: Promise<void> = Promise.resolve()
  private unsaved = false
  private persistTimer: NodeJS.Timeout | null = null
  /** How the index was opened and how many entries were read, for tests and the bench. */
  readonly stats = { opened: 'not yet' as 'not yet' | 'cache' | 'rebuilt', entriesRead: 0 }

  constructor(
    private readonly vault: Vault,
    private readonly reads: EntryReadsFor<'backlinks'>
  ) {
    this.stopListening = vault.onChange((change) => this.changed(change))
  }

  /** Entries that mention `targetId` (a person, client or entry id), newest first, one row per mention. */
  async of(targetId: string): Promise<Backlink[]> {
    await this.current()
    const rows: Backlink[] = []
    for (const entryId of this.byTarget.get(targetId) ?? []) {
      const entry = this.vault.entries.withVersion(entryId)
      const indexed = this.byEntry.get(entryId)
      if (!entry || !indexed) continue
      for (const mention of indexed.mentions) {
        if (mention.id !== targetId) continue
        rows.push({
          entryId,
          clientId: entry.clientId,
          title: entry.title,
          created: entry.created,
          path: entry.path,
          kind: mention.kind,
          text: mention.text,
          sentence: mention.sentence
        })
      }
    }
    return rows.sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0))
  }

  /** The targets an entry mentions, in reading order (for the brief and search). */
  async mentionsIn(entryId: string): Promise<ReadonlyArray<{ kind: MentionKind; id: string }>> {
    await this.current()
    return this.byEntry.get(entryId)?.mentions ?? []
  }

  /** Resolves once every change reported so far is in the index. */
  async current(): Promise<void> {
    while (!this.closed && (this.reconcileNeeded || this.dirty.size > 0 || this.running)) {
      if (!this.running) this.running = this.work().finally(() => (this.running = null))
      await this.running
    }
    if (!this.closed) this.reads.caughtUp('backlinks')
  }

  /** Writes the cache now if anything changed (the CLI calls this before it exits). */
  async persist(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.persistTimer = null
    if (this.retired || !this.unsaved || this.vault.info().readOnly) return
    this.writing = this.write()
    await this.writing
  }

  /**
   * Stops writing the cache and waits for a write already under way. The session calls this before it encrypts or
   * decrypts the vault: a cache written by this (old, plain) index during the conversion would land in the clear.
   */
  async retire(): Promise<void> {
    this.retired = true
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.persistTimer = null
    await this.writing
  }

  /** The vault is closed or locked: no more reading, no cache written, the vault's changes no longer heard. */
  close(): void {
    this.closed = true
    this.retired = true
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.persistTimer = null
    this.dirty.clear()
    this.reconcileNeeded = false
    this.stopListening()
  }

  private async write(): Promise<void> {
    this.unsaved = false
    const entries: Record<string, Indexed> = Object.fromEntries(this.byEntry)
    const file = backlinksCacheFile(this.vault.root)
    try {
      await mkdir(dirname(file), { recursive: true })
      await writeFileAtomic(file, JSON.stringify({ format: CACHE_FORMAT, entries }))
    } catch (error) {
      // Only a cache: the next open reads the files instead. Locked meanwhile: it is not written, which is the point.
      if ((error as { code?: string }).code !== 'locked') console.error('[rapport] the backlinks cache could not be written:', error)
    }
  }

  private changed(change: VaultChange): void {
    if (change.kind === 'reloaded') this.reconcileNeeded = true
    else if (change.kind === 'entry') this.dirty.add(change.id)
  }

  private async work(): Promise<void> {
    if (!this.opened) {
      this.opened = true
      await this.openCache()
    }
    while (this.reconcileNeeded || this.dirty.size > 0) {
      if (this.reconcileNeeded) {
        this.reconcileNeeded = false
        this.markDifferences()
      }
      const batch = [...this.dirty]
      this.dirty.clear()
      await this.reindex(batch)
    }
  }

  private async openCache(): Promise<void> {
    try {
      const cached = JSON.parse(await readText(backlinksCacheFile(this.vault.root), 'utf8')) as { format?: unknown; entries?: unknown }
      if (cached.format !== CACHE_FORMAT || typeof cached.entries !== 'object' || cached.entries === null) throw new Error('another format')
      for (const [id, indexed] of Object.entries(cached.entries as Record<string, Indexed>)) {
        if (typeof indexed?.version === 'string' && Array.isArray(indexed.mentions)) this.put(id, indexed)
      }
      this.stats.opened = 'cache'
    } catch {
      // Missing, unreadable or of another format: every entry is read instead.
      this.stats.opened = 'rebuilt'
      this.unsaved = true
    }
  }

  /** Every entry whose file version is not the one indexed, and every indexed entry that is gone. */
  private markDifferences(): void {
    const live = new Set<string>()
    for (const entry of this.vault.entries.allWithVersions()) {
      live.add(entry.id)
      if (this.byEntry.get(entry.id)?.version !== entry.version) this.dirty.add(entry.id)
    }
    for (const id of this.byEntry.keys()) if (!live.has(id)) this.dirty.add(id)
  }

  private async reindex(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length && !this.closed; i += READ_AHEAD) {
      const slice = ids.slice(i, i + READ_AHEAD)
      const read = await Promise.all(slice.map((id) => this.reads.read(id, 'backlinks')))
      slice.forEach((id, k) => {
        const file = read[k]?.() ?? null
        if (file) this.stats.entriesRead++
        const indexed = file && { version: file.version, mentions: file.mentions() }
        this.remove(id)
        if (indexed) this.put(id, indexed)
      })
      this.unsaved = true
    }
    if (ids.length > 0) this.persistSoon()
  }

  private put(id: string, indexed: Indexed): void {
    this.byEntry.set(id, indexed)
    for (const mention of indexed.mentions) {
      let entries = this.byTarget.get(mention.id)
      if (!entries) this.byTarget.set(mention.id, (entries = new Set()))
      entries.add(id)
    }
  }

  private remove(id: string): void {
    const old = this.byEntry.get(id)
    if (!old) return
    this.byEntry.delete(id)
    for (const mention of old.mentions) {
      const entries = this.byTarget.get(mention.id)
      entries?.delete(id)
      if (entries?.size === 0) this.byTarget.delete(mention.id)
    }
  }

  private persistSoon(): void {
    if (this.retired) return
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.persistTimer = setTimeout(() => void this.persist(), PERSIST_AFTER_MS)
    this.persistTimer.unref()
  }
}
