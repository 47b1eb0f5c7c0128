/**
 * Search over one vault: the index, kept up to date in the background.
 *
 * On start the cache is loaded (if it is valid) and only the sources whose
 * signature changed, appeared or disappeared are indexed; without a cache,
 * everything is. After that every change the vault reports (`onChange`: a
 * save, a new entry, the trash, a change made on disk) re-indexes the
 * sources it touches, and the cache is written again after a quiet spell.
 * A change to a client.json also re-indexes the entries that mention that
 * client or its people (their documents hold the current names; see
 * mention-names.ts), found through what each entry was indexed as mentioning.
 * All of it runs in time slices (see TimeSlicer), so the app answers while
 * it indexes, and searches meanwhile answer from what is indexed so far.
 */
import type { SearchAnswer, SearchFilters, SearchProgress } from '../../shared/contract/search'
import type { Vault, VaultChange } from '../vault/vault'
import { clientSource, entrySource } from './documents'
import { filterOf } from './filters'
import { readCache, writeCache } from './index-cache'
import { InvertedIndex } from './inverted-index'
import { MentionNames } from './mention-names'
import { parseQuery, queryTerms } from './query'
import { RecentBodies, resultsFor } from './results'
import { currentSignature, currentSignatures, mentionsInSignature, readSource } from './sources'
import { TimeSlicer } from './time-slicer'

/** Indexing starts this long after the handlers are made, so the window's first requests are served first. */
const BACKGROUND_START_MS = 1000
/**
 * A vault with fewer sources than this is indexed in a blink at each start:
 * no cache is written for it in the background (`settled`, which the CLI
 * uses, still writes one).
 */
const CACHE_FROM_SOURCES = 200
/** After changes, the cache is written once nothing more has changed for this long. */
const PERSIST_AFTER_MS = 10_000
/** Entry files read at once while indexing. */
const READ_AHEAD = 16
/** A batch of changes this large (a sync, a reload) is shown as indexing, with progress; smaller ones are waited for by searches. */
const LARGE_BATCH = 100
const DEFAULT_LIMIT = 20
/** With a quoted phrase, this many of the best candidates are checked for it. */
const PHRASE_CANDIDATES = 200

const services = new WeakMap<Vault, SearchService>()

/** The one search service of a vault, made on first use. */
export function searchServiceOf(vault: Vault): SearchService {
  let service = services.get(vault)
  if (!service) services.set(vault, (service = new SearchService(vault)))
  return service
}

export class SearchService {
  private index = new InvertedIndex()
  /** The signature of each source as indexed. */
  private readonly signatures = new Map<string, string>()
  /** Person or client id → the entry sources indexed as mentioning it; kept with `signatures` (see `remember`). */
  private readonly mentionedBy = new Map<string, Set<string>>()
  /** Entry source → the ids it was indexed as mentioning (only entries that mention someone). */
  private readonly mentionsOf = new Map<string, readonly string[]>()
  private readonly names: MentionNames
  private readonly indexedMentions = (source: string): readonly string[] => this.mentionsOf.get(source) ?? []
  private readonly dirty = new Set<string>()
  private reconcileNeeded = true
  private started = false
  private startTimer: NodeJS.Timeout | null = null
  private openedOnce = false
  private running: Promise<void> | null = null
  private batchLeft = 0
  private progress: SearchProgress = { state: 'indexing', done: 0, total: 0 }
  private unsaved = false
  private persistTimer: NodeJS.Timeout | null = null
  private saving: Promise<void> = Promise.resolve()
  /** Set when the session turns encryption on or off: this index belongs to files that are about to be rewritten. */
  private retired = false
  private readonly bodies = new RecentBodies()
  readonly slicer = new TimeSlicer()
  /** What happened, for tests and the bench: how the index was opened, and how many sources were indexed. */
  readonly stats = { opened: 'not yet' as 'not yet' | 'cache' | 'rebuilt', cacheProblem: '', sourcesIndexed: 0, cacheWrites: 0, cacheWriteProblem: '' }

  constructor(private readonly vault: Vault) {
    this.names = new MentionNames(vault)
    vault.onChange((change) => this.changed(change))
  }

  /** Starts indexing a moment from now (see BACKGROUND_START_MS); a search or status request starts it at once. */
  startSoon(): void {
    if (this.started || this.startTimer) return
    this.startTimer = setTimeout(() => this.start(), BACKGROUND_START_MS)
    this.startTimer.unref()
  }

  start(): void {
    if (this.startTimer) clearTimeout(this.startTimer)
    this.startTimer = null
    if (this.started) return
    this.started = true
    this.kick()
  }

