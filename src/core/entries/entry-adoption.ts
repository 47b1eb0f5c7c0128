import { join } from 'node:path'
import type { EntrySummary } from '../../shared/domain'
import { RapportError, fileError } from '../errors'
import { syncFolder, writeFileAtomic } from '../fs/atomic-write'
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

/** How a file is written durably at a vault path, its folder's flush left to the caller: `writeFileAtomic` by default. */
export type WriteDurably = (logicalTarget: string, bytes: Uint8Array) => Promise<void>

/**
 * How one adoption writes: `deferFolderSync` leaves flushing the folder to the run's `finish`; `madeFolder` skips making a folder made already;
 * `writeFile`, with the folder's flush deferred, writes it elsewhere (an import's thread: transfer/import-writes.ts).
 */
export interface AdoptWrite {
  deferFolderSync?: boolean
  madeFolder?: boolean
  writeFile?: WriteDurably
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
  { deferFolderSync = false, madeFolder = false, writeFile }: AdoptWrite
): Promise<PreparedEntryFile> {
  const file = input.prepared ?? prepareEntryFile(serializeFrontMatter(input.original, adoptedFields(input)), input.body)
  try {
    if (!madeFolder) await ensureFolder(join(root, input.folder))
    if (writeFile && deferFolderSync) await writeFile(join(root, relative), file.bytes)
    else await writeFileAtomic(join(root, relative), file.bytes, { deferFolderSync })
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
 * date), and flushing the folder after each file (here each folder is flushed
 * once, by `finish`, which the import awaits before it reports anything as
 * imported). Every file is still written whole and flushed before its name
 * appears, as a single adoption does.
 *
 * Adoptions may be under way at once (the import overlaps their flushes):
 * each takes its name when it is called, in the order they are called, and
 * an id already being adopted is refused like one already in the vault.
 * `writeFile`: how each file is written, when not here (see `AdoptWrite`).
 */
export function adoptionRun(
  root: string,
  taken: Set<string>,
  adoptOne: (input: AdoptInput, taken: Set<string>, write: AdoptWrite) => Promise<EntrySummary>,
  writeFile?: WriteDurably
): EntryAdoption {
  const folders = new Set<string>()
  const adopting = new Set<string>()
  return {
    adopt: async (input) => {
      const id = input.fields.id
      if (adopting.has(id)) throw new RapportError('conflict', `The id ${id} is already used by another note of this import.`)
      adopting.add(id)
      try {
        const summary = await adoptOne(input, taken, { deferFolderSync: true, madeFolder: folders.has(input.folder), writeFile })
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
