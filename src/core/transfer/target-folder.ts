import { lstat, mkdir, open, realpath } from 'node:fs/promises'
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
   * Writes one file. A new file is created exclusively: if one appeared
   * since the plan was made it is left alone and `'exists'` comes back. With
   * `overwrite` (the user saw the plan and agreed), an existing file is
   * replaced atomically, so it is never left half old, half new.
   */
  async write(path: InsidePath, data: string | Uint8Array, overwrite: boolean): Promise<'written' | 'exists'> {
    const absolute = this.resolve(path)
    await this.makeFoldersFor(path)
    try {
      if (overwrite) {
        const existing = await lstat(absolute).catch(() => null)
        if (existing?.isDirectory()) throw new RapportError('conflict', `${path} is a folder in the export folder, so the file was not written.`, path)
        await writeFileAtomic(absolute, data)
        return 'written'
      }
      // Exclusive create: never replaces anything, even a file written by someone else a moment ago.
      // New files are not flushed one by one (a copy, the vault keeps the original), as a plain copy would not be.
      const handle = await open(absolute, 'wx', 0o644)
      try {
        await handle.writeFile(data)
      } finally {
        await handle.close()
      }
      return 'written'
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists'
      throw fileError(error, 'write', path)
    }
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
        throw new RapportError('permission-denied', `${folder} in the export folder is a link; Rapport does not write through links, so nothing was written there.`, folder)
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
