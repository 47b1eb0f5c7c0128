/**
 * Reading and writing a vault's large files — an entry's photos and
 * documents — without holding the thread that answers the window: in an
 * encrypted vault they are opened and sealed on the sealing thread
 * (fs/sealing-thread.ts); in a plain vault these are `readFile` and
 * `writeFileAtomic` as they are.
 */
import { sealingThread } from './sealing-thread'
import { writeFileAtomic } from './atomic-write'
import { readSealedFile, sealingOf } from './vault-files'

/** A file's bytes by its logical path, opened in an encrypted vault. */
export async function readLargeFile(path: string): Promise<Buffer> {
  const { bytes, sealing } = await readSealedFile(path)
  // The bytes just read are no one else's: handed to the thread as they are.
  return sealing ? sealingThread.open(sealing, bytes) : bytes
}

/** Writes a file as `writeFileAtomic` does, sealed in an encrypted vault; `bytes` stay the caller's. */
export async function writeLargeFileAtomic(path: string, bytes: Uint8Array, options: { deferFolderSync?: boolean } = {}): Promise<void> {
  const sealing = sealingOf(path)
  if (!sealing) return writeFileAtomic(path, bytes, options)
  await writeFileAtomic(path, await sealingThread.seal(sealing, bytes.slice()), { ...options, sealedElsewhere: true })
}
