/**
 * The search index's own thread (a `node:worker_threads` worker started by
 * index-thread.ts): building the index, ranking, and putting the cached
 * index together all run here, so their work and their garbage never stop
 * the process that answers the window. Bundled as its own file next to the
 * main process's (electron.vite.config.ts); from source, index-thread.ts
 * bundles it on the fly.
 */
import { parentPort } from 'node:worker_threads'
import type { IndexRequest } from './index-host'
import { ownBuffer } from '../own-buffer'
import { IndexHost } from './index-host'
import { yieldTheProcessor } from '../thread-priority'

const host = new IndexHost()
const port = parentPort
if (!port) throw new Error('index-worker.ts runs as a worker thread')
yieldTheProcessor()

function reply(id: number, answering: Promise<unknown>): Promise<void> {
  return answering.then(
    (answer) => {
      // The cache's bytes are handed over, not copied.
      const value = answer instanceof Uint8Array ? ownBuffer(answer) : answer
      port?.postMessage({ id, ok: true, value }, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : [])
    },
    (error: unknown) => port?.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) })
  )
}

// One request at a time, in the order sent: an update is in the index before a later query ranks. A background request
// (a cache's bytes) takes its snapshot in its turn, then finishes in slices while the requests after it are answered.
let queue: Promise<void> = Promise.resolve()
port.on('message', (message: { id: number; request: IndexRequest }) => {
  queue = queue.then(async () => {
    const answering = host.handle(message.request)
    if (IndexHost.background(message.request)) void reply(message.id, answering)
    else await reply(message.id, answering)
  })
})
