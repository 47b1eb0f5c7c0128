/**
 * Turning encryption on or off: every file of the vault is written again in
 * the other form. A crash (or a full disk) at any moment loses nothing:
 *
 *  1. A journal, `rapport-conversion.json`, names the direction and the
 *     top-level folders involved, by their plain and their encrypted names.
 *  2. The new form is written *beside* the old one. That is possible because
 *     an encrypted folder's physical name (`Xk3…`, see crypto/names.ts) can
 *     never be a plain one (`clients`): the two trees share the vault folder
 *     without touching. Every file and folder is flushed to disk.
 *  3. The commit is one atomic step on one file: writing the header
 *     `rapport-encryption.json` (encrypting) or removing it (decrypting).
 *     Before it the vault is what it was; after it, what it becomes.
 *  4. The old form is removed, then the journal.
 *
 * `recoverConversion`, run before any vault is opened, finishes step 4 after
 * a commit, or removes the half-written new form before one. It deletes only
 * the folders the journal names, in the form that is not the vault's.
 *
 * Left out on purpose: `.rapport/cache` (rebuilt from the files; an old
 * cache must not survive in plain next to an encrypted vault) and temporary
 * files. Anything else at the root that is not Rapport's (a `.git`, a sync
 * tool's folder, a file someone put there) is left as it is, in the clear.
 */
