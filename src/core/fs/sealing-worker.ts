/**
 * The sealing thread (a `node:worker_threads` worker started by
 * sealing-thread.ts): seals or opens one large file's bytes with the key
 * that comes with the request, and hands the result back transferred. It
 * keeps nothing between requests. Bundled as its own file next to the main
 * process's (electron.vite.config.ts); from source, sealing-thread.ts
 * bundles it on the fly.
 */
import { parentPort } from 'node:worker_threads'
import type { WorkerAnswer } from '../core-worker'
import { RapportError } from '../errors'
import { ownBuffer } from '../own-buffer'
import { yieldTheProcessor } from '../thread-priority'
import { openFile, sealFile } from '../crypto/envelope'
import type { SealingAnswer, SealingRequest } from './sealing-thread'

const port = parentPort
if (!port) throw new Error('sealing-worker.ts runs as a worker thread')
yieldTheProcessor()

port.on('message', ({ id, op, key, boundTo, bytes }: SealingRequest & { id: number }) => {
  let value: SealingAnswer
  try {
    value = { bytes: ownBuffer((op === 'open' ? openFile : sealFile)(key, new Uint8Array(bytes), boundTo)).buffer }
  } catch (error) {
    // A file that does not open is an answer, not a failure of the thread: said in openFile's words.
    if (!(error instanceof RapportError)) throw error
    value = { failed: error.message }
  }
  const answer: WorkerAnswer = { id, ok: true, value }
  port?.postMessage(answer, 'bytes' in value ? [value.bytes] : [])
})
