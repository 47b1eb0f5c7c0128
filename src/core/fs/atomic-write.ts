import { randomBytes } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Temporary files are named so that a later open can recognise and remove leftovers. */
export const TEMP_PREFIX = '.rapport-tmp-'

export function isTempFile(name: string): boolean {
  return basename(name).startsWith(TEMP_PREFIX)
}

/**
 * Replaces `target` with `data` so that, whatever happens (a crash, a power
 * cut, a kill), the file is either wholly old or wholly new:
 * the bytes go to a temporary file beside the target, are flushed to the
 * disk, renamed over the target (atomic on one file system), and then the
 * folder itself is flushed so the rename survives a power cut.
 *
 * `deferFolderSync` leaves that last flush to the caller, who writes many
 * files into the same folders and flushes each folder once (see
 * `EntryStore.startAdoption`) before saying any of them is written. Each
 * file is still whole on disk before its name appears.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: { deferFolderSync?: boolean } = {}): Promise<void> {
  const temp = join(dirname(target), `${TEMP_PREFIX}${basename(target)}.${randomBytes(6).toString('hex')}`)
  const handle = await open(temp, 'wx', 0o644)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await handle.close()
  try {
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  if (!options.deferFolderSync) await syncFolder(dirname(target))
}

/** Flushes a folder's entries (new names, renames) to disk; not possible on Windows, where rename is already durable enough. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
