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
 *
 * It belongs to the open vault's session (vault-indexes.ts), which closes it
 * with the vault; entry files are read through the reads it shares with the
 * backlinks index, so a changed entry is read once for both.
 */
import type { SearchAnswer, SearchFilters, SearchProgress } from '../../shared/contract/search'
import type { EntryReadsFor } from '../mentions/entry-reads'
import type { SearchDoc } from './documents'
import type { Vault, VaultChange } from '../vault/vault'
import { clientSource, entrySource } from './documents'
import { filterSpecOf } from './filters'
import { splitColumn } from './columns'
import { cacheSealing, readCacheBytes, writeCache } from './index-cache'
import { signatureColumns } from './index-host'
import { IndexThread } from './index-thread'
import { MentionNames } from './mention-names'
import { parseQuery } from './query'
import { RecentBodies, resultsFor } from './results'
import { currentSignature, currentSignatures, mentionsInSignature, readSource } from './sources'
import { TimeSlicer } from '../time-slicer'

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
/** Batches of documents sent to the index's thread and not yet taken in, at most. */
const UPDATES_AHEAD = 4
/** Text in one message of documents to the index's thread, at most about (copying 256 K characters takes well under a millisecond). */
const MESSAGE_CHARS = 256 * 1024
/** A batch of changes this large (a sync, a reload) is shown as indexing, with progress; smaller ones are waited for by searches. */
const LARGE_BATCH = 100
const DEFAULT_LIMIT = 20
/** With a quoted phrase, this many of the best candidates are checked for it. */
const PHRASE_CANDIDATES = 200

export class SearchService {
  /** The index itself, on a thread of its own (index-thread.ts); should that thread stop, the index is opened again (`indexLost`). */
  readonly index = new IndexThread('worker', () => this.indexLost())
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
  /** The index's thread stopped since the last run began: the next one starts from the cache again. */
  private reopen = false
  private running: Promise<void> | null = null
  private batchLeft = 0
  private progress: SearchProgress = { state: 'indexing', done: 0, total: 0 }
  private unsaved = false
  /** Whether the cache on disk holds (nearly) the whole index: opened from it, or a write of it started. */
  private cacheOnDisk = false
  private persistTimer: NodeJS.Timeout | null = null
  private saving: Promise<void> = Promise.resolve()
  /** Set when the session turns encryption on or off: this index belongs to files that are about to be rewritten. */
  private retired = false
  /** Set when the session closes or locks the vault: indexing stops, and the vault's changes are no longer heard. */
  private closed = false
  private readonly stopListening: () => void
  private readonly bodies = new RecentBodies()
  readonly slicer = new TimeSlicer()
  /** What happened, for tests and the bench: how the index was opened, and how many sources were indexed. */
  readonly stats = { opened: 'not yet' as 'not yet' | 'cache' | 'rebuilt', cacheProblem: '', sourcesIndexed: 0, cacheWrites: 0, cacheWriteProblem: '' }

