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
import type { Worker } from 'node:worker_threads'
import type { IndexAnswers, IndexRequest } from './index-host'
import { IndexHost, ownBuffer } from './index-host'
import { startCoreWorker } from '../core-worker'

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

export class IndexThread {
  private worker: Promise<Worker | null> | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 0
  private host: IndexHost | null = null
  private closed = false

  /** 'worker': on a thread of its own (the default); 'here': on this thread (a test comparing the two). */
  constructor(private readonly where: 'worker' | 'here' = 'worker') {}

  async request<R extends IndexRequest>(request: R): Promise<IndexAnswers[R['op']]> {
    const worker = this.where === 'worker' ? await this.start() : null
    if (!worker) return (this.host ??= new IndexHost()).handle(request)
    const id = this.nextId++
    return new Promise<IndexAnswers[R['op']]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      if (this.pending.size === 1) worker.ref()
      // The cache's bytes are handed over, not copied.
      const sent = request.op === 'load-cache' ? { ...request, bytes: ownBuffer(request.bytes) } : request
      worker.postMessage({ id, request: sent }, sent.op === 'load-cache' ? [sent.bytes.buffer as ArrayBuffer] : [])
    })
  }

  /** Whether the index runs on a thread of its own (false until the first request, or when none could be started). */
  async onItsOwnThread(): Promise<boolean> {
    return this.where === 'worker' && (await this.start()) !== null
  }

  /** Stops the thread; requests still waiting fail. */
  close(): void {
    this.closed = true
    void this.worker?.then((worker) => worker?.terminate())
    for (const { reject } of this.pending.values()) reject(new Error('the search index was closed'))
    this.pending.clear()
  }

  private start(): Promise<Worker | null> {
    this.worker ??= startCoreWorker(import.meta.url, 'index-worker').then(
      (worker) => {
        if (this.closed) void worker.terminate()
        worker.unref()
        worker.on('message', (answer: { id: number; ok: boolean; value?: unknown; message?: string }) => this.answered(worker, answer))
        worker.on('error', (error) => this.failed(error))
        worker.on('exit', () => this.failed(new Error('the search index thread stopped')))
        return worker
      },
      (error: unknown) => {
        console.error('[rapport] the search index runs on the main thread: its own could not be started:', error)
        return null
      }
    )
    return this.worker
  }

  private answered(worker: Worker, answer: { id: number; ok: boolean; value?: unknown; message?: string }): void {
    const waiting = this.pending.get(answer.id)
    if (!waiting) return
    this.pending.delete(answer.id)
    if (this.pending.size === 0) worker.unref()
    if (answer.ok) waiting.resolve(answer.value)
    else waiting.reject(new Error(answer.message))
  }

  private failed(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error)
    this.pending.clear()
  }
}