  private readonly progressListeners = new Set<(progress: SearchProgress) => void>()

  /** Hears how far a build shown with progress has got: about twenty times per build, then once when it is ready (the `search:progress` event). */
  onProgress(listener: (progress: SearchProgress) => void): () => void {
    this.progressListeners.add(listener)
    return () => this.progressListeners.delete(listener)
  }

  private tellProgress(): void {
    for (const listener of this.progressListeners) listener({ ...this.progress })
  }

  status(): SearchProgress {
    this.start()
    return { ...this.progress }
  }

  /** Resolves once everything known to have changed is indexed; keeps the process alive meanwhile. */
  async indexed(): Promise<void> {
    this.start()
    const release = this.slicer.hold()
    try {
      while (this.running) await this.running
    } finally {
      release()
    }
  }

  /** Resolves once everything is indexed and the cache is written; keeps the process alive meanwhile (the CLI waits on it). */
  async settled(): Promise<void> {
    await this.indexed()
    const release = this.slicer.hold()
    try {
      if (this.persistTimer) clearTimeout(this.persistTimer)
      this.persistTimer = null
      if (this.unsaved) await this.persist()
      await this.saving
    } finally {
      release()
    }
  }

  async query(input: { query: string; filters?: SearchFilters | undefined; limit?: number | undefined }): Promise<SearchAnswer> {
    this.start()
    const began = performance.now()
    // A few changes (the entry just saved) are waited for, so a search finds what was just written; a long indexing run is not.
    if (this.running && this.openedOnce && this.progress.state === 'ready' && this.batchLeft + this.dirty.size <= LARGE_BATCH) await this.running
    const limit = input.limit ?? DEFAULT_LIMIT
    const parsed = parseQuery(input.query)
    const terms = queryTerms(parsed, this.index)
    const { ranked, total } = this.index.rank(
      terms,
      filterOf(input.filters, this.vault),
      parsed.phrases.length > 0 ? Math.max(limit, PHRASE_CANDIDATES) : limit
    )
    const { results, confirmed } = resultsFor(this.vault, ranked, terms, parsed.phrases, limit, this.bodies, this.names)
    return {
      results,
      // Without a phrase every ranked document counts, less any whose text was gone; with one, only those confirmed to hold it.
      total: parsed.phrases.length > 0 ? confirmed : total - (Math.min(ranked.length, limit) - confirmed),
      tookMs: Math.round((performance.now() - began) * 100) / 100,
      ...(this.progress.state === 'indexing' ? { indexing: { ...this.progress } } : {})
    }
  }

  private changed(change: VaultChange): void {
    if (change.kind === 'reloaded') this.reconcileNeeded = true
    else if (change.kind === 'entry') this.dirty.add(entrySource(change.id))
    else {
      this.dirty.add(clientSource(change.id))
      const changedNames = this.names.refreshClient(change.id)
      // Entries hold their client's name, and the names of those they mention: such entries are indexed again if a name changed.
      const maybe = new Set(this.vault.entries.list(change.id).map((entry) => entrySource(entry.id)))
      for (const id of changedNames) for (const source of this.mentionedBy.get(id) ?? []) maybe.add(source)
      for (const source of maybe) {
        if (this.signatures.get(source) !== currentSignature(this.vault, source, this.names, this.indexedMentions)) this.dirty.add(source)
      }
    }
    if (this.started) this.kick()
  }

  /** Records what a source was indexed as (null: it is gone), with whom an entry mentions. */
  private remember(source: string, signature: string | null): void {
    for (const id of this.mentionsOf.get(source) ?? []) {
      const sources = this.mentionedBy.get(id)
      sources?.delete(source)
      if (sources?.size === 0) this.mentionedBy.delete(id)
    }
    this.mentionsOf.delete(source)
    if (signature === null) {
      this.signatures.delete(source)
      return
    }
    this.signatures.set(source, signature)
    const ids = mentionsInSignature(signature)
    if (ids.length === 0) return
    this.mentionsOf.set(source, ids)
    for (const id of ids) {
      let sources = this.mentionedBy.get(id)
      if (!sources) this.mentionedBy.set(id, (sources = new Set()))
      sources.add(source)
    }
  }

