/**
 * An import's entries written to disk on the import's own thread, the way
 * `writeFileAtomic` writes one here: whole to a temporary file, flushed,
 * then renamed over the target (fs/write-in-two-steps.ts). Ten thousand
 * writes through `fs/promises` were the largest part of what an import
 * left on the thread that answers the window (1.2 s of its CPU, and the
 * garbage behind most of its 40 collections); the system time of creating
 * and renaming the files went to the shared thread pool, at the window's
 * priority. Over there both are spent at the import thread's lower one.
 *
 * This thread keeps what must happen here: the name (and, in an encrypted
 * vault, the sealing and the name on disk), the temporary name (registered
 * as being written, so no clean-up takes it), and, between the two steps,
 * each version written recorded as this process's own, so the watcher does
 * not take the rename for someone else's change.
 */
import { tempPathFor, writtenTo } from '../fs/atomic-write'
import { rememberWritten } from '../fs/own-writes'
import { bytesToWrite } from '../fs/vault-files'
import { failureError, isFailure } from '../fs/write-in-two-steps'
import type { ImportThread } from './import-thread'

/** Files per request to the import's thread: their flushes overlap there, and one message carries them. */
const FILES_PER_REQUEST = 32

interface Waiting {
  temp: string
  target: string
  bytes: Uint8Array
  resolve: () => void
  reject: (error: Error) => void
}

export class ImportWrites {
  private waiting: Waiting[] = []
  private sendScheduled = false

  constructor(private readonly thread: ImportThread) {}

  /**
   * Writes `content` at the vault path `logicalTarget`, durably; resolves
   * once it is in place. Its folder is not flushed: the caller flushes each
   * folder once, as with `writeFileAtomic`'s `deferFolderSync`.
   */
  readonly write = (logicalTarget: string, content: Uint8Array): Promise<void> => {
    const { physical, bytes } = bytesToWrite(logicalTarget, content)
    const temp = tempPathFor(physical)
    return new Promise((resolve, reject) => {
      this.waiting.push({ temp, target: physical, bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, resolve, reject })
      if (this.waiting.length >= FILES_PER_REQUEST) this.send()
      else if (!this.sendScheduled) {
        // The rest of this stretch of work goes in the same request.
        this.sendScheduled = true
        setImmediate(() => {
          this.sendScheduled = false
          this.send()
        })
      }
    })
  }

  private send(): void {
    const files = this.waiting
    this.waiting = []
    if (files.length > 0) void this.writeAll(files)
  }

  private async writeAll(files: readonly Waiting[]): Promise<void> {
    const settled = new Set<Waiting>()
    const fail = (file: Waiting, error: Error): void => {
      settled.add(file)
      file.reject(error)
    }
    try {
      const written = await this.thread.request({ op: 'write-temps', files: files.map(({ temp, bytes }) => ({ temp, bytes })) })
      const toPlace = []
      for (const [at, file] of files.entries()) {
        const identity = written[at]
        if (!identity || isFailure(identity)) fail(file, identity ? failureError(identity) : new Error('the import did not write it'))
        else {
          // Before the rename: the watcher must know this version for ours by the time it sees the name.
          rememberWritten(file.target, identity)
          toPlace.push({ file, identity })
        }
      }
      if (toPlace.length === 0) return
      const placed = await this.thread.request({
        op: 'rename',
        files: toPlace.map(({ file, identity }) => ({ temp: file.temp, target: file.target, identity }))
      })
      for (const [at, { file }] of toPlace.entries()) {
        const failure = placed[at]
        if (failure === null) {
          settled.add(file)
          file.resolve()
        } else fail(file, failure ? failureError(failure) : new Error('the import did not put it in place'))
      }
    } catch (error) {
      for (const file of files) if (!settled.has(file)) fail(file, error instanceof Error ? error : new Error(String(error)))
    } finally {
      for (const file of files) writtenTo(file.temp)
    }
  }
}
