/**
 * Keeps work on the thread that answers the window in stretches shorter
 * than a frame: `pause` yields to the event loop once `sliceMs` has gone by
 * since the last yield (or since `resumed`, after an await of something
 * else), so an import of 10,000 notes never holds an answer back for long.
 */
export class Slices {
  private start = performance.now()

  /**
   * 3 ms, as the search index's TimeSlicer: the turn of the event loop that
   * runs a stretch also takes in the answers from the import's threads (a
   * batch of notes each) and, now and then, a collection of garbage; with 6
   * those three together went past a frame.
   */
  constructor(private readonly sliceMs = 3) {}

  async pause(): Promise<void> {
    if (performance.now() - this.start < this.sliceMs) return
    await this.yield()
  }

  /** Yields now, whatever is left of the stretch: where a caller's own work may have run just before. */
  async yield(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve))
    this.resumed()
  }

  /** After an await that let the event loop run (an answer from another thread), a new stretch starts. */
  resumed(): void {
    this.start = performance.now()
  }

  /** `items` mapped by `map`, in stretches. */
  async map<T, R>(items: Iterable<T>, map: (item: T) => R): Promise<R[]> {
    const out: R[] = []
    for (const item of items) {
      await this.pause()
      out.push(map(item))
    }
    return out
  }
}
