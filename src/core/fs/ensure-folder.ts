import { dirname } from 'node:path'
import { mkdir } from './vault-files'

/**
 * `mkdir -p`, but with the true reason when it fails: Node's recursive mkdir
 * reports ENOENT for a read-only or full disk, which would tell the user the
 * wrong thing. On failure, the folders are made one by one so the real error
 * (EROFS, ENOSPC, EACCES) surfaces.
 */
export async function ensureFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    const parent = dirname(path)
    if (parent !== path) await ensureFolder(parent)
    await mkdir(path).catch((inner: NodeJS.ErrnoException) => {
      if (inner.code !== 'EEXIST') throw inner
    })
  }
}
