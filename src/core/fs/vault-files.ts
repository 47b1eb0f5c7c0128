import * as fs from 'node:fs'
import * as fsp from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import type { VaultKey } from '../crypto/vault-key'
import { RapportError } from '../errors'
import { isSealed } from '../crypto/envelope'
import { splitConflictSuffix } from '../crypto/names'
import { rememberFolder, rememberRemoved } from './own-writes'

/**
 * Every file operation the core makes inside a vault goes through here, so
 * an encrypted vault needs no special case anywhere else.
 *
 * It works like a mount table: `mountEncrypted(root, key)` says "files under
 * root are encrypted"; a path under a mounted root is a *logical* path — what
 * the core thinks it is reading, e.g. `<root>/clients/anna/journal/x.md` —
 * and is translated here to its *physical* path (each name encrypted,
 * src/core/crypto/names.ts) and its bytes sealed or opened
 * (src/core/crypto/envelope.ts). Paths outside every mount, and every path
 * when nothing is mounted (a plain vault), go straight to node:fs. The core's
 * modules keep building ordinary paths from the vault root; none of them
 * knows whether the vault is encrypted, and none can write plaintext into an
 * encrypted one by forgetting to.
 */

/** Files at the root of an encrypted vault that stay in the clear: they hold nothing private, and are needed before unlocking. */
export const PLAIN_ROOT_FILES: ReadonlySet<string> = new Set(['rapport.json', 'rapport-encryption.json', 'rapport-conversion.json'])
/** Temporary files are named so that a later open can recognise and remove leftovers; in an encrypted vault, after the encrypted name. */
export const TEMP_PREFIX = '.rapport-tmp-'

interface Mount {
  root: string
  key: VaultKey
  /** logical vault path → physical name of its last segment, and the path its contents are sealed for. Filled by encrypting and listing. */
  names: Map<string, { physical: string; sealedFor: string }>
  /** physical vault path → logical vault path, for the watcher. */
  logical: Map<string, string>
}

const mounts: Mount[] = []

/**
 * Marks the files under `root` as encrypted with `key` until the returned
 * function is called (on lock or close). Mounting a root twice is a bug.
 */
export function mountEncrypted(root: string, key: VaultKey): () => void {
  const absolute = resolve(root)
  if (mounts.some((m) => m.root === absolute)) throw new RapportError('internal', `${absolute} is already open as an encrypted vault.`)
  const mount: Mount = { root: absolute, key, names: new Map(), logical: new Map() }
  mounts.push(mount)
  return () => {
    const index = mounts.indexOf(mount)
    if (index >= 0) mounts.splice(index, 1)
    mount.names.clear()
    mount.logical.clear()
  }
}

export const isEncryptedMount = (root: string): boolean => mounts.some((m) => m.root === resolve(root))

/** Where a logical path is on disk, and how its contents are sealed (null `mount`: plain). */
interface Resolved {
  physical: string
  mount: Mount | null
  /** The logical vault path, '' for the root. */
  logical: string
  /** The logical path the file's contents are bound to (differs for a sync tool's conflict copy). */
  sealedFor: string
}

function mountOf(absolute: string): Mount | null {
  for (const mount of mounts) if (absolute === mount.root || absolute.startsWith(mount.root + sep)) return mount
  return null
}

export function resolvePath(path: string): Resolved {
  const absolute = resolve(path)
  const mount = mountOf(absolute)
  if (!mount) return { physical: absolute, mount: null, logical: '', sealedFor: '' }
  const segments = absolute === mount.root ? [] : absolute.slice(mount.root.length + 1).split(sep)
  if (segments.length > 0 && PLAIN_ROOT_FILES.has(segments[0] as string)) return { physical: absolute, mount: null, logical: segments.join('/'), sealedFor: '' }
  const physical: string[] = []
  let parent = ''
  let sealedFor = ''
  for (const segment of segments) {
    const logical = parent === '' ? segment : `${parent}/${segment}`
    const known = segment.startsWith(TEMP_PREFIX) ? { physical: segment, sealedFor: logical } : physicalName(mount, parent, segment, logical)
    physical.push(known.physical)
    sealedFor = known.sealedFor
    parent = logical
  }
  return { physical: join(mount.root, ...physical), mount, logical: parent, sealedFor }
}

function physicalName(mount: Mount, parent: string, segment: string, logical: string): { physical: string; sealedFor: string } {
  let known = mount.names.get(logical)
  if (!known) {
    known = { physical: mount.key.encryptName(parent, segment), sealedFor: logical }
    remember(mount, parent, logical, known)
  }
  return known
}

