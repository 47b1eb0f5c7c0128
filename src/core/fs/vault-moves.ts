import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic-write'
import { rememberFolder, rememberRemoved, rememberWritten } from './own-writes'
import { readdir, readFile, resolvePath } from './vault-files'

// Moving and copying vault files: they write through writeFileAtomic, which itself writes through vault-files'
// encryption mount, so they live above both (vault-files ← atomic-write ← vault-moves) rather than in a cycle.

/**
 * Renames a file or folder. In an encrypted vault contents are bound to
 * their path, so a move there writes each file again, sealed for its new
 * path, before removing the old one: a crash in between leaves both copies,
 * never neither.
 */
export async function rename(from: string, to: string): Promise<void> {
  const source = resolvePath(from)
  const target = resolvePath(to)
  if (!source.mount && !target.mount) {
    await fsp.rename(source.physical, target.physical)
    // Ours at both ends, so the watcher reports neither (own-writes.ts); a folder's contents arrive with it and are reported.
    rememberRemoved(source.physical)
    const moved = await fsp.stat(target.physical)
    if (moved.isDirectory()) rememberFolder(target.physical, moved.ino)
    else rememberWritten(target.physical, moved)
    return
  }
  if ((await fsp.stat(source.physical)).isDirectory()) {
    await fsp.mkdir(target.physical, { recursive: true })
    for (const name of await readdir(from)) await rename(join(from, name), join(to, name))
    await fsp.rmdir(source.physical)
    rememberRemoved(source.physical)
    return
  }
  await writeFileAtomic(to, await readFile(from))
  await fsp.unlink(source.physical)
  rememberRemoved(source.physical)
}

export async function copyFile(from: string, to: string): Promise<void> {
  await writeFileAtomic(to, await readFile(from))
}
