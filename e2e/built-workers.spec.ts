/**
 * The built main process (out/main, as `npm run test:e2e` just built it)
 * ships each of the core's worker threads beside index.js, where
 * src/core/core-worker.ts looks for them; started from there, the sealing
 * worker seals a photo that the envelope opens here.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { expect, test } from '@playwright/test'
import { openFile } from '../src/core/crypto/envelope'
import { REPO_ROOT } from './electron-stand-in/boot'

const WORKERS = ['index-worker', 'import-worker', 'file-reader-worker', 'sealing-worker']

test('the built main process ships every core worker beside it, and the sealing worker works from there', async () => {
  for (const name of WORKERS) expect(existsSync(join(REPO_ROOT, 'out/main', `${name}.js`)), `${name}.js`).toBe(true)
  const worker = new Worker(join(REPO_ROOT, 'out/main/sealing-worker.js'))
  try {
    const key = new Uint8Array(new SharedArrayBuffer(32))
    key.set(randomBytes(32))
    const photo = randomBytes(1024 * 1024)
    const plain = Uint8Array.from(photo)
    const answer = new Promise<{ id: number; ok: boolean; value: { bytes: ArrayBuffer } }>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    worker.postMessage({ id: 7, op: 'seal', key, boundTo: 'attachments/photo.jpg', bytes: plain.buffer }, [plain.buffer])
    const { id, ok, value } = await answer
    expect({ id, ok }).toEqual({ id: 7, ok: true })
    expect(Buffer.from(openFile(key, new Uint8Array(value.bytes), 'attachments/photo.jpg')).equals(photo)).toBe(true)
  } finally {
    await worker.terminate()
  }
})