  constructor(
    private readonly vault: Vault,
    private readonly reads: EntryReadsFor<'search'>
  ) {
    this.names = new MentionNames(vault)
    this.stopListening = vault.onChange((change) => this.changed(change))
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
    if (this.started || this.closed) return
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
    // As it stood when asked: the answer comes back from the index's thread, and says whether it may be incomplete.
    const indexing = this.progress.state === 'indexing' ? { ...this.progress } : null
    const { terms, ranked, total } = await this.index.request({
      op: 'query',
      parsed,
      filter: filterSpecOf(input.filters, this.vault),
      limit: parsed.phrases.length > 0 ? Math.max(limit, PHRASE_CANDIDATES) : limit
    })
    const { results, confirmed } = resultsFor(this.vault, ranked, terms, parsed.phrases, limit, this.bodies, this.names)
    return {
      results,
      // Without a phrase every ranked document counts, less any whose text was gone; with one, only those confirmed to hold it.
      total: parsed.phrases.length > 0 ? confirmed : total - (Math.min(ranked.length, limit) - confirmed),
      tookMs: Math.round((performance.now() - began) * 100) / 100,
      ...(indexing ? { indexing } : {})
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
    if (this.running || this.closed) return
    this.running = this.work()
      .catch((error: unknown) => {
        // Locked or closed while indexing: this vault's index is dropped with it, nothing to report.
        if (!this.closed && (error as { code?: string }).code !== 'locked') console.error('[rapport] search indexing failed:', error)
        this.dirty.clear()
        this.reconcileNeeded = false
      })
      .finally(() => {
        this.running = null
        const wasIndexing = this.progress.state === 'indexing'
        this.progress = { state: 'ready', done: this.progress.total, total: this.progress.total }
        if (wasIndexing) this.tellProgress()
        if (this.closed) return
        if (this.dirty.size > 0 || this.reconcileNeeded || this.reopen) return this.kick()
        // In a turn of its own (a timer: not with the cache write's start, which waits for the next immediate): it
        // looks through every entry read and held, 10,000 after a first build.
        setTimeout(() => this.reads.caughtUp('search'), 0)
        if (!this.unsaved || this.signatures.size < CACHE_FROM_SOURCES) return
        // A full index built without a usable cache is expensive to lose: written at once, once. After that (or after
        // opening from the cache) changes wait for a quiet spell: a save must not queue the whole index's bytes on the
        // index's thread ahead of the next save's update (that is what made 'up to date after a save' take 40–150 ms).
        if (!this.cacheOnDisk) {
          this.cacheOnDisk = true
          void this.persist()
        } else this.persistSoon()
      })
  }

  private async work(): Promise<void> {
    if (this.reopen) {
      // Again, now that nothing else is sent: what a run cut short by the loss remembered is not in the new index either.
      this.reopen = false
      this.forgetIndexed()
    }
    if (!this.openedOnce) await this.openCache()
    while (!this.closed && (this.reconcileNeeded || this.dirty.size > 0)) {
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

  /**
   * The index's thread stopped on its own (a crash, out of memory), and the
   * index went with it. Nothing is known to be indexed any more, so no cache
   * is written from what was remembered; the index is opened again from the
   * cache on disk, on a new thread, and brought up to date, as at a start.
   */
  private indexLost(): void {
    if (this.closed) return
    this.forgetIndexed()
    this.reopen = true
    this.progress = { state: 'indexing', done: 0, total: 0 }
    this.tellProgress()
    if (this.started) this.kick()
  }

  private forgetIndexed(): void {
    this.signatures.clear()
    this.mentionsOf.clear()
    this.mentionedBy.clear()
    this.openedOnce = false
  }

  private async openCache(): Promise<void> {
    const file = await readCacheBytes(this.vault.root)
    this.slicer.endSlice()
    // Opened (in an encrypted vault), decoded, parsed and put together on the index's thread; only the signatures come back.
    const cached = file === null ? ({ kind: 'missing', reason: 'there is no cache yet' } as const) : await this.index.request({ op: 'load-cache', ...file })
    this.slicer.resumed()
    if (cached.kind === 'loaded') {
      const { count } = cached.signatures
      const sources = splitColumn(cached.signatures.sources, count, 'sources')
      await this.slicer.pause()
      const signatures = splitColumn(cached.signatures.signatures, count, 'signatures')
      for (const [i, source] of sources.entries()) {
        this.remember(source, signatures[i] ?? '')
        await this.slicer.pause()
      }
      this.stats.opened = 'cache'
      this.cacheOnDisk = true
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
    const updates: Array<Promise<void>> = []
    for (let at = 0; at < sources.length && !this.closed; at += READ_AHEAD) {
      const group = sources.slice(at, at + READ_AHEAD)
      this.slicer.endSlice()
      const read = await Promise.all(group.map((source) => readSource(this.vault, source, this.names, this.reads)))
      this.slicer.resumed()
      let docs: SearchDoc[] = []
      let chars = 0
      let remembered: Array<[string, string | null]> = []
      const send = (): void => {
        if (remembered.length === 0) return
        // Sent and remembered together, with no await between: a cache written later always matches its signatures.
        const sent = this.index.request({ op: 'update', remove: remembered.map(([source]) => source), add: docs })
        sent.catch(() => undefined) // awaited below; until then a failure is not unhandled
        updates.push(sent)
        for (const [source, signature] of remembered) this.remember(source, signature)
        docs = []
        chars = 0
        remembered = []
      }
      for (const [i, source] of group.entries()) {
        const fresh = read[i]?.() ?? null
        if (fresh) docs.push(...fresh.docs)
        remembered.push([source, fresh?.signature ?? null])
        for (const doc of fresh?.docs ?? []) chars += textLength(doc)
        // A message is copied in one piece on this thread: one that grows large (clients with long histories) goes now.
        if (chars >= MESSAGE_CHARS) send()
        await this.slicer.pause()
      }
      send()
      this.unsaved = true
      this.stats.sourcesIndexed += group.length
      this.batchLeft -= group.length
      if (showProgress) {
        const before = this.progress.done
        this.progress.done += group.length
        // About twenty progress events a build: one each time the count crosses a twentieth.
        if (Math.floor(before / step) !== Math.floor(this.progress.done / step)) this.tellProgress()
      }
      // The next files are read while the index's thread takes these in; a few batches ahead at most, so a search
      // asked meanwhile (answered after what was sent before it) waits for little.
      while (updates.length >= UPDATES_AHEAD) await this.waitFor(updates.shift())
    }
    for (const update of updates) await this.waitFor(update)
    this.slicer.endSlice()
  }

  /** Waits for the index's thread, outside the time slices. */
  private async waitFor(update: Promise<void> | undefined): Promise<void> {
    this.slicer.endSlice()
    await update
    this.slicer.resumed()
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

  /** The vault is closed or locked: indexing stops where it is, no cache is written, the vault's changes are no longer heard. */
  close(): void {
    this.index.close()
    this.closed = true
    this.retired = true
    if (this.startTimer) clearTimeout(this.startTimer)
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.startTimer = null
    this.persistTimer = null
    this.dirty.clear()
    this.reconcileNeeded = false
    this.stopListening()
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
      // Not in the turn that asked for it (the end of an indexing run, which has work of its own).
      await new Promise((resolve) => setImmediate(resolve))
      // Not while the index is being opened again after its thread stopped: the cache on disk is better than what is there yet.
      if (this.retired || this.vault.info().readOnly || !this.openedOnce) return
      // The signatures go with the request, so the cache's bytes hold the index as it was when they were taken: they always match.
      // Made (and sealed, in an encrypted vault) on the index's thread, in the background there.
      try {
        const sealing = cacheSealing(this.vault.root)
        const made = await this.index.request({ op: 'cache-bytes', signatures: signatureColumns(this.signatures), now: new Date().toISOString(), sealing })
        // Locked or closed meanwhile: the vault's files are no longer this service's to write.
        if (this.retired) return
        if (await writeCache(this.vault.root, made, sealing !== null)) this.stats.cacheWrites++
        this.stats.cacheWriteProblem = ''
      } catch (error) {
        this.unsaved = true
        this.stats.cacheWriteProblem = (error as Error).message
      }
    }
    // Taken as saved now, not when the write begins: `settled` right after this must not ask for a second write.
    // Whatever is indexed before the write takes the signatures is in it; what comes after marks it unsaved again.
    this.unsaved = false
    this.saving = this.saving.then(write)
    return this.saving
  }
}

function textLength(doc: SearchDoc): number {
  let length = 0
  for (const text of Object.values(doc.fields)) length += text.length
  return length
}
