/**
 * Many new files written durably, as `writeFileAtomic` writes one, by a
 * `TwoStepWriter` (fs/write-in-two-steps.ts) that may run on another thread
 * (an import's: transfer/import.ts) or here. Ten thousand writes through
 * `fs/promises` were the largest part of what an import left on the thread
 * that answers the window (1.2 s of its CPU, and the garbage behind most of
 * its 40 collections); on the import's thread they cost the window nothing.
 *
 * This thread keeps what must happen here: in an encrypted vault the sealing
 * and the name on disk, the temporary name (registered as being written, so
 * no clean-up takes it), and, between the two steps, each version written
 * recorded as this process's own, so the watcher does not take the rename
 * for someone else's change. A file is never put over another: the names
 * given are new ones, and one taken meanwhile by another program is refused.
 */
import { tempPathFor, writtenTo } from './atomic-write'
import type { FileIdentity } from './own-writes'
import { rememberWritten } from './own-writes'
import { bytesToWrite } from './vault-files'
import type { TempFile, TempInPlace, WriteFailure } from './write-in-two-steps'
import { callbackFileOps, failureError, isFailure, renameIntoPlace, writeTemps } from './write-in-two-steps'

/** The two steps, wherever they run. */
export interface TwoStepWriter {
  writeTemps(files: readonly TempFile[]): Promise<Array<FileIdentity | WriteFailure>>
  renameIntoPlace(files: readonly TempInPlace[]): Promise<Array<null | WriteFailure>>
}

/** The two steps on this thread, without blocking it. */
export const writerHere: TwoStepWriter = {
  writeTemps: (files) => writeTemps(files, callbackFileOps),
  renameIntoPlace: (files) => renameIntoPlace(files, callbackFileOps)
}

/** Files per request to the writer: their flushes overlap, and one message carries them. */
const FILES_PER_REQUEST = 32

interface Waiting {
  temp: string
  target: string
  bytes: Uint8Array
  resolve: () => void
  reject: (error: Error) => void
}

export class NewFiles {
  private waiting: Waiting[] = []
  private sendScheduled = false

  constructor(private readonly writer: TwoStepWriter = writerHere) {}

  /**
   * Writes `content` as a new file at the vault path `logicalTarget`,
   * durably; resolves once it is in place. Its folder is not flushed: the
   * caller flushes each folder once, as with `writeFileAtomic`'s
   * `deferFolderSync`. Refused (EEXIST) when a file has the name by then.
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
      const written = await this.writer.writeTemps(files.map(({ temp, bytes }) => ({ temp, bytes })))
      const toPlace = []
      for (const [at, file] of files.entries()) {
        const identity = written[at]
        if (!identity || isFailure(identity)) fail(file, identity ? failureError(identity) : new Error('it was not written'))
        else {
          // Before the rename: the watcher must know this version for ours by the time it sees the name.
          rememberWritten(file.target, identity)
          toPlace.push({ file, identity })
        }
      }
      if (toPlace.length === 0) return
      const placed = await this.writer.renameIntoPlace(toPlace.map(({ file, identity }) => ({ temp: file.temp, target: file.target, identity })))
      for (const [at, { file }] of toPlace.entries()) {
        const failure = placed[at]
        if (failure === null) {
          settled.add(file)
          file.resolve()
        } else fail(file, failure ? failureError(failure) : new Error('it was not put in place'))
      }
    } catch (error) {
      for (const file of files) if (!settled.has(file)) fail(file, error instanceof Error ? error : new Error(String(error)))
    } finally {
      for (const file of files) writtenTo(file.temp)
    }
  }
}