import { mkdir as mkdirRaw, open, readFile as readRaw, readdir as readdirRaw, rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { VAULT_HEADER_FILE } from '../crypto/key-check'
import type { VaultHeader } from '../crypto/key-check'
import { MAX_NAME_BYTES } from '../crypto/names'
import type { VaultKey } from '../crypto/vault-key'
import { RapportError, fileError } from '../errors'
import { isTempFile, syncFolder, syncPhysicalFolder, writeFileAtomic } from '../fs/atomic-write'
import { ensureFolder } from '../fs/ensure-folder'
import { formatJson } from '../fs/durable-json-file'
import { readLargeFile, writeLargeFileAtomic } from '../fs/large-files'
import { mountEncrypted, readdir } from '../fs/vault-files'
import type { FolderItem } from '../fs/vault-files'
import { layout } from '../fs/layout'
import { mapInOrder } from '../map-in-order'
import { readVaultHeader } from './vault-header'

export const CONVERSION_JOURNAL = 'rapport-conversion.json'
/** The vault's own top-level folders: what is converted. */
const CONVERTED: readonly string[] = [layout.clientsDir, layout.journalDir, layout.templatesDir, layout.appDir]
/** Derived, rebuilt on demand: never converted, and removed with the old form. */
const NOT_CONVERTED: ReadonlySet<string> = new Set([`${layout.appDir}/cache`])
/** Files written together: enough to overlap their flushes, few enough to stay far from the open-files limit. */
const WRITES_AT_ONCE = 16

const journalSchema = z.object({
  format: z.literal('rapport-conversion'),
  version: z.literal(1),
  direction: z.enum(['encrypt', 'decrypt']),
  /** Top-level folders by their plain names, and the same folders' physical names in the encrypted form. */
  folders: z.array(z.object({ plain: z.string().regex(/^[.a-z]+$/), encrypted: z.string().regex(/^[A-Za-z0-9_-]+$/) }))
})
type ConversionJournal = z.infer<typeof journalSchema>

/** Where a test can stop a conversion as a crash would; nothing else passes these. */
export interface ConversionFaults {
  /** Called after each file of the new form is written (1, 2, 3…). */
  afterFile?: (count: number) => void
  /** Called once the commit (header written or removed) is on disk, before the old form is removed. */
  afterCommit?: () => void
}

export interface ConversionReport {
  files: number
  folders: number
  /** Items at the vault's root that are not Rapport's, left as they were (names only). */
  leftAlone: string[]
}

/** Encrypts the plain vault at `root` with `key` (whose header is `header`). The vault must not be open. */
export async function encryptVault(root: string, header: VaultHeader, key: VaultKey, faults: ConversionFaults = {}): Promise<ConversionReport> {
  await recoverConversion(root)
  if (await readVaultHeader(root)) throw new RapportError('invalid-input', 'This vault is already encrypted.')
  const present = await presentPlainFolders(root)
  await checkNamesFit(root, present)
  const journal: ConversionJournal = {
    format: 'rapport-conversion',
    version: 1,
    direction: 'encrypt',
    folders: present.map((plain) => ({ plain, encrypted: key.encryptName('', plain) }))
  }
  await writeJournal(root, journal)
  const unmount = mountEncrypted(root, key)
  let report: Omit<ConversionReport, 'leftAlone'>
  try {
    report = await copyTrees(
      present,
      { list: (rel) => listRaw(root, rel), read: (rel) => readRaw(join(root, rel)) },
      {
        makeFolder: (rel) => ensureFolder(join(root, rel)),
        // A photo is sealed on the sealing thread (fs/large-files.ts): 30 ms of pure-JS cipher each, not on the window's thread.
        write: (rel, bytes) => writeLargeFileAtomic(join(root, rel), bytes, { deferFolderSync: true }),
        flushFolder: (rel) => syncFolder(join(root, rel))
      },
      faults
    )
  } finally {
    unmount()
  }
  await writeFileAtomic(join(root, VAULT_HEADER_FILE), formatJson(header))
  faults.afterCommit?.()
  await finish(root, journal, 'plain')
  return { ...report, leftAlone: await leftAlone(root, journal) }
}

/** Decrypts the encrypted vault at `root`, which `key` unlocks. The vault must not be open. */
export async function decryptVault(root: string, key: VaultKey, faults: ConversionFaults = {}): Promise<ConversionReport> {
  await recoverConversion(root)
  if (!(await readVaultHeader(root))) throw new RapportError('invalid-input', 'This vault is not encrypted.')
  // A plain folder already there would be mixed with the decrypted one, and removed if this is undone: ask first.
  const inTheWay = (await readdirRaw(root)).filter((name) => CONVERTED.includes(name))
  if (inTheWay.length > 0)
    throw new RapportError(
      'conflict',
      `The encrypted vault also has an unencrypted "${inTheWay[0]}" folder, which is not Rapport's. Move it out of the vault folder, then turn encryption off again.`,
      inTheWay[0]
    )
  const unmount = mountEncrypted(root, key)
  let report: Omit<ConversionReport, 'leftAlone'>
  const journal: ConversionJournal = { format: 'rapport-conversion', version: 1, direction: 'decrypt', folders: [] }
  try {
    const listed = new Set(await readdir(root))
    const present = CONVERTED.filter((name) => listed.has(name))
    journal.folders = present.map((plain) => ({ plain, encrypted: key.encryptName('', plain) }))
    await writeJournal(root, journal)
    report = await copyTrees(
      present,
      { list: (rel) => readdir(join(root, rel), { withFileTypes: true }), read: (rel) => readLargeFile(join(root, rel)) },
      {
        makeFolder: (rel) => mkdirRaw(join(root, rel), { recursive: true }).then(() => undefined),
        write: (rel, bytes) => writeRaw(join(root, rel), bytes),
        flushFolder: (rel) => syncPhysicalFolder(join(root, rel))
      },
      faults
    )
  } finally {
    unmount()
  }
  await unlink(join(root, VAULT_HEADER_FILE))
  await syncPhysicalFolder(root)
  faults.afterCommit?.()
  await finish(root, journal, 'encrypted')
  return { ...report, leftAlone: await leftAlone(root, journal) }
}

/**
 * Completes or undoes a conversion a crash interrupted (see the top of this
 * file); does nothing when there is no journal. Needs no passphrase: it only
 * removes one form, chosen by whether the header is there.
 */
export async function recoverConversion(root: string): Promise<'none' | 'finished' | 'undone'> {
  let text: string
  try {
    text = await readRaw(join(root, CONVERSION_JOURNAL), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none'
    throw error
  }
  let journal: ConversionJournal
  try {
    journal = journalSchema.parse(JSON.parse(text))
  } catch {
    throw new RapportError(
      'broken-file',
      `${CONVERSION_JOURNAL} is damaged, so Rapport cannot tell how far turning encryption on or off got. Nothing was changed; keep a copy of the vault folder and ask for help.`,
      CONVERSION_JOURNAL
    )
  }
  const encrypted = (await readVaultHeader(root)) !== null
  // Committed: the vault is in its new form; remove the old. Not committed: remove the half-made new form.
  const committed = encrypted === (journal.direction === 'encrypt')
  await finish(root, journal, encrypted ? 'plain' : 'encrypted')
  return committed ? 'finished' : 'undone'
}

// ---------------------------------------------------------------------------

interface Source {
  list(rel: string): Promise<FolderItem[]>
  read(rel: string): Promise<Uint8Array>
}
interface Target {
  makeFolder(rel: string): Promise<void>
  write(rel: string, bytes: Uint8Array): Promise<void>
  flushFolder(rel: string): Promise<void>
}

async function copyTrees(tops: readonly string[], source: Source, target: Target, faults: ConversionFaults): Promise<Omit<ConversionReport, 'leftAlone'>> {
  const folders: string[] = []
  const files: string[] = []
  const copyFolder = async (rel: string): Promise<void> => {
    if (NOT_CONVERTED.has(rel)) return
    await target.makeFolder(rel)
    folders.push(rel)
    for (const item of await source.list(rel)) {
      const child = `${rel}/${item.name}`
      if (isTempFile(item.name)) continue
      if (item.isDirectory()) await copyFolder(child)
      else if (item.isFile()) files.push(child)
    }
  }
  for (const top of tops) await copyFolder(top)
  // Every file still goes to the disk whole and is flushed before its name appears, but several at once: one file
  // at a time left the disk idle between flushes, and made the time depend on each flush's wait (see
  // bench/encryption.bench.ts). A failure stops the run only once the writes under way are done, so the clean-up
  // of the half-made form never races one.
  let written = 0
  await mapInOrder(files, WRITES_AT_ONCE, async (rel) => {
    await target.write(rel, await source.read(rel))
    faults.afterFile?.(++written)
  })
  // Their names are durable once each folder is.
  for (const folder of folders.reverse()) await target.flushFolder(folder)
  return { files: files.length, folders: folders.length }
}

/** Encrypted names hold at most MAX_NAME_BYTES (crypto/names.ts); a longer one is found before anything is written. */
async function checkNamesFit(root: string, tops: readonly string[]): Promise<void> {
  const visit = async (rel: string): Promise<void> => {
    if (NOT_CONVERTED.has(rel)) return
    for (const item of await listRaw(root, rel)) {
      if (isTempFile(item.name)) continue
      const child = `${rel}/${item.name}`
      if (Buffer.byteLength(item.name) > MAX_NAME_BYTES)
        throw new RapportError(
          'invalid-input',
          `${child} has a name too long to encrypt (${Buffer.byteLength(item.name)} bytes; at most ${MAX_NAME_BYTES}). Rename it, then turn encryption on again. Nothing was changed.`,
          child
        )
      if (item.isDirectory()) await visit(child)
    }
  }
  for (const top of tops) await visit(top)
}

async function presentPlainFolders(root: string): Promise<string[]> {
  const names = new Set(await readdirRaw(root))
  return CONVERTED.filter((name) => names.has(name))
}

async function listRaw(root: string, rel: string): Promise<FolderItem[]> {
  return readdirRaw(join(root, rel), { withFileTypes: true })
}

async function writeRaw(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'w', 0o644)
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function writeJournal(root: string, journal: ConversionJournal): Promise<void> {
  try {
    await writeFileAtomic(join(root, CONVERSION_JOURNAL), formatJson(journal))
  } catch (error) {
    throw fileError(error, 'start converting', CONVERSION_JOURNAL)
  }
}

/** Removes the `form` the vault no longer has (the journal's folders in that form), then the journal. */
async function finish(root: string, journal: ConversionJournal, form: 'plain' | 'encrypted'): Promise<void> {
  for (const folder of journal.folders)
    await rm(join(root, form === 'plain' ? folder.plain : folder.encrypted), { recursive: true, force: true, maxRetries: 3 })
  await syncPhysicalFolder(root)
  await unlink(join(root, CONVERSION_JOURNAL)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
  })
  await syncPhysicalFolder(root)
}

async function leftAlone(root: string, journal: ConversionJournal): Promise<string[]> {
  const ours = new Set([...journal.folders.flatMap((f) => [f.plain, f.encrypted]), 'rapport.json', VAULT_HEADER_FILE, CONVERSION_JOURNAL])
  return (await readdirRaw(root)).filter((name) => !ours.has(name) && !isTempFile(name)).sort()
}