  private kick(): void {
    if (this.running) return
    this.running = this.work()
      .catch((error: unknown) => {
        // Locked while indexing: this vault's index is dropped with it, nothing to report.
        if ((error as { code?: string }).code !== 'locked') console.error('[rapport] search indexing failed:', error)
        this.dirty.clear()
        this.reconcileNeeded = false
      })
      .finally(() => {
        this.running = null
        const wasIndexing = this.progress.state === 'indexing'
        this.progress = { state: 'ready', done: this.progress.total, total: this.progress.total }
        if (wasIndexing) this.tellProgress()
        if (this.dirty.size > 0 || this.reconcileNeeded) this.kick()
        else if (!this.unsaved || this.signatures.size < CACHE_FROM_SOURCES) return
        else if (this.stats.cacheWrites === 0)
          void this.persist() // the first full index is expensive to lose: written at once
        else this.persistSoon()
      })
  }

  private async work(): Promise<void> {
    if (!this.openedOnce) await this.openCache()
    while (this.reconcileNeeded || this.dirty.size > 0) {
      if (this.reconcileNeeded) {
        this.reconcileNeeded = false
        await this.markDifferences()
      }
      const batch = [...this.dirty]
      this.dirty.clear()
      await this.indexSources(batch, !this.openedOnce || batch.length > LARGE_BATCH)
    }
    this.openedOnce = true
  }

  private async openCache(): Promise<void> {
    const cached = await readCache(this.vault.root, this.slicer)
    if (cached.kind === 'loaded') {
      this.index = cached.index
      for (const [source, signature] of cached.signatures) this.remember(source, signature)
      this.stats.opened = 'cache'
    } else {
      this.stats.opened = 'rebuilt'
      this.stats.cacheProblem = cached.reason
      // A cache that exists but cannot be used is replaced even if the vault turns out to be empty.
      this.unsaved = cached.kind !== 'missing'
    }
    this.slicer.endSlice()
    this.reconcileNeeded = true
  }

  /** Marks every source whose signature differs from the one indexed: changed, new, or gone. */
  private async markDifferences(): Promise<void> {
    // Every client is read again for names too: a reload or a first start may follow changes never reported one by one.
    this.names.reload()
    const now = await currentSignatures(this.vault, this.names, this.indexedMentions, () => this.slicer.pause())
    for (const [source, signature] of now) {
      if (this.signatures.get(source) !== signature) this.dirty.add(source)
      await this.slicer.pause()
    }
    for (const source of this.signatures.keys()) if (!now.has(source)) this.dirty.add(source)
  }

  private async indexSources(sources: readonly string[], showProgress: boolean): Promise<void> {
    if (showProgress) {
      this.progress = { state: 'indexing', done: 0, total: sources.length }
      this.tellProgress()
    }
    const step = Math.max(1, Math.ceil(sources.length / 20))
    this.batchLeft = sources.length
    for (let at = 0; at < sources.length; at += READ_AHEAD) {
      const group = sources.slice(at, at + READ_AHEAD)
      this.slicer.endSlice()
      const read = await Promise.all(group.map((source) => readSource(this.vault, source, this.names)))
      this.slicer.resumed()
      for (const [i, source] of group.entries()) {
        const fresh = read[i]?.() ?? null
        this.index.removeSource(source)
        if (fresh) for (const doc of fresh.docs) this.index.add(doc)
        this.remember(source, fresh?.signature ?? null)
        this.unsaved = true
        this.stats.sourcesIndexed++
        this.batchLeft--
        if (showProgress && ++this.progress.done % step === 0) this.tellProgress()
        await this.slicer.pause()
      }
    }
    this.slicer.endSlice()
  }

  /**
   * Stops writing the cache and waits for a write already under way. The session calls this before it encrypts or
   * decrypts the vault: a cache written by this (old, plain) service during the conversion would land in the clear.
   */
  async retire(): Promise<void> {
    this.retired = true
    if (this.startTimer) clearTimeout(this.startTimer)
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.startTimer = null
    this.persistTimer = null
    await this.saving
  }

  private persistSoon(): void {
    if (this.retired) return
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null
      void this.persist()
    }, PERSIST_AFTER_MS)
    this.persistTimer.unref()
  }

  /** Writes the cache (never for a read-only vault); a failure is remembered and the next quiet spell tries again. */
  private persist(): Promise<void> {
    const write = async (): Promise<void> => {
      if (this.retired || this.vault.info().readOnly) return
      // The signatures and the index are taken at the same moment (no await between), so the cache always holds together.
      const signatures = new Map(this.signatures)
      const serialized = this.index.serialize(() => this.slicer.pause())
      this.unsaved = false
      try {
        if (await writeCache(this.vault.root, await serialized, signatures, () => this.slicer.pause())) this.stats.cacheWrites++
        this.stats.cacheWriteProblem = ''
      } catch (error) {
        this.unsaved = true
        this.stats.cacheWriteProblem = (error as Error).message
      }
    }
    this.saving = this.saving.then(write)
    return this.saving
  }
}
