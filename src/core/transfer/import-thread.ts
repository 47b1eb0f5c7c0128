/**
 * An import's work on its notes (import-host.ts) on a thread of its own: a
 * `node:worker_threads` worker running import-worker.ts, one per import,
 * stopped when the import ends. Parsing ten thousand notes' YAML and
 * Markdown, and the garbage that makes, blocked the process that answers
 * the window for up to 60 ms at a time; over there nothing waits on it.
 *
 * Where the worker comes from: next to the bundled main process
 * (`import-worker.js`, an input of its own in electron.vite.config.ts), or,
 * running from source (vitest, the CLI through tsx), bundled on first use
 * with esbuild into a temporary file. A worker that stops is started again
 * (core-worker.ts); if none can be started, or it stops while answering,
 * the work runs on this thread (`ImportHost` directly) and the import still
 * works: a note its worker had read is then read again, and written only if
 * it is still what was planned.
 */
import { availableParallelism } from 'node:os'
import { WorkerLane } from '../core-worker'
import type { SourceNote } from './import-scan'
import type { ImportThreadAnswers, ImportThreadRequest, ReadResult } from './import-host'
import { ImportHost, withSources } from './import-host'

type LinksRequest = Extract<ImportThreadRequest, { op: 'links' }>

/**
 * One worker (or, failing that, a host on this thread). The link tables it
 * was sent are kept, and sent again to whatever takes over when its thread
 * stops (a new thread, or the host here): without them, the notes written
 * after would keep links to the files they came from.
 */
class ImportLane {
  private readonly lane = new WorkerLane(import.meta.url, 'import-worker', 'the import', () => (this.tablesLost = true))
  private host: ImportHost | null = null
  private readonly linksSent: LinksRequest[] = []
  /** The thread stopped: a new one has none of the link tables yet. */
  private tablesLost = false

  constructor(private readonly where: 'worker' | 'here') {}

  async request<R extends ImportThreadRequest>(request: R): Promise<ImportThreadAnswers[R['op']]> {
    const answer = await this.send(request)
    if (request.op === 'links') this.linksSent.push(request as LinksRequest)
    if (request.op === 'forget') this.linksSent.length = 0
    return answer
  }

  private async send<R extends ImportThreadRequest>(request: R): Promise<ImportThreadAnswers[R['op']]> {
    const worker = this.where === 'worker' ? await this.lane.started() : null
    if (!worker) return (await this.here()).handle(request)
    if (this.tablesLost) {
      this.tablesLost = false
      // Posted before this request, so the thread takes them in first; a failure shows in this request's own answer.
      for (const links of this.linksSent) this.lane.ask(worker, { request: links }).catch(() => undefined)
    }
    return this.lane.ask<ImportThreadAnswers[R['op']]>(worker, { request }).catch(async (error: unknown) => {
      if (this.lane.isClosed) throw error
      // The thread stopped: this request, and those after it, run here.
      this.lane.giveUp(error)
      return (await this.here()).handle(request)
    })
  }

  /** The host on this thread, with the link tables sent so far. */
  private async here(): Promise<ImportHost> {
    if (this.host) return this.host
    const host = new ImportHost()
    for (const links of this.linksSent) await host.handle(links)
    this.host ??= host
    return this.host
  }

  /** Whether the work runs on a thread of its own (false until the first request, or when none could be started). */
  async onItsOwnThread(): Promise<boolean> {
    return this.where === 'worker' && (await this.lane.started()) !== null
  }

  /** Ends the thread as a crash would. */
  endThread(): Promise<void> {
    return this.lane.endThread()
  }

  /** Stops the thread and forgets every note read. */
  close(): void {
    this.lane.close()
    this.host = null
  }
}

/**
 * Parsing is most of an import's work: on a machine with cores to spare it
 * is shared between two workers (a batch of notes read goes to one, and
 * each note is prepared by the one that parsed it).
 */
const LANES = Math.min(2, availableParallelism())

export class ImportThread {
  private readonly lanes: ImportLane[]
  /** The lane that read each note (by its file): it holds the note parsed. */
  private readonly owner = new Map<string, number>()
  private nextLane = 0
  private nextWriteLane = 0

  /** 'worker': on threads of their own (the default); 'here': on this thread (a test comparing the two). */
  constructor(where: 'worker' | 'here' = 'worker') {
    this.lanes = Array.from({ length: where === 'worker' ? LANES : 1 }, () => new ImportLane(where))
  }

  async request<R extends ImportThreadRequest>(request: R): Promise<ImportThreadAnswers[R['op']]> {
    return (await this.answer(request)) as ImportThreadAnswers[R['op']]
  }

  /** The notes read and parsed, each with its source (the one asked with). */
  async read(notes: readonly SourceNote[], windows1252: boolean): Promise<ReadResult[]> {
    return withSources(notes, await this.request({ op: 'read', notes, windows1252 }))
  }

  /** Whether the work runs on a thread of its own (false when none could be started). */
  async onItsOwnThread(): Promise<boolean> {
    return (this.lanes[0] as ImportLane).onItsOwnThread()
  }

  /** Ends the threads as a crash would: how a test sees an import go on without them. */
  async endThreads(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.endThread()))
  }

  /** Stops the threads and forgets every note read. */
  close(): void {
    for (const lane of this.lanes) lane.close()
    this.owner.clear()
  }

  private async answer(request: ImportThreadRequest): Promise<ImportThreadAnswers[keyof ImportThreadAnswers]> {
    switch (request.op) {
      case 'read': {
        const at = this.nextLane++ % this.lanes.length
        for (const note of request.notes) this.owner.set(note.absolute, at)
        return (this.lanes[at] as ImportLane).request(request)
      }
      case 'prepare': {
        // Each note to the lane that parsed it (a note none read: the first), the answers put back in the order asked.
        const byLane = this.lanes.map(() => [] as Array<(typeof request.notes)[number]>)
        for (const note of request.notes) byLane[this.owner.get(note.source.absolute) ?? 0]?.push(note)
        const answers = await Promise.all(
          byLane.map((notes, at) => (notes.length > 0 ? (this.lanes[at] as ImportLane).request({ ...request, notes }) : Promise.resolve([])))
        )
        const byFile = new Map(answers.flat().map((answer) => [answer.absolute, answer]))
        return request.notes.map((note) => byFile.get(note.source.absolute) ?? { absolute: note.source.absolute, problem: 'it was not prepared' })
      }
      case 'write-temps':
      case 'rename':
        // Any lane can write or rename any file: taken in turn, so writing shares both threads as parsing does.
        return (this.lanes[this.nextWriteLane++ % this.lanes.length] as ImportLane).request(request)
      case 'links':
      case 'forget':
        await Promise.all(this.lanes.map((lane) => lane.request(request)))
        return undefined
    }
  }
}

/**
 * `work` on `thread` when a caller gives one (and closes it: a plan and the
 * writing that follows share one, so each note is parsed once); otherwise on
 * a thread started for it and stopped when it ends, however it ends.
 */
export async function withImportThread<T>(work: (thread: ImportThread) => Promise<T>, thread?: ImportThread): Promise<T> {
  if (thread) return work(thread)
  const own = new ImportThread()
  try {
    return await work(own)
  } finally {
    own.close()
  }
}
