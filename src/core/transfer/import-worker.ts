/**
 * An import's own thread (a `node:worker_threads` worker started by
 * import-thread.ts): reading, parsing and preparing the notes, and writing
 * the entries (import-host.ts), run here, so neither their work nor their
 * garbage stops the process that answers the window. Bundled as its own file next to the main process's
 * (electron.vite.config.ts); from source, import-thread.ts bundles it on the fly.
 */
import { parentPort } from 'node:worker_threads'
import type { ImportThreadRequest } from './import-host'
import { ImportHost, transferables } from './import-host'
import { noteFilesSync } from './note-reader'
import { blockingFileOps } from '../fs/write-in-two-steps'
import { yieldTheProcessor } from '../thread-priority'

// Blocking reads and writes: here nothing else waits on them.
const host = new ImportHost(noteFilesSync, blockingFileOps)
// Background work: on a busy machine the thread that answers the window goes first (a thread's own nice value on Linux; left alone elsewhere).
yieldTheProcessor()
const port = parentPort
if (!port) throw new Error('import-worker.ts runs as a worker thread')
// One request at a time, in the order sent: the links are known before a note that needs them is prepared.
let queue: Promise<void> = Promise.resolve()
port.on('message', (message: { id: number; request: ImportThreadRequest }) => {
  queue = queue.then(async () => {
    try {
      const value = await host.handle(message.request)
      port.postMessage({ id: message.id, ok: true, value }, transferables(value))
    } catch (error) {
      port.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) })
    }
  })
})
