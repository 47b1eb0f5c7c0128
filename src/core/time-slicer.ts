/**
 * Work on the thread that answers the window, cut into slices: `pause()`
 * yields to the event loop once the current slice has run `sliceMs`, so IPC
 * (and every other channel) is answered within a few milliseconds while
 * 10,000 entries are indexed or imported. It is the search's work that stays
 * on the main process's thread (reading entry files, making their documents,
 * keeping the signatures), an import's naming and planning, and the reading
 * of a contacts file. Heavier work has a thread of its own (the search
 * index: index-thread.ts; an import's notes: transfer/import-thread.ts):
 * slices alone left the loop waiting 80–90 ms, on the garbage collector of a
 * heap that held the index.
 *
 * Background work must never keep a process alive on its own (the CLI exits
 * when its command is done); `hold()` makes it do so while someone waits
 * for it. Work someone asked for and waits on (an import) is not background.
 */
export class TimeSlicer {
  /** The longest stretch between two yields so far, in ms: how long the event loop was kept waiting at most. */
  longestSliceMs = 0
  private sliceStart = performance.now()
  private holders = 0
  private waiting: NodeJS.Immediate | null = null

  private readonly sliceMs: number
  private readonly background: boolean

  /**
   * `sliceMs` 3: a slice, plus what may run right after it in the same turn — a young-generation GC of this heap
   * (4–6 ms at 10,000 entries, --trace-gc), the answers from another thread (an index's, a batch of an import's
   * notes) — stays within 10 ms, well inside a frame. With 6, an import's slice and those two together went past one.
   */
  constructor({ sliceMs = 3, background = true }: { sliceMs?: number; background?: boolean } = {}) {
    this.sliceMs = sliceMs
    this.background = background
  }

  /** Yields if the current slice has had its time. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart >= this.sliceMs) await this.yieldNow()
  }

  async yieldNow(): Promise<void> {
    this.endSlice()
    await new Promise<void>((resolve) => {
      const handle = setImmediate(() => {
        this.waiting = null
        resolve()
      })
      if (this.background && this.holders === 0) handle.unref()
      this.waiting = handle
    })
    this.resumed()
  }

  /** `items` mapped by `map`, in slices. */
  async map<T, R>(items: Iterable<T>, map: (item: T) => R): Promise<R[]> {
    const out: R[] = []
    for (const item of items) {
      await this.pause()
      out.push(map(item))
    }
    return out
  }

  /** Work goes on after an await of something else (a file read, another thread's answer): a new slice starts. */
  resumed(): void {
    this.sliceStart = performance.now()
  }

  /** Ends the current slice (at an await, or when the work is done), counting it. */
  endSlice(): void {
    this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - this.sliceStart)
  }

  /** Keeps the process alive until the returned function is called. */
  hold(): () => void {
    this.holders++
    this.waiting?.ref()
    let released = false
    return () => {
      if (released) return
      released = true
      this.holders--
    }
  }
}
