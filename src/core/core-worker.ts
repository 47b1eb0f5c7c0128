import { existsSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Transferable } from 'node:worker_threads'
import { bundleNodeScript } from './bundle-node-script'

/** Running from source: each worker's bundle, made once per process. */
const fromSource = new Map<string, Promise<string>>()

/**
 * Starts one of the core's worker threads (`index-worker`, `import-worker`, `file-reader-worker`, `sealing-worker`)
 * for the module at `callerUrl` (its `import.meta.url`; `<name>.ts` lies
 * beside it). The built app ships `<name>.js` beside its main bundle
 * (electron.vite.config.ts); running from source (vitest, the CLI through
 * tsx, the bench), `<name>.ts` and what it imports are bundled once per
 * process into a temporary file.
 */
export async function startCoreWorker(callerUrl: string, name: string): Promise<Worker> {
  if (callerUrl.endsWith('.ts')) return new Worker(await bundledFromSource(callerUrl, name))
  const bundled = `${name}.js`
  // Beside the main bundle; from a chunk of it (should the bundler move this code into one), one folder up.
  const beside = [`./${bundled}`, `../${bundled}`].map((path) => fileURLToPath(new URL(path, callerUrl)))
  return new Worker(beside.find((file) => existsSync(file)) ?? beside[0] ?? bundled)
}

function bundledFromSource(callerUrl: string, name: string): Promise<string> {
  const source = fileURLToPath(new URL(`./${name}.ts`, callerUrl))
  let bundling = fromSource.get(source)
  if (!bundling) {
    bundling = (async () => {
      const dir = await mkdtemp(join(tmpdir(), `rapport-${name}-`))
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
      return bundleNodeScript(source, join(dir, `${name}.mjs`))
    })()
    fromSource.set(source, bundling)
  }
  return bundling
}

/** How many times a lane starts a thread again after it stopped on its own. */
const RESTARTS = 3

/** What a core worker sends back for each request: its answer, or why there is none. */
export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string }

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

/**
 * One of the core's worker threads, asked by message and answered by
 * promise: started on first use, each request tagged with an id that its
 * answer (a `WorkerAnswer`) carries back. A request still waiting fails when
 * the thread stops or the lane is closed. An idle worker never keeps a
 * process alive: it is referenced only while a request waits for its
 * answer. A thread that stops on its own (a crash, out of memory) is
 * started again on the next request, a few times at most. What runs
 * instead when there is no thread is the caller's (`started()` is then
 * null): each keeps its work possible on this thread.
 */
export class WorkerLane {
  private worker: Promise<Worker | null> | null = null
  /** The thread requests go to now (null: none yet, or given up). */
  private live: Worker | null = null
  private readonly stoppedThreads = new WeakSet<Worker>()
  private restarts = 0
  private readonly pending = new Map<number, Pending>()
  private nextId = 0
  private closed = false

  /**
   * `callerUrl` and `name`: as for `startCoreWorker`. `what`: the work in words, for the errors and the log
   * ("the search index": "the search index runs on the main thread: its own could not be started").
   */
  constructor(
    private readonly callerUrl: string,
    private readonly name: string,
    private readonly what: string,
    /** Told when the thread stopped on its own: whatever it held (an index) is gone, and the next request starts a new one. */
    private readonly onStopped?: () => void
  ) {}

  get isClosed(): boolean {
    return this.closed
  }

  /** The worker, started on first use; null once closed, when it could not be started, or after it stopped. */
  started(): Promise<Worker | null> {
    if (this.closed) return Promise.resolve(null)
    this.worker ??= startCoreWorker(this.callerUrl, this.name).then(
      (worker) => {
        if (this.closed) void worker.terminate()
        else this.live = worker
        worker.unref()
        worker.on('message', (answer: WorkerAnswer) => this.answered(worker, answer))
        worker.on('error', (error) => this.failed(error))
        worker.on('exit', () => this.stopped(worker))
        return worker
      },
      (error: unknown) => {
        console.error(`[rapport] ${this.what} runs on the main thread: its own could not be started:`, error)
        return null
      }
    )
    return this.worker
  }

  /** Sends `message` (its `id` added) to `worker`, handing over `transfer`; resolves with the answer's value. */
  ask<T>(worker: Worker, message: object, transfer: Transferable[] = []): Promise<T> {
    // A message to a thread that has stopped is dropped without a word: it would never be answered.
    if (this.stoppedThreads.has(worker)) return Promise.reject(new Error(`${this.what}: its thread stopped`))
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      if (this.pending.size === 1) worker.ref()
      worker.postMessage({ ...message, id }, transfer)
    })
  }

  /** After the thread failed a request: from now on there is none, and the caller does the work itself. */
  giveUp(error: unknown): void {
    if (this.closed) return
    console.error(`[rapport] ${this.what} goes on on the main thread: its own stopped:`, error)
    this.worker = Promise.resolve(null)
    this.live = null
  }

  /** Ends the thread as a crash would, leaving the lane open: how a test sees what happens next. */
  async endThread(): Promise<void> {
    const worker = await this.worker
    await worker?.terminate()
  }

  /** Stops the thread; requests still waiting fail. */
  close(): void {
    this.closed = true
    void this.worker?.then((worker) => worker?.terminate())
    this.failed(new Error(`${this.what} was closed`))
  }

  private answered(worker: Worker, answer: WorkerAnswer): void {
    const waiting = this.pending.get(answer.id)
    if (!waiting) return
    this.pending.delete(answer.id)
    if (this.pending.size === 0) worker.unref()
    if (answer.ok) waiting.resolve(answer.value)
    else waiting.reject(new Error(answer.message))
  }

  private stopped(worker: Worker): void {
    this.stoppedThreads.add(worker)
    this.failed(new Error(`${this.what}: its thread stopped`))
    if (this.closed || this.live !== worker) return
    this.live = null
    // Started again on the next request; one that keeps stopping (out of memory on every start) gives way to the caller's own.
    if (this.restarts++ < RESTARTS) this.worker = null
    else {
      console.error(`[rapport] ${this.what} goes on on the main thread: its own stopped ${RESTARTS + 1} times`)
      this.worker = Promise.resolve(null)
    }
    this.onStopped?.()
  }

  private failed(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error)
    this.pending.clear()
  }
}
