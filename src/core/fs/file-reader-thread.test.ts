import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isSealed } from '../crypto/envelope'
import type { KdfCost } from '../crypto/kdf'
import { createVaultKey } from '../crypto/vault-key'
import { tempDir } from '../testing/temp-vault'
import { writeFileAtomic } from './atomic-write'
import { FileReaderThread, READER_BATCH } from './file-reader-thread'
import { mkdir, mountEncrypted, physicalPath } from './vault-files'

const cheap: KdfCost = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 }

const opened: FileReaderThread[] = []
function reader(): FileReaderThread {
  const made = new FileReaderThread()
  opened.push(made)
  return made
}
afterEach(() => {
  for (const made of opened.splice(0)) made.close()
})

/** `count` files of different sizes (one empty, some over Node's 4 KB pooled-buffer size, one not UTF-8). */
async function files(count: number): Promise<string[]> {
  const dir = await tempDir()
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, `${i}.md`)
    if (i === 1) writeFileSync(path, Uint8Array.from([0xff, 0x00, 0xfe, 0x80]))
    else writeFileSync(path, `# Entry ${i}\n\n${'budget timeline '.repeat(i * 37)}`)
    return path
  })
}

describe('reading many files on a thread of their own', () => {
  it('gives the bytes of every file asked for in one go, read on its thread in one message', async () => {
    const paths = await files(40)
    const files40 = reader()
    const read = await Promise.all(paths.map((path) => files40.read(path)))
    read.forEach((bytes, i) => expect(bytes?.equals(readFileSync(paths[i] as string)), paths[i]).toBe(true))
    expect(read[0]?.byteLength).toBeGreaterThan(0)
    expect(files40.stats).toEqual({ onThread: 40, here: 0, messages: 1 })
  })

  it('gives null for a file that is missing or cannot be read, and the others still', async () => {
    const paths = await files(10)
    const folder = join(paths[0] as string, '..', 'a-folder.md')
    mkdirSync(folder)
    const asked = [...paths.slice(0, 4), join(folder, '..', 'gone.md'), folder, ...paths.slice(4)]
    const some = reader()
    const read = await Promise.all(asked.map((path) => some.read(path)))
    expect(read[4]).toBeNull()
    expect(read[5]).toBeNull()
    for (const [i, path] of asked.entries()) if (i !== 4 && i !== 5) expect(read[i]?.equals(readFileSync(path)), path).toBe(true)
    expect(some.stats.onThread).toBe(asked.length)
  })

  it('splits a batch larger than one message, and every file still gets its own bytes', async () => {
    const paths = await files(READER_BATCH.perMessage * 2 + 22)
    const many = reader()
    const read = await Promise.all(paths.map((path) => many.read(path)))
    read.forEach((bytes, i) => expect(bytes?.equals(readFileSync(paths[i] as string)), paths[i]).toBe(true))
    expect(many.stats).toEqual({ onThread: paths.length, here: 0, messages: 3 })
  })

  it('reads a few files asked for alone on this thread: the hop would cost more than it saves', async () => {
    const paths = await files(READER_BATCH.least - 1)
    const few = reader()
    const read = await Promise.all(paths.map((path) => few.read(path)))
    read.forEach((bytes, i) => expect(bytes?.equals(readFileSync(paths[i] as string))).toBe(true))
    // One read, then another after it: never gathered into a batch.
    expect((await few.read(paths[0] as string))?.equals(readFileSync(paths[0] as string))).toBe(true)
    expect(few.stats).toEqual({ onThread: 0, here: paths.length + 1, messages: 0 })
  })

  it('once closed, still reads (on this thread), also a batch that was waiting for the thread', async () => {
    const paths = await files(30)
    const closing = reader()
    expect(await closing.onItsOwnThread()).toBe(true)
    const waiting = Promise.all(paths.map((path) => closing.read(path)))
    closing.close()
    const after = await Promise.all(paths.map((path) => closing.read(path)))
    for (const read of [await waiting, after]) read.forEach((bytes, i) => expect(bytes?.equals(readFileSync(paths[i] as string))).toBe(true))
    expect(closing.stats.onThread).toBe(0)
    expect(closing.stats.here).toBe(paths.length * 2)
    expect(await closing.onItsOwnThread()).toBe(false)
  })

  it("reads an encrypted vault's files sealed on its thread and opens them here", async () => {
    const root = await tempDir()
    const { key } = await createVaultKey('correct horse battery staple', cheap)
    const unmount = mountEncrypted(root, key)
    try {
      const logical = Array.from({ length: 12 }, (_, i) => join(root, 'clients', 'anna', 'journal', `call-${i}.md`))
      await mkdir(join(root, 'clients', 'anna', 'journal'), { recursive: true })
      for (const [i, path] of logical.entries()) await writeFileAtomic(path, `# Call ${i}\n\nWhitfield renewal ${i}`)
      for (const path of logical) expect(isSealed(readFileSync(physicalPath(path)))).toBe(true)
      const sealed = reader()
      const read = await Promise.all([...logical, join(root, 'clients', 'anna', 'journal', 'gone.md')].map((path) => sealed.read(path)))
      read.slice(0, logical.length).forEach((bytes, i) => expect(bytes?.toString('utf8')).toBe(`# Call ${i}\n\nWhitfield renewal ${i}`))
      expect(read[logical.length]).toBeNull()
      expect(sealed.stats.onThread).toBe(logical.length + 1)
    } finally {
      unmount()
    }
  })

  it('gives null, never a read left waiting, for paths that cannot be worked out (the vault locked meanwhile)', async () => {
    const root = await tempDir()
    const { key } = await createVaultKey('correct horse battery staple', cheap)
    const unmount = mountEncrypted(root, key)
    try {
      key.lock()
      // Names never seen before: working out their encrypted names needs the key, now gone.
      const unknown = Array.from({ length: READER_BATCH.least }, (_, i) => join(root, 'clients', `never-${i}`, 'journal', 'call.md'))
      const locked = reader()
      expect(await Promise.all(unknown.map((path) => locked.read(path)))).toEqual(unknown.map(() => null))
    } finally {
      unmount()
    }
  })
})
