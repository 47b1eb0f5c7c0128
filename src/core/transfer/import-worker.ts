/**
 * An import's own thread (a `node:worker_threads` worker started by
 * import-thread.ts): reading, parsing and preparing the notes (import-host.ts)
 * run here, so neither their work nor their garbage stops the process that
 * answers the window. Bundled as its own file next to the main process's
 * (electron.vite.config.ts); from source, import-thread.ts bundles it on the fly.
 */
import { setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import type { ImportThreadRequest } from './import-host'
import { ImportHost, transferables } from './import-host'
import { readNoteTextSync } from './note-reader'

/** Lower than the window's (0); 10 is what `nice` gives a command by default. */
const BACKGROUND_NICE = 10

// Blocking reads: here nothing else waits on them.
const host = new ImportHost(readNoteTextSync)
// Background work: on a busy machine the thread that answers the window goes first. On Linux a nice value is
// this thread's own (elsewhere it would be the whole process's, so it is left alone there).
if (process.platform === 'linux') {
  try {
    setPriority(0, BACKGROUND_NICE)
  } catch {
    // Not allowed here: the import only runs at the same priority as the window.
  }
}
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
