/**
 * `writeFileAtomic` (atomic-write.ts) cut in two, for a thread that writes
 * many new files for another one (an import's: fs/new-files.ts):
 *
 * 1. `writeTemps`: each file's bytes go whole to its temporary file, are
 *    flushed to disk, and the version written is read back (its identity);
 * 2. `renameIntoPlace`: each temporary file takes its target's name, a new
 *    one (nothing is put over a file here).
 *
 * Between the two, the thread that asked records each identity as its own
 * write (own-writes.ts), so its watcher never takes the rename for someone
 * else's change; the temporary names were made and registered there too
 * (`tempPathFor`), so nothing there cleans them up meanwhile.
 *
 * The file operations are given (`FileOps`): blocking ones on a thread of
 * its own, where nothing else waits and the system time of creating and
 * renaming files is spent at that thread's lower priority rather than in
 * the shared thread pool; the callback ones where something else does wait.
 * The flush goes through the thread pool in both, so many overlap.
 */
import * as fs from 'node:fs'
import { promisify } from 'node:util'
import type { FileIdentity } from './own-writes'
import { sameVersion } from './own-writes'

/** A file to write: its temporary path beside the target (on disk, as `tempPathFor` named it) and its bytes. */
export interface TempFile {
  temp: string
  bytes: Uint8Array
}

/** A temporary file to put in place: `identity` is the version `writeTemps` wrote. */
export interface TempInPlace {
  temp: string
  target: string
  identity: FileIdentity
}

/** Why one file could not be written, in a form that crosses threads: `code` is Node's (`ENOSPC`), for `fileError`. */
export interface WriteFailure {
  failed: { code: string | null; message: string }
}

/** The file operations the two steps use: each may answer at once or by promise. */
export interface FileOps {
  open(path: string): number | Promise<number>
  write(fd: number, bytes: Uint8Array): void | Promise<void>
  stat(fd: number): FileIdentity | Promise<FileIdentity>
  close(fd: number): void | Promise<void>
  rename(from: string, to: string): void | Promise<void>
  unlink(path: string): void | Promise<void>
  /** The identity of the file at `path` now, or null when there is none. */
  identityAt(path: string): FileIdentity | null | Promise<FileIdentity | null>
}

const fsync = promisify(fs.fsync)
// Created, never opened: a link put at the name by someone else is not followed.
const TEMP_FLAGS = 'wx'
const identityOf = ({ ino, size, mtimeMs }: fs.Stats): FileIdentity => ({ ino, size, mtimeMs })

/** Blocking operations, for a thread of its own. */
export const blockingFileOps: FileOps = {
  open: (path) => fs.openSync(path, TEMP_FLAGS, 0o644),
  write: (fd, bytes) => {
    for (let at = 0; at < bytes.byteLength;) at += fs.writeSync(fd, bytes, at)
  },
  stat: (fd) => identityOf(fs.fstatSync(fd)),
  close: (fd) => fs.closeSync(fd),
  rename: (from, to) => fs.renameSync(from, to),
  unlink: (path) => fs.unlinkSync(path),
  identityAt: (path) => {
    const stats = fs.statSync(path, { throwIfNoEntry: false })
    return stats ? identityOf(stats) : null
  }
}

const openFile = promisify(fs.open)
const writeAll = promisify(fs.write)
const fstat = promisify(fs.fstat)
const closeFile = promisify(fs.close)
const renameFile = promisify(fs.rename)
const unlinkFile = promisify(fs.unlink)
const stat = promisify(fs.stat)

/** The callback operations (lighter than `fs/promises`' FileHandles for many small files), for a thread that answers others. */
export const callbackFileOps: FileOps = {
  open: (path) => openFile(path, TEMP_FLAGS, 0o644),
  write: async (fd, bytes) => {
    for (let at = 0; at < bytes.byteLength;) at += (await writeAll(fd, bytes, at)).bytesWritten
  },
  stat: async (fd) => identityOf(await fstat(fd)),
  close: (fd) => closeFile(fd),
  rename: (from, to) => renameFile(from, to),
  unlink: (path) => unlinkFile(path),
  identityAt: async (path) => {
    try {
      return identityOf(await stat(path))
    } catch (error) {
      // Only "no such file" means the name is free; any other failure is not taken for it (as `statSync` above).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }
}

/** Step 1 for each file, all at once (their flushes overlap): the identity written, or why not (its temporary file then removed). */
export function writeTemps(files: readonly TempFile[], ops: FileOps): Promise<Array<FileIdentity | WriteFailure>> {
  return Promise.all(files.map((file) => writeTemp(file, ops).catch(failure)))
}

async function writeTemp({ temp, bytes }: TempFile, ops: FileOps): Promise<FileIdentity | WriteFailure> {
  const fd = await openNew(temp, ops)
  try {
    await ops.write(fd, bytes)
    await fsync(fd)
    // Read before the close, from the descriptor: the version that takes the target's name.
    const identity = await ops.stat(fd)
    await ops.close(fd)
    return identity
  } catch (error) {
    await quietly(() => ops.close(fd))
    await quietly(() => ops.unlink(temp))
    throw error
  }
}

/**
 * The temporary file created. It can be there already only as this
 * process's own, half written: its name is random and was made here, and a
 * write is asked again when the thread writing it stopped.
 */
async function openNew(temp: string, ops: FileOps): Promise<number> {
  try {
    return await ops.open(temp)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    await ops.unlink(temp)
    return ops.open(temp)
  }
}

/**
 * Step 2 for each file, in order: null when it is in place, or why not (its
 * temporary file then removed). A target is always a new name: one that a
 * file has by now (another program's, made since the name was chosen) is
 * refused with EEXIST, never replaced. A temporary file already gone whose
 * target is the very version written was put in place by a thread that
 * stopped before it could say so.
 */
export async function renameIntoPlace(files: readonly TempInPlace[], ops: FileOps): Promise<Array<null | WriteFailure>> {
  const placed: Array<null | WriteFailure> = []
  for (const { temp, target, identity } of files) {
    try {
      const there = await ops.identityAt(target)
      if (there) {
        if (sameVersion(there, identity)) {
          await quietly(() => ops.unlink(temp))
          placed.push(null)
          continue
        }
        throw Object.assign(new Error('another file took the name meanwhile'), { code: 'EEXIST' })
      }
      await ops.rename(temp, target)
      placed.push(null)
    } catch (error) {
      await quietly(() => ops.unlink(temp))
      placed.push(failure(error))
    }
  }
  return placed
}

/** A clean-up step whose own failure changes nothing (the error being reported is the first one); sync or not. */
async function quietly(step: () => unknown): Promise<void> {
  try {
    await step()
  } catch {
    // Nothing more to do.
  }
}

function failure(error: unknown): WriteFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return { failed: { code: typeof code === 'string' ? code : null, message: error instanceof Error ? error.message : String(error) } }
}

/** A failure back as an error `fileError` knows (its Node code kept). */
export function failureError({ failed }: WriteFailure): Error {
  return Object.assign(new Error(failed.message), failed.code ? { code: failed.code } : {})
}

export const isFailure = (answer: unknown): answer is WriteFailure => typeof answer === 'object' && answer !== null && 'failed' in answer
