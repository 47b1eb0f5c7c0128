/**
 * The search index on a thread of its own: requests go to a
 * `node:worker_threads` worker running index-worker.ts and come back as
 * promises, answered in the order sent. The process that answers the window
 * only reads files and makes documents; building, ranking and putting the
 * cached index together happen over there, with their own heap, so neither
 * their work nor their garbage collection blocks it.
 *
 * Where the worker comes from: next to the bundled main process
 * (`index-worker.js`, an input of its own in electron.vite.config.ts), or,
 * running from source (vitest, the CLI through tsx), bundled on first use
 * with esbuild into a temporary file. If no worker can be started the index
 * runs in this thread (`IndexHost` directly) and search still works.
 *
 * An idle worker never keeps a process alive: it is referenced only while
 * a request is waiting for its answer.
 */
import type { IndexAnswers, IndexRequest } from './index-host'
import { ownBuffer } from '../own-buffer'
import { IndexHost } from './index-host'
import { WorkerLane } from '../core-worker'

export class IndexThread {
  private readonly lane: WorkerLane
  private host: IndexHost | null = null

  /**
   * `where` — 'worker': on a thread of its own (the default); 'here': on this thread (a test comparing the two).
   * `onLost`: the thread stopped on its own, and the index it held with it; the next request starts an empty one.
   */
  constructor(
    private readonly where: 'worker' | 'here' = 'worker',
    onLost?: () => void
  ) {
    this.lane = new WorkerLane(import.meta.url, 'index-worker', 'the search index', onLost)
  }

  async request<R extends IndexRequest>(request: R): Promise<IndexAnswers[R['op']]> {
    const worker = this.where === 'worker' ? await this.lane.started() : null
    if (!worker) {
      if (this.lane.isClosed) throw new Error('the search index was closed')
      return (this.host ??= new IndexHost()).handle(request)
    }
    // The cache's bytes are handed over, not copied.
    const sent = request.op === 'load-cache' ? { ...request, bytes: ownBuffer(request.bytes) } : request
    return this.lane.ask<IndexAnswers[R['op']]>(worker, { request: sent }, sent.op === 'load-cache' ? [sent.bytes.buffer as ArrayBuffer] : [])
  }

  /** Whether the index runs on a thread of its own (false until the first request, or when none could be started). */
  async onItsOwnThread(): Promise<boolean> {
    return this.where === 'worker' && (await this.lane.started()) !== null
  }

  /** Ends the thread as a crash would: how a test sees the index recover. */
  endThread(): Promise<void> {
    return this.lane.endThread()
  }

  /** Stops the thread; requests still waiting fail. */
  close(): void {
    this.lane.close()
  }
}
