/**
 * The file reader's thread (a `node:worker_threads` worker started by
 * file-reader-thread.ts): reads a batch of files by their physical paths and
 * hands their bytes back in one buffer, transferred, not copied. Nothing is
 * decrypted here; the thread that asked opens what it gets. Bundled as its
 * own file next to the main process's (electron.vite.config.ts); from
 * source, file-reader-thread.ts bundles it on the fly.
 */
import { readFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { yieldTheProcessor } from '../thread-priority'
import type { WorkerAnswer } from '../core-worker'
import type { ReadAnswer, ReadRequest } from './file-reader-thread'

const port = parentPort
if (!port) throw new Error('file-reader-worker.ts runs as a worker thread')
yieldTheProcessor()

port.on('message', ({ id, paths }: ReadRequest & { id: number }) => {
  const files = paths.map((path) => {
    try {
      return readFileSync(path)
    } catch {
      return null
    }
  })
  // One buffer for the batch: one transfer, and none of Node's pooled buffers (shared by small reads) handed away.
  const bytes = new Uint8Array(files.reduce((sum, file) => sum + (file?.byteLength ?? 0), 0))
  let at = 0
  const lengths = files.map((file) => {
    if (!file) return -1
    bytes.set(file, at)
    at += file.byteLength
    return file.byteLength
  })
  const value: ReadAnswer = { lengths, bytes: bytes.buffer }
  const answer: WorkerAnswer = { id, ok: true, value }
  port?.postMessage(answer, [bytes.buffer])
})
