import { join } from 'node:path'
import type { EntrySummary } from '../../shared/domain'
import { RapportError, fileError } from '../errors'
import { syncFolder, writeFileAtomic } from '../fs/atomic-write'
import { ensureFolder } from '../fs/ensure-folder'
import type { EntryFile } from './entry-file'
import { serializeFrontMatter } from './entry-file'

/** An entry written elsewhere, as `adopt` takes it. */
export interface AdoptInput {
  clientId: string | null
  folder: string
  original: EntryFile | null
  fields: Record<string, unknown> & { id: string; title: string; created: string }
  body: string
  /**
   * The front matter (with its `---` lines and the gap after it) already
   * written from `original` and `fields` (an import does it on its own
   * thread: see transfer/import-thread.ts), so it is not written again here.
   */
  frontMatter?: string
  /** The file name's stem (`fileStem` of its date and title), when already worked out there too. */
  stem?: string
}

/** A run of adoptions (see `EntryStore.startAdoption`); `finish` flushes the folders and says which could not be flushed. */
export interface EntryAdoption {
  adopt(input: AdoptInput): Promise<EntrySummary>
  finish(): Promise<Array<{ folder: string; reason: string }>>
}

/** How one adoption writes: `deferFolderSync` leaves flushing the folder to the run's `finish`; `madeFolder` skips making a folder made already. */
export interface AdoptWrite {
  deferFolderSync?: boolean
  madeFolder?: boolean
}

/**
 * Writes an adopted entry's file at `relative`: its own id and fields, and
 * `original`'s front matter kept (fields Rapport does not know keep their
 * comments and order). The text written comes back.
 */
export async function writeAdopted(
  root: string,
  input: AdoptInput,
  relative: string,
  { deferFolderSync = false, madeFolder = false }: AdoptWrite
): Promise<string> {
  const text = (input.frontMatter ?? serializeFrontMatter(input.original, adoptedFields(input))) + input.body
  try {
    if (!madeFolder) await ensureFolder(join(root, input.folder))
    await writeFileAtomic(join(root, relative), text, { deferFolderSync })
  } catch (error) {
    throw fileError(error, 'create', relative)
  }
  return text
}

/** The fields an adopted entry's front matter is given: its own id and client first, then the rest (`undefined` removes a field). */
export function adoptedFields(input: Pick<AdoptInput, 'clientId' | 'fields'>): Record<string, unknown> {
  const { id, ...rest } = input.fields
  return { id, client: input.clientId ?? undefined, ...rest }
}

/**
 * The adopted entry's file as it was just written, without reading its YAML
 * back: `original`'s fields with the given ones set over them, as
 * `serializeFrontMatter` writes them.
 */
export function adoptedFile(input: AdoptInput): EntryFile {
  const fields: Record<string, unknown> = { ...input.original?.fields }
  for (const [key, value] of Object.entries(adoptedFields(input))) {
    if (value === undefined) delete fields[key]
    else fields[key] = value
  }
  return { fields, yaml: null, gap: '', body: input.body }
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
 */
export function adoptionRun(
  root: string,
  taken: Set<string>,
  adoptOne: (input: AdoptInput, taken: Set<string>, write: AdoptWrite) => Promise<EntrySummary>
): EntryAdoption {
  const folders = new Set<string>()
  const adopting = new Set<string>()
  return {
    adopt: async (input) => {
      const id = input.fields.id
      if (adopting.has(id)) throw new RapportError('conflict', `The id ${id} is already used by another note of this import.`)
      adopting.add(id)
      try {
        const summary = await adoptOne(input, taken, { deferFolderSync: true, madeFolder: folders.has(input.folder) })
        folders.add(input.folder)
        return summary
      } finally {
        adopting.delete(id)
      }
    },
    finish: async () => {
      const failed: Array<{ folder: string; reason: string }> = []
      for (const folder of folders) {
        try {
          await syncFolder(join(root, folder))
        } catch (error) {
          failed.push({ folder, reason: fileError(error, 'flush to disk', folder).message })
        }
      }
      folders.clear()
      return failed
    }
  }
}
