import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/** The identity of one version of a file on disk: a later write by anyone replaces the inode or moves the time. */
export interface FileIdentity {
  ino: number
  size: number
  mtimeMs: number
}

/** What this process last did at a path on disk (physical, absolute): wrote a version of a file, made a folder, or removed it. */
type OwnDoing = { kind: 'file'; identity: FileIdentity } | { kind: 'folder'; ino: number } | { kind: 'removed' }

/** By physical path. Old ones are forgotten first: a forgotten write only costs one event that says "changed". */
const doings = new Map<string, OwnDoing>()
const REMEMBERED = 20_000

function remember(path: string, doing: OwnDoing): void {
  doings.delete(path)
  doings.set(path, doing)
  if (doings.size > REMEMBERED) doings.delete(doings.keys().next().value as string)
}

/** The version of `path` this process just wrote (recorded before it takes the file's name, so no watcher sees it first). */
export const rememberWritten = (path: string, identity: FileIdentity): void =>
  remember(path, { kind: 'file', identity: { ino: identity.ino, size: identity.size, mtimeMs: identity.mtimeMs } })

/** A folder this process made. */
export const rememberFolder = (path: string, ino: number): void => remember(path, { kind: 'folder', ino })

/** A file or folder this process removed (or moved away). */
export const rememberRemoved = (path: string): void => remember(path, { kind: 'removed' })

/** What a watcher reports about a path: it is there now (with its stats), or it is gone. */
export type SeenOnDisk = { present: true; isFolder: boolean; identity: FileIdentity } | { present: false }

/**
 * Whether what a watcher saw at `path` is this process's own last doing —
 * the very version it wrote (same inode, size and modification time), the
 * folder it made, or its removal — rather than another program's change.
 * Content-blind on purpose: another program writing the same bytes is still
 * a change by someone else, and is reported. A path seen changed by someone
 * else is forgotten, so nothing of theirs is ever taken for ours later.
 */
export function isOwnEcho(seenAt: string, seen: SeenOnDisk): boolean {
  const path = resolve(seenAt)
  const doing = doings.get(path)
  if (seen.present) {
    const own =
      doing?.kind === 'file'
        ? !seen.isFolder && sameVersion(doing.identity, seen.identity)
        : doing?.kind === 'folder' && seen.isFolder && doing.ino === seen.identity.ino
    if (!own) doings.delete(path)
    return own
  }
  if (doing?.kind === 'removed') return true
  if (doing) doings.delete(path)
  // A file inside a folder this process removed (a client moved to the trash): gone with it.
  for (let folder = dirname(path); folder !== dirname(folder); folder = dirname(folder)) {
    if (doings.get(folder)?.kind === 'removed') return !existsSync(folder)
  }
  return false
}

/** The same version of a file: same inode, size and modification time. */
export const sameVersion = (a: FileIdentity, b: FileIdentity): boolean => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs
