import type { ErrorCode } from '@shared/api'
import type { Entry } from '@shared/domain'

/** What gets written: the title field and the body as Markdown. */
export interface Draft {
  title: string
  body: string
}

export type SaveState =
  { kind: 'saved' } | { kind: 'saving' } | { kind: 'unsaved' } | { kind: 'conflict'; message: string } | { kind: 'error'; message: string; retrying: boolean }

export interface AutosaveOptions {
  id: string
  version: string
  /** The draft as it was loaded, so opening and closing an entry writes nothing. */
  baseline: Draft
  /**
   * Reads the editor; only called when a save is due, because turning a long
   * document into Markdown is not free. May answer later (the Markdown made
   * in a worker): what it answers is the text as it was when called.
   */
  read: () => Draft | Promise<Draft>
  save: (input: Draft & { id: string; version: string }) => Promise<Entry>
  onSaved?: (entry: Entry) => void
  debounceMs?: number
  retryMs?: number
}

/** Errors that may go away by themselves (a disk freed, a share back online): try again on a timer. */
const RETRYABLE = new Set<ErrorCode>(['disk-full', 'permission-denied', 'io'])

// Read from the error's shape (ApiCallError carries `code`), so this module needs nothing but types and runs in unit tests as is.
const codeOf = (error: unknown): ErrorCode | null =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? (error.code as ErrorCode) : null
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * Autosave for one open entry. Edits only mark it dirty; the Markdown is
 * produced when the debounce fires. At most one save is in flight; edits
 * made meanwhile are picked up by the next one, which always reads the
 * latest text. A version conflict stops saving until the person chooses
 * what to keep; a failed disk retries every few seconds. Never drops text.
 */
export class AutosaveSession {
  private state: SaveState = { kind: 'saved' }
  private readonly listeners = new Set<() => void>()
  private version: string
  private saved: Draft
  private dirty = false
  /** The text the refused save sent: the core kept it as a copy beside the entry. */
  private conflictDraft: Draft | null = null
  private inFlight: Promise<void> | null = null
  private debounceTimer: ReturnType<typeof setTimeout> | null = null
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private disposed = false
  /** Counts reset(): a read begun before one describes a text no longer on screen and is not saved. */
  private generation = 0
  private readonly debounceMs: number
  private readonly retryMs: number

  constructor(private readonly options: AutosaveOptions) {
    this.version = options.version
    this.saved = options.baseline
    this.debounceMs = options.debounceMs ?? 600
    this.retryMs = options.retryMs ?? 5000
  }

  // --- for useSyncExternalStore
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  readonly getState = (): SaveState => this.state

  get currentVersion(): string {
    return this.version
  }

  /** True when everything typed is on disk and nothing is on its way there. */
  isClean(): boolean {
    return !this.dirty && this.inFlight === null && this.state.kind === 'saved'
  }

  /** Called on every edit: cheap, so typing stays fast. */
  markDirty(): void {
    if (this.disposed) return
    this.dirty = true
    if (this.state.kind === 'conflict') return
    if (this.state.kind === 'saved') this.setState({ kind: 'unsaved' })
    this.schedule(this.debounceMs)
  }

  /**
   * Saves whatever is pending now and waits for it. Resolves true when
   * everything is on disk — during a conflict, that is when the copy kept
   * beside the entry has every word, so leaving the entry loses nothing.
   */
  async flush(): Promise<boolean> {
    this.clearTimers()
    for (;;) {
      if (this.inFlight) await this.inFlight
      if (this.state.kind === 'conflict') return this.keptInCopy()
      if (!this.dirty) return this.state.kind === 'saved'
      await this.saveNow()
      // saveNow changed the state behind TypeScript's back; read it afresh.
      const after: SaveState = this.getState()
      if (after.kind === 'error' || after.kind === 'conflict') return false
    }
  }

  /** After "Load their version" (or a reload from disk): the editor now shows `entry`. */
  reset(version: string, baseline: Draft): void {
    this.generation++
    this.clearTimers()
    this.version = version
    this.saved = baseline
    this.dirty = false
    this.conflictDraft = null
    this.setState({ kind: 'saved' })
  }

  /**
   * While a conflict stands nothing is saved (each refused save would leave
   * another copy). Edits that reached the editor while the refused save was
   * on its way are in no copy yet: before comparing, keep them as one more
   * copy, once. Does nothing when the kept copy already has every word.
   */
  async keepLatestAsCopy(): Promise<void> {
    if (this.state.kind !== 'conflict' || this.inFlight || !this.conflictDraft) return
    const draft = await this.options.read()
    if (this.state.kind !== 'conflict' || this.inFlight || !this.conflictDraft) return
    if (draft.title === this.conflictDraft.title && draft.body === this.conflictDraft.body) return
    this.setState({ kind: 'unsaved' })
    await this.saveNow()
  }

  /** After "Keep mine": write the editor's text over the version now on disk. */
  async overwrite(version: string): Promise<boolean> {
    this.version = version
    this.dirty = true
    this.setState({ kind: 'unsaved' })
    return this.flush()
  }

  private async keptInCopy(): Promise<boolean> {
    await this.keepLatestAsCopy()
    const kept = this.conflictDraft
    if (this.state.kind !== 'conflict' || !kept) return false
    const draft = await this.options.read()
    return draft.title === kept.title && draft.body === kept.body
  }

  dispose(): void {
    this.disposed = true
    this.clearTimers()
    this.listeners.clear()
  }

  private schedule(ms: number): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer)
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null
      // A save in flight picks up these edits when it finishes (see saveNow).
      if (!this.inFlight) void this.saveNow()
    }, ms)
  }

  private clearTimers(): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer)
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.debounceTimer = null
    this.retryTimer = null
  }

  private saveNow(): Promise<void> {
    if (this.inFlight) return this.inFlight
    // A debounce armed by typing while the refused save was on its way must not try again: each try would leave another copy.
    if (this.state.kind === 'conflict') return Promise.resolve()
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.dirty = false
    // In flight from the moment the text is read: edits made while it is turned into Markdown are saved next, never twice at once.
    this.inFlight = this.readAndSave().finally(() => {
      this.inFlight = null
      if (this.dirty && !this.disposed && this.state.kind === 'unsaved' && !this.debounceTimer) this.schedule(this.debounceMs)
    })
    return this.inFlight
  }

  private async readAndSave(): Promise<void> {
    const generation = this.generation
    let draft: Draft
    try {
      draft = await this.options.read()
    } catch (error) {
      this.dirty = true
      this.setState({ kind: 'error', message: messageOf(error), retrying: false })
      return
    }
    // reset() put another text on screen meanwhile: what was read is not what the person sees.
    if (generation !== this.generation) return
    if (draft.title === this.saved.title && draft.body === this.saved.body) {
      this.setState(this.dirty ? { kind: 'unsaved' } : { kind: 'saved' })
      return
    }
    this.setState({ kind: 'saving' })
    let entry: Entry
    try {
      entry = await this.options.save({ id: this.options.id, version: this.version, ...draft })
    } catch (error) {
      // What failed is still in the editor; mark it so the next attempt writes it.
      this.dirty = true
      const code = codeOf(error)
      if (code === 'conflict') {
        this.conflictDraft = draft
        this.clearTimers()
        this.setState({ kind: 'conflict', message: messageOf(error) })
      } else {
        const retrying = code !== null && RETRYABLE.has(code)
        this.setState({ kind: 'error', message: messageOf(error), retrying })
        if (retrying && !this.disposed) {
          this.retryTimer = setTimeout(() => {
            this.retryTimer = null
            void this.saveNow()
          }, this.retryMs)
        }
      }
      return
    }
    this.version = entry.version
    this.saved = draft
    this.setState(this.dirty ? { kind: 'unsaved' } : { kind: 'saved' })
    this.options.onSaved?.(entry)
  }

  private setState(state: SaveState): void {
    if (this.disposed) return
    const same = state.kind === this.state.kind && ('message' in state ? 'message' in this.state && state.message === this.state.message : true)
    if (same) return
    this.state = state
    for (const listener of this.listeners) listener()
  }
}