function remember(mount: Mount, parent: string, logical: string, known: { physical: string; sealedFor: string }): void {
  mount.names.set(logical, known)
  const parentPhysical = parent === '' ? '' : physicalVaultPath(mount, parent)
  mount.logical.set(parentPhysical === '' ? known.physical : `${parentPhysical}/${known.physical}`, logical)
}

function physicalVaultPath(mount: Mount, logical: string): string {
  return resolvePath(join(mount.root, ...logical.split('/')))
    .physical.slice(mount.root.length + 1)
    .split(sep)
    .join('/')
}

/** The physical path of a (logical) path: what to hand to node:fs for operations on names only (fsync a folder, stat). */
export const physicalPath = (path: string): string => resolvePath(path).physical

/** The bytes to write for `data` at the logical `path`: sealed in an encrypted vault, as they are otherwise. */
export function bytesToWrite(path: string, data: string | Uint8Array, sealedElsewhere = false): { physical: string; bytes: string | Uint8Array } {
  const resolved = resolvePath(path)
  if (!resolved.mount) {
    if (sealedElsewhere && typeof data !== 'string' && isSealed(data))
      throw new RapportError('internal', `${path} was sealed for a vault that is no longer open encrypted.`)
    return { physical: resolved.physical, bytes: data }
  }
  if (sealedElsewhere) {
    // Sealed on another thread (with `sealingOf(path)`): checked to be an envelope, so a slip can never write plaintext here.
    if (typeof data === 'string' || !isSealed(data)) throw new RapportError('internal', `${path} was to be sealed elsewhere but is not sealed.`)
    return { physical: resolved.physical, bytes: data }
  }
  const plain = typeof data === 'string' ? new TextEncoder().encode(data) : data
  return { physical: resolved.physical, bytes: resolved.mount.key.seal(plain, resolved.sealedFor) }
}

/**
 * How a file's bytes are sealed when another thread seals or opens them (the
 * search cache: index-host.ts): the key (shared, zeroed on lock: see
 * `VaultKey.sharedContentKey`) and the logical path the bytes are bound to.
 */
export interface Sealing {
  key: Uint8Array
  boundTo: string
}

/** Null in a plain vault (or outside one): the bytes are the file's as they are. */
export const sealingOf = (path: string): Sealing | null => sealingFrom(resolvePath(path))

const sealingFrom = (resolved: Resolved): Sealing | null =>
  resolved.mount ? { key: resolved.mount.key.sharedContentKey(), boundTo: resolved.sealedFor } : null

/** A file's bytes as on disk — sealed, in an encrypted vault — with how to open them (`sealingOf`); for opening them on another thread. */
export async function readSealedFile(path: string): Promise<{ bytes: Buffer; sealing: Sealing | null }> {
  const resolved = resolvePath(path)
  return { bytes: await readBytes(resolved.physical), sealing: sealingFrom(resolved) }
}

function opened(resolved: Resolved, bytes: Buffer): Buffer {
  if (!resolved.mount) return bytes
  const plain = resolved.mount.key.open(bytes, resolved.sealedFor)
  return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength)
}

/** The callback form: for thousands of small files it is markedly faster than `fs/promises`, which opens a FileHandle for each. */
const readBytes = promisify(fs.readFile)

export async function readFile(path: string): Promise<Buffer>
export async function readFile(path: string, encoding: 'utf8'): Promise<string>
export async function readFile(path: string, encoding?: 'utf8'): Promise<Buffer | string> {
  const resolved = resolvePath(path)
  const bytes = opened(resolved, await readBytes(resolved.physical))
  return encoding ? bytes.toString(encoding) : bytes
}

/**
 * Many files' bytes, read from their physical paths by `readPhysical` (on
 * another thread: file-reader-thread.ts) and opened here as `readFile` opens
 * them; null for one that cannot be read or opened.
 */
export async function readFilesVia(
  paths: readonly string[],
  readPhysical: (physical: string[]) => Promise<Array<Buffer | null>>
): Promise<Array<Buffer | null>> {
  const resolved = paths.map(resolvePath)
  const read = await readPhysical(resolved.map((path) => path.physical))
  return read.map((bytes, at) => {
    const where = resolved[at]
    if (!bytes || !where) return null
    try {
      return opened(where, bytes)
    } catch {
      return null
    }
  })
}

/** Files by their physical paths, read on this thread as `readFile` reads one; null for one that cannot be read. */
export const readPhysicalHere = (physical: readonly string[]): Promise<Array<Buffer | null>> =>
  Promise.all(physical.map((path) => readBytes(path).catch(() => null)))

export function readFileSync(path: string): Buffer {
  const resolved = resolvePath(path)
  return opened(resolved, fs.readFileSync(resolved.physical))
}

