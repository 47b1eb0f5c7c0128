/**
 * Reads many files off the thread that answers the window. The search
 * index's cold build reads ten thousand small entry files; through
 * `fs.readFile` each one costs the main thread an open, a stat, a read and a
 * close on the thread pool, and a callback for each: about half its work in
 * a cold build, and the pool's threads (at the process's priority) took the
 * CPU from it. Here the reads asked for in one go (in the same turn of the
 * event loop) are gathered; a batch of at least `READER_BATCH.least` goes to
 * a `node:worker_threads` worker at lowered priority (file-reader-worker.ts),
 * which reads them with `readFileSync` and hands their bytes back
 * transferred. A smaller batch (a single changed entry) is read here as
 * before: the hop would cost more than it saves.
 *
 * Physical paths are worked out, and an encrypted vault's bytes opened, on
 * this thread (`readFilesVia`); the worker only reads. A file that cannot
 * be read gives null. Once closed, or if the worker cannot be started or
 * stops, files are read here and reading still works. An idle worker never
 * keeps a process alive: it is referenced only while a batch is waiting.
 */
import type { Worker } from 'node:worker_threads'
import { WorkerLane } from '../core-worker'
import { readFilesVia, readPhysicalHere } from './vault-files'

/** What the worker is asked: the physical paths to read. */
export interface ReadRequest {
  paths: string[]
}

/** What it answers: every file's bytes one after another in `bytes`, each one's length (-1: it could not be read). */
export interface ReadAnswer {
  lengths: number[]
  bytes: ArrayBuffer
}

export const READER_BATCH = {
  /** Fewer reads asked for at once are read on this thread. */
  least: 8,
  /** Files per message: a batch's first files arrive while the rest are read, and no message grows large. */
  perMessage: 64
}

interface Waiting {
  path: string
  resolve: (bytes: Buffer | null) => void
}

export class FileReaderThread {
  private readonly lane = new WorkerLane(import.meta.url, 'file-reader-worker', 'reading entry files')
  private gathered: Waiting[] = []
  /** Files read, by where: for tests and the bench. */
  readonly stats = { onThread: 0, here: 0, messages: 0 }

  /** A file's bytes (opened, in an encrypted vault) by its logical path; null when it cannot be read. */
  read(path: string): Promise<Buffer | null> {
    return new Promise((resolve) => {
      this.gathered.push({ path, resolve })
      if (this.gathered.length === 1) queueMicrotask(() => this.readGathered())
    })
  }

  /** Whether reads go to a thread of their own (starting it; false when none could be started, or once closed). */
  async onItsOwnThread(): Promise<boolean> {
    return (await this.lane.started()) !== null
  }

  /** Stops the thread; batches waiting for it, and reads after this, are read on this thread. */
  close(): void {
    this.lane.close()
  }

  private readGathered(): void {
    const batch = this.gathered
    this.gathered = []
    const small = batch.length < READER_BATCH.least
    for (let at = 0; at < batch.length; at += READER_BATCH.perMessage) {
      const part = batch.slice(at, at + READER_BATCH.perMessage)
      void readFilesVia(
        part.map((waiting) => waiting.path),
        (physical) => (small ? this.readHere(physical) : this.readThere(physical))
      ).then(
        (files) => part.forEach((waiting, i) => waiting.resolve(files[i] ?? null)),
        // A path that cannot even be worked out (a vault locked meanwhile) is a file that cannot be read: never a read left waiting.
        () => part.forEach((waiting) => waiting.resolve(null))
      )
    }
  }

  private async readThere(physical: string[]): Promise<Array<Buffer | null>> {
    const worker = await this.lane.started()
    if (!worker) return this.readHere(physical)
    try {
      const answer = await this.ask(worker, physical)
      this.stats.onThread += physical.length
      let at = 0
      return answer.lengths.map((length) => {
        if (length < 0) return null
        const bytes = Buffer.from(answer.bytes, at, length)
        at += length
        return bytes
      })
    } catch (error) {
      // Closed meanwhile, or the thread stopped: this batch (and, if it stopped, those after it) is read here.
      this.lane.giveUp(error)
      return this.readHere(physical)
    }
  }

  private readHere(physical: string[]): Promise<Array<Buffer | null>> {
    this.stats.here += physical.length
    return readPhysicalHere(physical)
  }

  private ask(worker: Worker, paths: string[]): Promise<ReadAnswer> {
    this.stats.messages++
    const request: ReadRequest = { paths }
    return this.lane.ask<ReadAnswer>(worker, request)
  }
}
