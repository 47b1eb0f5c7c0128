import { join } from 'node:path'
import type { EntrySummary } from '../../shared/domain'
import { RapportError, fileError } from '../errors'
import { syncFolder, writeFileAtomic } from '../fs/atomic-write'
import { toVaultPath } from '../fs/layout'
import type { NewFiles } from '../fs/new-files'
import { readdir } from '../fs/vault-files'
import { ensureFolder } from '../fs/ensure-folder'
import { mapInOrder } from '../map-in-order'
import { excerptOf } from '../../shared/markdown'
import { fileVersion } from '../fs/file-version'
import type { EntryFile } from './entry-file'
import { serializeFrontMatter } from './entry-file'
import type { EntryRecord } from './entry-records'
import { EXCERPT_BYTES, recordOf } from './entry-records'

/** An entry written elsewhere, as `adopt` takes it. */
export interface AdoptInput {
  clientId: string | null
  folder: string
  original: EntryFile | null
  fields: Record<string, unknown> & { id: string; title: string; created: string }
  body: string
  /**
   * The whole file already written out from `original`, `fields` and `body`
   * (an import does it on its own thread: see transfer/import-thread.ts), so
   * it is not written out again here.
   */
  prepared?: PreparedEntryFile
  /** The file name's stem (`fileStem` of its date and title), when already worked out there too. */
  stem?: string
}

/** An adopted entry's file as bytes, with what its summary needs from them: taken in as they are, nothing parsed or hashed again. */
export interface PreparedEntryFile {
  bytes: Uint8Array
  version: string
  excerpt: string
}

const utf8 = new TextEncoder()

/** Folders flushed to disk at once at the end of a run. */
const FLUSHES_AT_ONCE = 16

/** The file `writeAdopted` would write for this front matter (`serializeFrontMatter`'s) and body, prepared. */
export function prepareEntryFile(frontMatter: string, body: string): PreparedEntryFile {
  const bytes = utf8.encode(frontMatter + body)
  return { bytes, version: fileVersion(bytes), excerpt: excerptOf(body.slice(0, EXCERPT_BYTES)) }
}

/** A run of adoptions (see `EntryStore.startAdoption`); `finish` flushes the folders and says which could not be flushed. */
export interface EntryAdoption {
  adopt(input: AdoptInput): Promise<EntrySummary>
  finish(): Promise<Array<{ folder: string; reason: string }>>
}

/**
 * How one adoption writes. Alone (`EntryStore.adopt`), its file is written
 * and its folder flushed here. In a run, `newFiles` writes it (perhaps on
 * another thread: an import's), its name already checked against the
 * folder's listing, and the run's `finish` flushes the folder;
 * `madeFolder` skips making a folder made already.
 */
export interface AdoptWrite {
  madeFolder?: boolean
  newFiles?: NewFiles
}

/**
 * Writes an adopted entry's file at `relative`: its own id and fields, and
 * `original`'s front matter kept (fields Rapport does not know keep their
 * comments and order). What was written comes back, prepared.
 */
export async function writeAdopted(
  root: string,
  input: AdoptInput,
  relative: string,
  { madeFolder = false, newFiles }: AdoptWrite
): Promise<PreparedEntryFile> {
  const file = input.prepared ?? prepareEntryFile(serializeFrontMatter(input.original, adoptedFields(input)), input.body)
  try {
    if (!madeFolder) await ensureFolder(join(root, input.folder))
    if (newFiles) await newFiles.write(join(root, relative), file.bytes)
    else await writeFileAtomic(join(root, relative), file.bytes)
  } catch (error) {
    throw fileError(error, 'create', relative)
  }
  return file
}

/** The fields an adopted entry's front matter is given: its own id and client first, then the rest (`undefined` removes a field). */
export function adoptedFields(input: Pick<AdoptInput, 'clientId' | 'fields'>): Record<string, unknown> {
  const { id, ...rest } = input.fields
  return { id, client: input.clientId ?? undefined, ...rest }
}

/**
 * The record of an adopted entry's file as it was just written, without
 * reading its YAML back: `original`'s fields with the given ones set over
 * them, as `serializeFrontMatter` writes them.
 */
export function adoptedRecord(relative: string, input: AdoptInput, file: PreparedEntryFile): EntryRecord {
  const fields: Record<string, unknown> = { ...input.original?.fields }
  for (const [key, value] of Object.entries(adoptedFields(input))) {
    if (value === undefined) delete fields[key]
    else fields[key] = value
  }
  return { ...recordOf(relative, input.clientId, { fields, yaml: null, gap: '', body: '' }, file.version, file.bytes.length), excerpt: file.excerpt }
}

/**
 * Many adoptions in a row (an import of thousands of notes). Two things that
 * are right for one entry cost too much for ten thousand: gathering every file
 * name in use for each new file (here `taken` is gathered once and kept up to
 * date, with each folder's names on disk read once, not looked up for each
 * name), and flushing the folder after each file (here each folder is
 * flushed once, by `finish`, which the import awaits before it reports
 * anything as imported). Every file is still written whole and flushed
 * before its name appears, as a single adoption does, and never over
 * another (`newFiles`: see fs/new-files.ts).
 *
 * Adoptions may be under way at once (the import overlaps their flushes):
 * each takes its name when it is called, in the order they are called, and
 * an id already being adopted is refused like one already in the vault.
 */
export function adoptionRun(
  root: string,
  taken: Set<string>,
  adoptOne: (input: AdoptInput, taken: Set<string>, write: AdoptWrite) => Promise<EntrySummary>,
  newFiles: NewFiles
): EntryAdoption {
  const folders = new Set<string>()
  const adopting = new Set<string>()
  const listings = new Map<string, Promise<void>>()
  /** Every name in the folder on disk, in `taken` (read once; a folder not there yet has none). */
  const listed = (folder: string): Promise<void> => {
    let listing = listings.get(folder)
    if (!listing) {
      listing = readdir(join(root, folder)).then(
        (names) => void names.forEach((name) => taken.add(toVaultPath(folder, name).toLowerCase())),
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw fileError(error, 'list', folder)
        }
      )
      listings.set(folder, listing)
    }
    return listing
  }
  return {
    adopt: async (input) => {
      const id = input.fields.id
      if (adopting.has(id)) throw new RapportError('conflict', `The id ${id} is already used by another note of this import.`)
      adopting.add(id)
      try {
        // Awaited by each adoption into the folder in the order they were called, so they still take their names in that order.
        await listed(input.folder)
        const summary = await adoptOne(input, taken, { madeFolder: folders.has(input.folder), newFiles })
        folders.add(input.folder)
        return summary
      } finally {
        adopting.delete(id)
      }
    },
    finish: async () => {
      // Several at once: an import into 500 clients' journals waited on each flush in turn.
      const flushed = await mapInOrder([...folders], FLUSHES_AT_ONCE, (folder) =>
        syncFolder(join(root, folder)).then(
          () => null,
          (error: unknown) => ({ folder, reason: fileError(error, 'flush to disk', folder).message })
        )
      )
      folders.clear()
      return flushed.filter((failure) => failure !== null)
    }
  }
}