export const exists = (path: string): boolean => fs.existsSync(resolvePath(path).physical)
export const stat = (path: string): Promise<fs.Stats> => fsp.stat(resolvePath(path).physical)
export const unlink = async (path: string): Promise<void> => removed(resolvePath(path).physical, fsp.unlink)
export const rm = async (path: string, options?: fs.RmOptions): Promise<void> => removed(resolvePath(path).physical, (p) => fsp.rm(p, options))
/** Makes a folder; each one made is remembered as this process's own (own-writes.ts), so the watcher does not report it. */
export const mkdir = async (path: string, options?: fs.MakeDirectoryOptions): Promise<void> => {
  const physical = resolvePath(path).physical
  const first = await fsp.mkdir(physical, options)
  if (!options?.recursive) return rememberFolder(physical, (await fsp.stat(physical)).ino)
  if (first === undefined) return
  for (let folder = physical; folder.length >= first.length; folder = dirname(folder)) rememberFolder(folder, (await fsp.stat(folder)).ino)
}

/** Removes a file or folder, remembered as this process's own doing (own-writes.ts) once done. */
async function removed(physical: string, remove: (physical: string) => Promise<void>): Promise<void> {
  await remove(physical)
  rememberRemoved(physical)
}

/** One name in a folder, by its logical name. */
export interface FolderItem {
  name: string
  isFile(): boolean
  isDirectory(): boolean
}

export async function readdir(path: string): Promise<string[]>
export async function readdir(path: string, options: { withFileTypes: true }): Promise<FolderItem[]>
export async function readdir(path: string, options?: { withFileTypes: true }): Promise<string[] | FolderItem[]> {
  const resolved = resolvePath(path)
  const items = await fsp.readdir(resolved.physical, { withFileTypes: true })
  const listed = resolved.mount ? listEncrypted(resolved.mount, resolved.logical, items) : items
  return options?.withFileTypes ? listed : listed.map((item) => item.name)
}

/**
 * A folder's items by their logical names. Names this vault did not encrypt
 * here (a sync tool's own files, a plain file copied in, one moved from
 * another folder) are not vault files and are left out, untouched. A sync
 * tool's conflict copy is listed under the name it would have in a plain
 * vault (`notes.sync-conflict-….md`), so the same code recognises it.
 */
function listEncrypted(mount: Mount, folder: string, items: fs.Dirent[]): FolderItem[] {
  const listed: FolderItem[] = []
  for (const item of items) {
    const name = logicalName(mount, folder, item.name)
    if (name !== null) listed.push({ name, isFile: () => item.isFile(), isDirectory: () => item.isDirectory() })
  }
  return listed
}

function logicalName(mount: Mount, folder: string, physical: string): string | null {
  if ((folder === '' && PLAIN_ROOT_FILES.has(physical)) || physical.startsWith(TEMP_PREFIX)) return physical
  const split = splitConflictSuffix(physical)
  if (!split) return null
  let base: string
  try {
    base = mount.key.decryptName(folder, split.encryptedName)
  } catch (error) {
    if (error instanceof RapportError && error.code === 'cannot-decrypt') return null
    throw error
  }
  const baseLogical = folder === '' ? base : `${folder}/${base}`
  if (!split.conflict) {
    remember(mount, folder, baseLogical, { physical, sealedFor: baseLogical })
    return base
  }
  const dot = base.lastIndexOf('.')
  const name = dot > 0 ? `${base.slice(0, dot)}${split.conflict.suffix}${base.slice(dot)}` : `${base}${split.conflict.suffix}`
  remember(mount, folder, folder === '' ? name : `${folder}/${name}`, { physical, sealedFor: baseLogical })
  return name
}

/**
 * The logical vault path of a physical path under `root`, for the watcher;
 * null for anything that is not a vault file (or when the vault is locked).
 */
export function logicalVaultPath(root: string, physicalAbsolute: string): string | null {
  const absolute = resolve(physicalAbsolute)
  const mount = mounts.find((m) => m.root === resolve(root))
  if (!mount)
    return absolute === resolve(root)
      ? ''
      : absolute
          .slice(resolve(root).length + 1)
          .split(sep)
          .join('/')
  if (absolute === mount.root) return ''
  const segments = absolute.slice(mount.root.length + 1).split(sep)
  let physicalSoFar = ''
  let logical = ''
  for (const segment of segments) {
    physicalSoFar = physicalSoFar === '' ? segment : `${physicalSoFar}/${segment}`
    const known = mount.logical.get(physicalSoFar)
    if (known !== undefined) {
      logical = known
      continue
    }
    let name: string | null
    try {
      name = logicalName(mount, logical, segment)
    } catch {
      return null
    }
    if (name === null) return null
    logical = logical === '' ? name : `${logical}/${name}`
  }
  return logical
}
