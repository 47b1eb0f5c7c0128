import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openFile, sealFile } from '../crypto/envelope'
import { KEY_BYTES } from '../crypto/kdf'
import { ON_THREAD_FROM_BYTES, SealingThread } from './sealing-thread'
import type { Sealing } from './vault-files'

/** A key shared as an unlocked vault shares it with another thread (vault-files.ts `sealingOf`). */
function sealingFor(boundTo: string): Sealing {
  const key = new Uint8Array(new SharedArrayBuffer(KEY_BYTES))
  key.set(randomBytes(KEY_BYTES))
  return { key, boundTo }
}

const PHOTO = 3 * 1024 * 1024

describe('the sealing thread', () => {
  it('seals and opens large files on its own thread, as the envelope does here, and small ones here', async () => {
    const thread = new SealingThread()
    try {
      expect(await thread.onItsOwnThread()).toBe(true)
      const sealing = sealingFor('clients/northwind/attachments/site.jpg')
      const photo = randomBytes(PHOTO)
      const sealed = await thread.seal(sealing, Uint8Array.from(photo))
      // The same envelope as one sealed here: each opens the other's.
      expect(Buffer.from(openFile(sealing.key, sealed, sealing.boundTo)).equals(photo)).toBe(true)
      expect((await thread.open(sealing, sealFile(sealing.key, photo, sealing.boundTo))).equals(photo)).toBe(true)
      const small = randomBytes(ON_THREAD_FROM_BYTES / 2)
      expect((await thread.open(sealing, await thread.seal(sealing, Uint8Array.from(small)))).equals(small)).toBe(true)
      expect(thread.stats).toEqual({ onThread: 2, here: 2 })
    } finally {
      thread.close()
    }
  })

  it('keeps the event loop turning while a photo is opened', async () => {
    const thread = new SealingThread()
    try {
      await thread.onItsOwnThread()
      const sealing = sealingFor('attachments/photo.jpg')
      const sealed = sealFile(sealing.key, randomBytes(PHOTO), sealing.boundTo)
      let ticks = 0
      const ticker = setInterval(() => ticks++, 1)
      await thread.open(sealing, sealed)
      clearInterval(ticker)
      // Opened here, the work is one synchronous stretch and no timer could fire before it ends.
      expect(ticks).toBeGreaterThan(0)
    } finally {
      thread.close()
    }
  })

  it('says which file did not open, and why, as the envelope says it', async () => {
    const thread = new SealingThread()
    try {
      const sealing = sealingFor('attachments/photo.jpg')
      const sealed = sealFile(sealing.key, randomBytes(PHOTO), sealing.boundTo)
      const moved = sealFile(sealing.key, randomBytes(PHOTO), 'attachments/other.jpg')
      sealed[sealed.length - 100] = (sealed[sealed.length - 100] ?? 0) ^ 1
      for (const bytes of [sealed, moved]) {
        await expect(thread.open(sealing, bytes)).rejects.toMatchObject({
          code: 'cannot-decrypt',
          path: 'attachments/photo.jpg',
          message: 'attachments/photo.jpg cannot be decrypted: it was changed or damaged, belongs at another path, or was encrypted with another key.'
        })
      }
      expect(thread.stats.onThread).toBe(2)
    } finally {
      thread.close()
    }
  })

  it('goes on with a new thread when its own stopped, and here once closed', async () => {
    const thread = new SealingThread()
    const sealing = sealingFor('attachments/photo.jpg')
    const photo = randomBytes(PHOTO)
    await thread.onItsOwnThread()
    await thread.endThread()
    expect((await thread.open(sealing, sealFile(sealing.key, photo, sealing.boundTo))).equals(photo)).toBe(true)
    expect(thread.stats).toEqual({ onThread: 1, here: 0 })
    thread.close()
    expect((await thread.open(sealing, sealFile(sealing.key, photo, sealing.boundTo))).equals(photo)).toBe(true)
    expect(thread.stats).toEqual({ onThread: 1, here: 1 })
  })
})
