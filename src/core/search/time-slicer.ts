/**
 * The search's work that stays on the main process's thread — reading entry
 * files, making their documents, keeping the signatures — cut into slices:
 * `pause()` yields to the event loop once the current slice has run
 * `sliceMs`, so IPC (and every other channel) is answered within a few
 * milliseconds while 10,000 entries are indexed. The index itself (building,
 * ranking, the cache) is on a thread of its own (index-thread.ts): slices
 * alone left the loop waiting 80–90 ms, on the garbage collector of a heap
 * that held the index.
 *
 * Background work must never keep a process alive on its own (the CLI exits
 * when its command is done); `hold()` makes it do so while someone waits
 * for it.
 */
export class TimeSlicer {
  /** The longest stretch between two yields so far, in ms: how long the event loop was kept waiting at most. */
  longestSliceMs = 0
  private sliceStart = performance.now()
  private holders = 0
  private waiting: NodeJS.Immediate | null = null

  /**
   * 3 ms: a slice, plus what may run right after it in the same turn — a young-generation GC of this heap (4–6 ms at
   * 10,000 entries, --trace-gc), a message from the index's thread — stays within 10 ms, well inside a frame.
   */
  constructor(private readonly sliceMs = 3) {}

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
      if (this.holders === 0) handle.unref()
      this.waiting = handle
    })
    this.resumed()
  }

  /** Work goes on after an await of something else (a file read): a new slice starts. */
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
