/**
 * Sealing and opening an encrypted vault's large files (an entry's photos
 * and documents) on a thread of their own: XChaCha20-Poly1305 in pure
 * JavaScript takes about 40 ms for a 3 MB photo, and done on the thread that
 * answers the window it held every other call (a save, a key's autosave)
 * back that long for each photo shown or added. A `node:worker_threads`
 * worker (sealing-worker.ts, bundled beside the main process's bundle: see
 * electron.vite.config.ts) does it with the key shared for it (vault-files.ts
 * `sealingOf`, zeroed on lock) and hands the bytes back transferred, not
 * copied.
 *
 * Small files (entries, client files) are sealed and opened where they are
 * read or written: the hop would cost more than it saves. Without a thread
 * (it could not be started, or it stopped) the work is done here and still
 * works. Failing to open is a RapportError 'cannot-decrypt' naming the file,
 * as `openFile` says it.
 */
import { RapportError } from '../errors'
import { WorkerLane } from '../core-worker'
import { ownBuffer } from '../own-buffer'
import type { Sealing } from './vault-files'
import { openFile, sealFile } from '../crypto/envelope'

/** What the worker is asked. `bytes` is handed over (transferred). */
export interface SealingRequest {
  op: 'open' | 'seal'
  key: Uint8Array
  boundTo: string
  bytes: ArrayBuffer
}

/** What it answers: the bytes (transferred), or why a sealed file did not open. */
export type SealingAnswer = { bytes: ArrayBuffer } | { failed: string }

/** Files at least this big go to the thread; a smaller one is sealed or opened here in well under a millisecond. */
export const ON_THREAD_FROM_BYTES = 64 * 1024

export class SealingThread {
  private readonly lane = new WorkerLane(import.meta.url, 'sealing-worker', 'encrypting and decrypting files')
  /** Files sealed or opened, by where: for tests and the bench. */
  readonly stats = { onThread: 0, here: 0 }

  /** The plaintext of a sealed file's bytes (handed over: the caller must not use `sealed` after). */
  async open(sealing: Sealing, sealed: Uint8Array): Promise<Buffer> {
    const plain = await this.work('open', sealing, sealed)
    return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength)
  }

  /** `plain` sealed for its file (handed over: the caller must not use `plain` after). */
  seal(sealing: Sealing, plain: Uint8Array): Promise<Uint8Array> {
    return this.work('seal', sealing, plain)
  }

  /** Whether the work goes to a thread of its own (starting it; false when none could be started, or once closed). */
  async onItsOwnThread(): Promise<boolean> {
    return (await this.lane.started()) !== null
  }

  /** Ends the thread as a crash would: how a test sees the work go on without it. */
  endThread(): Promise<void> {
    return this.lane.endThread()
  }

  /** Stops the thread; work asked for after this is done here. */
  close(): void {
    this.lane.close()
  }

  private async work(op: SealingRequest['op'], sealing: Sealing, bytes: Uint8Array): Promise<Uint8Array> {
    const here = (): Uint8Array => {
      this.stats.here++
      return (op === 'open' ? openFile : sealFile)(sealing.key, bytes, sealing.boundTo)
    }
    if (bytes.byteLength < ON_THREAD_FROM_BYTES) return here()
    const worker = await this.lane.started()
    if (!worker) return here()
    this.stats.onThread++
    const request: SealingRequest = { op, key: sealing.key, boundTo: sealing.boundTo, bytes: ownBuffer(bytes).buffer }
    let answer: SealingAnswer
    try {
      answer = await this.lane.ask<SealingAnswer>(worker, request, [request.bytes])
    } catch (error) {
      if (this.lane.isClosed) throw error
      // The thread stopped (the next file goes to a new one). Its bytes went with it, unless they were a copy.
      if (bytes.buffer.byteLength > 0) return here()
      throw new RapportError(
        'internal',
        `${sealing.boundTo} could not be ${op === 'open' ? 'decrypted' : 'encrypted'}: the thread doing it stopped; try again.`
      )
    }
    if ('failed' in answer) throw new RapportError('cannot-decrypt', answer.failed, sealing.boundTo)
    return new Uint8Array(answer.bytes)
  }
}

/**
 * The process's one sealing thread: it holds nothing between requests (the
 * key comes with each), starts on first use, and, idle, never keeps a
 * process alive.
 */
export const sealingThread = new SealingThread()
