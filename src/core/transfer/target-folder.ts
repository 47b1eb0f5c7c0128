import { lstat, mkdir, open, readdir, realpath, unlink } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { RapportError, fileError } from '../errors'
import { writeFileAtomic } from '../fs/atomic-write'
import { ensureFolder } from '../fs/ensure-folder'

/** A path inside the folder, with `/` on every OS, as plans and messages show it. */
export type InsidePath = string

/**
 * The folder an export writes into. Every write goes through here, and every
 * path is checked twice: by its text (no `..`, no absolute path, no drive
 * letter can take it out of the folder) and on disk (no folder on the way is
 * a link, so nothing is ever written through a link to somewhere else).
 */
export class TargetFolder {
  /** Folders already made or checked inside the target, so each is looked at once. */
  private readonly checked = new Set<string>()

  private constructor(readonly root: string) {}

  /**
   * The export folder, created when missing if `create` (a plan only looks).
   * It must not be inside the vault: the vault would read the export as entries.
   */
  static async open(root: string, vaultRoot: string, { create }: { create: boolean }): Promise<TargetFolder> {
    if (!isAbsolute(root)) throw new RapportError('invalid-input', `The export folder must be a full path: ${root}`)
    if (create) {
      try {
        await ensureFolder(root)
      } catch (error) {
        throw fileError(error, 'create the export folder', root)
      }
    }
    const [real, realVault] = await Promise.all([realpath(root).catch(() => resolve(root)), realpath(vaultRoot).catch(() => resolve(vaultRoot))])
    if (isWithin(realVault, real)) {
      throw new RapportError('invalid-input', `${root} is inside the vault. Choose a folder outside it, so the export is not read back as entries.`)
    }
    return new TargetFolder(real)
  }

  /** The absolute path of a path inside the folder; refuses, in words, any path that would land outside it. */
  resolve(path: InsidePath): string {
    const parts = path.split('/')
    if (path === '' || isAbsolute(path) || /^[A-Za-z]:/.test(path) || parts.some((p) => p === '..' || p === '.' || p === '' || p.includes('\\'))) {
      throw new RapportError('invalid-input', `"${path}" would be written outside the export folder, so it was not.`)
    }
    const absolute = join(this.root, ...parts)
    if (!isWithin(this.root, absolute) || absolute === this.root) {
      throw new RapportError('invalid-input', `"${path}" would be written outside the export folder, so it was not.`)
    }
    return absolute
  }

  /** True when the folder has nothing in it (or is not there yet): then no file of a plan can exist, and none need be looked for. */
  async isEmpty(): Promise<boolean> {
    try {
      return (await readdir(this.root)).length === 0
    } catch {
      return true
    }
  }

  /** Whether something (a file, a folder, a link) is already at this path. */
  async exists(path: InsidePath): Promise<boolean> {
    try {
      await lstat(this.resolve(path))
      return true
    } catch {
      return false
    }
  }

  /**
   * Writes one file. A new file is created exclusively, so nothing is ever
   * replaced by accident, even a file someone wrote a moment after the plan
   * was made: then `'exists'` comes back. With `overwrite` (the person saw the
   * plan and agreed), an existing file is replaced atomically, never left
   * half old, half new. New files are not flushed to disk one by one, as a
   * plain copy would not be: the vault keeps the originals.
   */
  async write(path: InsidePath, data: string | Uint8Array, overwrite: boolean): Promise<'written' | 'exists'> {
    const absolute = this.resolve(path)
    await this.makeFoldersFor(path)
    try {
      await createExclusive(absolute, data)
      return 'written'
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError(error, 'write', path)
    }
    if (!overwrite) return 'exists'
    if ((await lstat(absolute)).isDirectory())
      throw new RapportError('conflict', `${path} is a folder in the export folder, so the file was not written.`, path)
    try {
      await writeFileAtomic(absolute, data)
    } catch (error) {
      throw fileError(error, 'write', path)
    }
    return 'written'
  }

  /** Makes the folders on the way to a file, one by one, refusing any that is a link or not a folder. */
  private async makeFoldersFor(path: InsidePath): Promise<void> {
    const parts = path.split('/').slice(0, -1)
    let folder = ''
    for (const part of parts) {
      folder = folder ? `${folder}/${part}` : part
      if (this.checked.has(folder)) continue
      const absolute = join(this.root, ...folder.split('/'))
      const info = await lstat(absolute).catch(() => null)
      if (info?.isSymbolicLink()) {
        throw new RapportError(
          'permission-denied',
          `${folder} in the export folder is a link; Rapport does not write through links, so nothing was written there.`,
          folder
        )
      }
      if (info && !info.isDirectory()) throw new RapportError('conflict', `${folder} in the export folder is a file, where a folder should be.`, folder)
      if (!info) {
        try {
          await mkdir(absolute)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError(error, 'create the folder', folder)
        }
      }
      this.checked.add(folder)
    }
  }
}

/** True when `path` is `folder` or inside it. */
export function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/** Creates a file that must not exist yet; a file left half written (a full disk) is removed. */
async function createExclusive(absolute: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(absolute, 'wx', 0o644)
  try {
    await handle.writeFile(data)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await unlink(absolute).catch(() => undefined)
    throw error
  }
  await handle.close()
}
