import { randomBytes } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { rememberWritten } from './own-writes'
import { TEMP_PREFIX, bytesToWrite, physicalPath } from './vault-files'

export { TEMP_PREFIX }

export function isTempFile(name: string): boolean {
  return basename(name).startsWith(TEMP_PREFIX)
}

/** Names of the temporary files this process is writing now (each carries random hex, so a name is enough). */
const writing = new Set<string>()

/**
 * Whether a temporary file is one this process is still writing. A clean-up of stale temporary files must pass
 * these over whatever their age says: a file's time comes from the disk's clock (a network share's may be
 * minutes off), and a slow flush can outlast any threshold.
 */
export function isBeingWritten(name: string): boolean {
  return writing.has(basename(name))
}

/**
 * A new temporary path beside `target` (a path on disk), counted as being
 * written until `writtenTo` is called with it: whichever thread writes it.
 */
export function tempPathFor(target: string): string {
  const temp = join(dirname(target), `${TEMP_PREFIX}${basename(target)}.${randomBytes(6).toString('hex')}`)
  writing.add(basename(temp))
  return temp
}

/** The temporary file is renamed or removed: no longer being written. */
export function writtenTo(temp: string): void {
  writing.delete(basename(temp))
}

/**
 * Replaces `target` with `data` so that, whatever happens (a crash, a power
 * cut, a kill), the file is either wholly old or wholly new:
 * the bytes go to a temporary file beside the target, are flushed to the
 * disk, renamed over the target (atomic on one file system), and then the
 * folder itself is flushed so the rename survives a power cut.
 *
 * In an encrypted vault the bytes are sealed and the names are the
 * encrypted ones (vault-files.ts); `target` is always the logical path.
 *
 * `sealedElsewhere`: in an encrypted vault, `content` was sealed for
 * `target` on another thread (vault-files.ts `sealingOf`) and is written as
 * it is; anything not sealed is refused.
 *
 * `deferFolderSync` leaves that last flush to the caller, who writes many
 * files into the same folders and flushes each folder once (an import's
 * new clients, an encryption's conversion) before saying any of them is
 * written. Each file is still whole on disk before its name appears.
 */
export async function writeFileAtomic(
  logicalTarget: string,
  content: string | Uint8Array,
  options: { deferFolderSync?: boolean; sealedElsewhere?: boolean } = {}
): Promise<void> {
  const { physical: target, bytes: data } = bytesToWrite(logicalTarget, content, options.sealedElsewhere)
  const temp = tempPathFor(target)
  try {
    const handle = await open(temp, 'wx', 0o644)
    try {
      await handle.writeFile(data)
      await handle.sync()
      // The version about to take the target's name, so the watcher knows this write for ours (vault/watch.ts).
      rememberWritten(target, await handle.stat())
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
  } finally {
    writtenTo(temp)
  }
  if (!options.deferFolderSync) await syncPhysicalFolder(dirname(target))
}

/** Flushes a folder's entries (new names, renames) to disk; not possible on Windows, where rename is already durable enough. */
export const syncFolder = (folder: string): Promise<void> => syncPhysicalFolder(physicalPath(folder))

/** Flushes a folder given by its path on disk (no vault mapping). */
export async function syncPhysicalFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
