import { basename, join } from 'node:path'
import type { ChangedEntry } from '../../shared/contract/vault'
import type { Entry, EntrySummary, VaultProblem } from '../../shared/domain'
import { excerptOf } from '../../shared/markdown'
import { RapportError, fileError } from '../errors'
import { isTempFile, writeFileAtomic } from '../fs/atomic-write'
import { ensureFolder } from '../fs/ensure-folder'
import { fileVersion } from '../fs/file-version'
import { toVaultPath } from '../fs/layout'
import type { FileReaderThread } from '../fs/file-reader-thread'
import { moveToTrash } from '../fs/trash'
import { exists, readFile, readFileSync, unlink } from '../fs/vault-files'
import type { HistoryStore } from '../history/history-store'
import { newId } from '../ids'
import { mapInOrder } from '../map-in-order'
import { parseSyncConflictName } from '../sync-conflicts'
import type { VaultChange } from '../vault-change'
import { conflictsOf, entryInCopy, keepMineBeside, removeCopy } from './conflict-copies'
import type { AdoptInput, AdoptWrite, EntryAdoption } from './entry-adoption'
import { NewFiles } from '../fs/new-files'
import { adoptedRecord, adoptionRun, writeAdopted } from './entry-adoption'
import { WrittenFrontMatter, parseEntryFile, serializeEntryFile } from './entry-file'
import { freeFileName, renamedPath, takenPaths } from './entry-names'
import type { EntryRecord, EntryState, SyncConflict } from './entry-records'
import { EXCERPT_BYTES, emptyState, recordOf, removeProblemsOf, simpleFields, toSummary } from './entry-records'
import { entryFileOfSides, splitGitMarkers } from './git-markers'
import { admit, renameStamp } from './id-claims'
import type { FileRead } from './journal-reader'
import { markdownFiles, readBytes, readEntryFile, recordFrom } from './journal-reader'

/** Files read together while opening a vault: enough to keep a disk busy, few enough to stay far from the open-files limit. */
const READS_AT_ONCE = 32

/** A folder of journal entries, and the client it belongs to (null: the vault's own journal). */
export interface JournalFolder {
  clientId: string | null
  path: string
}

/**
 * The journal entries of a vault: Markdown files with front matter in each
 * client's `journal/` folder (and the vault's own `journal/` for entries that
 * belong to no client). An entry's identity is its `id`; its file name is for
 * people and follows its title.
 *
 * The store is the one reader and writer of entry files. It keeps the
 * in-memory index and writes; its other jobs live beside it: reading files
 * into records (journal-reader.ts), conflicting copies (conflict-copies.ts),
 * file names (entry-names.ts) and bulk import (entry-adoption.ts).
 */
export class EntryStore {
  /**
   * Everything known about the journal, replaced whole when the vault is
   * read again: a request served during a reload sees the old state or the
   * new one, never half of each.
   */
  private state = emptyState()
  /** What saves wrote, so the next save of the entry need not parse its front matter again. */
  private readonly written = new WrittenFrontMatter()
  /** Told of every entry added, changed or removed here (the vault passes it on: see `Vault.onChange`). */
  notify: (change: VaultChange) => void = () => undefined
  /** Whether files may be renamed while reading (not in a vault open read-only); the vault sets it. */
  writable: () => boolean = () => true

  constructor(
    private readonly root: string,
    private readonly history: HistoryStore
  ) {}

  private get records(): Map<string, EntryRecord> {
    return this.state.records
  }

  /** Copies made by sync tools (or by Rapport on a conflicting save), by the vault path of the file they belong to. */
  private get conflictCopies(): Map<string, SyncConflict[]> {
    return this.state.conflictCopies
  }

  /** Files that could not be read as entries, with the reason. */
  get problems(): VaultProblem[] {
    return this.state.problems
  }

  async load(folders: JournalFolder[]): Promise<void> {
    const next = emptyState()
    // Saves do not wait for a load (typing must not), so an entry created, saved or removed while the folders are
    // read may be missing from, or older in, what was read: those are carried over from the live state at the swap.
    const changedMeanwhile = new Set<string>()
    this.loadsUnderWay.add(changedMeanwhile)
    try {
      await this.readInto(next, folders)
    } finally {
      this.loadsUnderWay.delete(changedMeanwhile)
    }
    for (const id of changedMeanwhile) {
      const live = this.records.get(id)
      if (live) next.records.set(id, live)
      else next.records.delete(id)
    }
    this.state = next
  }

  /** Ids changed here while a load is reading the disk, one set per load under way. */
  private readonly loadsUnderWay = new Set<Set<string>>()

  /** Every change to the records goes through here: the vault hears of it, and a load under way keeps it. */
  private changed(change: VaultChange & { kind: 'entry' }): void {
    for (const changedMeanwhile of this.loadsUnderWay) changedMeanwhile.add(change.id)
    this.notify(change)
  }

  private async readInto(next: EntryState, folders: JournalFolder[]): Promise<void> {
    const files: Array<{ relative: string; clientId: string | null }> = []
    for (const folder of folders) {
      for (const relative of await markdownFiles(this.root, folder.path, next)) files.push({ relative, clientId: folder.clientId })
    }
    // Waiting on the disk is most of opening a large vault, and one file at a time leaves it idle between reads.
    // Read several at once, then make the records in order, so which of two files claiming one id wins never depends on timing.
    const contents = await mapInOrder(files, READS_AT_ONCE, ({ relative }) => this.readBytes(relative))
    files.forEach(({ relative, clientId }, index) => {
      const record = recordFrom(relative, clientId, contents[index]!, next)
      // Every file listed here was just read: one that claims an id taken already is a leftover or a clash (id-claims.ts).
      if (record) admit(record, next, () => true)
    })
    // Copies are read together like entries; each is then taken in turn, so the names they get never depend on timing.
    const copies = [...next.conflictCopies.values()].flat()
    const copyContents = await mapInOrder(copies, READS_AT_ONCE, ({ path }) => this.readBytes(path))
    const byPath = new Map([...next.records.values()].map((r) => [r.path, r]))
    for (const [index, copy] of copies.entries()) {
      const entry = await entryInCopy(this.root, this.writable, copy, next, copyContents[index], byPath.get(copy.originalPath))
      if (!entry) continue
      removeCopy(next.conflictCopies, copy.path)
      next.records.set(entry.id, entry)
    }
  }

  /** Every read of an entry file while loading or refreshing goes through here (one place to hold a read in a test). */
  private readBytes(relative: string): Promise<FileRead> {
    return readBytes(this.root, relative)
  }

  /**
   * Brings one file's record up to date after a change on disk (added,
   * changed, renamed away or deleted by another program), without reading
   * the rest of the vault again. Says which entries that changed, in order
   * (an entry re-read is first removed, then back: the last word counts).
   */
  async refresh(relative: string, clientId: string | null): Promise<ChangedEntry[]> {
    const name = basename(relative)
    const readable = name.toLowerCase().endsWith('.md') && !name.startsWith('.') && !isTempFile(name) && exists(join(this.root, relative))
    const conflict = readable ? parseSyncConflictName(name) : null
    // Read first, then swap in without an await, so no request sees the entry missing in between.
    const scratch = emptyState()
    const copy = conflict
      ? { path: relative, originalPath: toVaultPath(relative.slice(0, relative.lastIndexOf('/')), conflict.originalName), tool: conflict.tool }
      : null
    const adopted = copy ? await entryInCopy(this.root, this.writable, copy, this.state) : null
    const fresh = adopted ?? (readable && !conflict ? recordFrom(relative, clientId, await this.readBytes(relative), scratch) : null)
    const changed: ChangedEntry[] = []
    for (const [id, record] of this.records) {
      if (record.path !== relative && record.path !== fresh?.path) continue
      this.forget(id)
      changed.push({ id, clientId: record.clientId, removed: true })
    }
    // A copy beside an entry that came or went changes what that entry shows (its conflict notice).
    const copyOf = [...this.conflictCopies].find(([, copies]) => copies.some((c) => c.path === relative))?.[0]
    removeCopy(this.conflictCopies, relative)
    removeProblemsOf(this.problems, relative)
    this.problems.push(...scratch.problems)
    if (copy && !adopted) this.conflictCopies.set(copy.originalPath, [...(this.conflictCopies.get(copy.originalPath) ?? []), copy])
    for (const original of [copyOf, copy && !adopted ? copy.originalPath : undefined]) {
      const holder = original === undefined ? undefined : [...this.records.values()].find((r) => r.path === original)
      if (holder) changed.push({ id: holder.id, clientId: holder.clientId })
    }
    if (fresh) {
      if (admit(fresh, this.state, (path) => exists(join(this.root, path)))) this.changed({ kind: 'entry', id: fresh.id })
      // Said to the window even when the file is not listed (a rename's leftover): the vault's problems changed with it.
      changed.push({ id: fresh.id, clientId: fresh.clientId })
    }
    return changed
  }

  /**
   * Every conflict in the vault: each conflicting copy, with the entry it
   * belongs to (null when that file is gone), and each entry whose file holds
   * git's conflict markers (its own path, tool "git").
   */
  conflicts(): Array<SyncConflict & { entryId: string | null }> {
    return conflictsOf(this.state)
  }

  list(clientId: string | null): EntrySummary[] {
    return [...this.records.values()]
      .filter((r) => r.clientId === clientId)
      .sort((a, b) => b.created.localeCompare(a.created) || b.id.localeCompare(a.id))
      .map((r) => this.summary(r))
  }

  private summary(record: EntryRecord): EntrySummary {
    const copies = [...(record.markers ? [record.path] : []), ...(this.conflictCopies.get(record.path) ?? []).map((c) => c.path)]
    return copies.length > 0 ? { ...toSummary(record), conflicts: copies } : toSummary(record)
  }

  /** One entry as last read or written, with its file's version; for what is kept beside the store (the search index). */
  withVersion(id: string): Readonly<EntrySummary & { version: string }> | undefined {
    return this.records.get(id)
  }

  /** Every entry, as `withVersion` gives it. */
  allWithVersions(): Array<Readonly<EntrySummary & { version: string }>> {
    return [...this.records.values()]
  }

  /** The Day One ids of the entries imported from Day One, from their front matter as last read: no file is read for them. */
  dayOneIds(): Set<string> {
    const ids = new Set<string>()
    for (const r of this.records.values()) if (r.dayOneId !== undefined) ids.add(r.dayOneId)
    return ids
  }

  countFor(clientId: string | null): { count: number; last?: string } {
    let count = 0
    let last: string | undefined
    for (const r of this.records.values()) {
      if (r.clientId !== clientId) continue
      count++
      if (!last || r.created > last) last = r.created
    }
    return last === undefined ? { count } : { count, last }
  }

  private get(id: string): EntryRecord {
    const record = this.records.get(id)
    // Said the same way whether the id never existed (a typo on the command line) or the entry was deleted since.
    if (!record) throw new RapportError('not-found', `No entry has the id ${JSON.stringify(id)}; it may have been deleted, or the id mistyped.`)
    return record
  }

  async read(id: string): Promise<Entry> {
    const record = this.get(id)
    const { file, version, text } = await readEntryFile(this.root, record)
    // With git's conflict markers, this computer's side is what opens (never the markers as text); saves wait for a choice.
    const sides = splitGitMarkers(text)
    const shown = sides ? entryFileOfSides(sides.mine, sides.theirs) : file
    return { ...this.summary(record), body: shown.body, fields: simpleFields(shown.fields), version }
  }

  async create(
    input: {
      clientId: string | null
      folder: string
      title?: string
      template?: string
      body?: string
      fields?: Record<string, unknown>
      /** An ISO timestamp for an entry written after the fact; its file is named by that day. */
      created?: string
    },
    now = new Date()
  ): Promise<Entry> {
    const title = input.title?.trim() ?? ''
    const stamp = input.created ?? now.toISOString()
    const fields: Record<string, unknown> = { id: newId('e'), client: input.clientId ?? undefined, title, created: stamp, updated: now.toISOString() }
    if (input.template) fields.template = input.template
    fields.tags = []
    // What a template records (such as `mood`) comes after the entry's own fields, and never replaces one.
    for (const [key, value] of Object.entries(input.fields ?? {})) if (!(key in fields)) fields[key] = value
    const body = input.body ?? ''
    const relative = freeFileName(this.root, input.folder, stamp, title, takenPaths(this.records.values()))
    const text = serializeEntryFile(null, fields, body)
    try {
      await ensureFolder(join(this.root, input.folder))
      await writeFileAtomic(join(this.root, relative), text)
    } catch (error) {
      throw fileError(error, 'create', relative)
    }
    const record = recordOf(relative, input.clientId, parseEntryFile(text), fileVersion(text), text.length)
    this.records.set(record.id, record)
    this.changed({ kind: 'entry', id: record.id })
    return { ...toSummary(record), body, fields: simpleFields(fields), version: record.version }
  }

  /**
   * Saves an edit. `version` is what the editor started from: if the file on
   * disk is no longer that version (a sync tool or another editor changed it),
   * nothing is written and a `conflict` comes back, so neither side is lost.
   * When nothing changed, nothing is written.
   */
  async save(
    input: {
      id: string
      title: string
      body: string
      version: string
      /** Front-matter fields to set; null removes one. */
      fields?: Record<string, string | number | boolean | null> | undefined
      /** Always keep a snapshot first (a restore must be undoable). */
      keepSnapshot?: boolean
    },
    now = new Date()
  ): Promise<Entry> {
    const record = this.get(input.id)
    if (record.problem) {
      throw new RapportError('broken-file', `${record.path} cannot be saved by Rapport: ${record.problem}. It has not been changed.`, record.path)
    }
    const { file, version, text: onDisk } = await readEntryFile(this.root, record, this.written)
    if (splitGitMarkers(onDisk)) {
      throw new RapportError(
        'conflict',
        `${record.path} holds two versions that git could not merge (its conflict markers). Nothing was written: compare them and choose which to keep, or keep both.`,
        record.path
      )
    }
    if (version !== input.version) {
      // Someone else changed the file. Keep both: theirs stays where it is, ours goes beside it, and the user chooses.
      await keepMineBeside(this.root, this.state, record, file, input, now)
    }
    const title = input.title.trim()
    const changedFields = Object.entries(input.fields ?? {}).filter(([key, value]) => (file.fields[key] ?? null) !== value)
    if (input.body === file.body && title === record.title && changedFields.length === 0) {
      return { ...this.summary(record), body: file.body, fields: simpleFields(file.fields), version }
    }

    const target = title === record.title ? record.path : renamedPath(this.root, record, title, this.records.values())
    // A rename writes the new file before removing the old one; if it stops in between, the later `updated` tells which file is the entry.
    const updated = target === record.path ? now.toISOString() : renameStamp(now, record.updated)
    const fieldUpdates = Object.fromEntries(changedFields.map(([key, value]) => [key, value ?? undefined]))
    const text = serializeEntryFile(file, { ...fieldUpdates, id: record.id, title, updated }, input.body, this.written)
    try {
      await this.history.keep(record.id, onDisk, now, input.keepSnapshot === true)
    } catch (error) {
      // The user's text comes first: a history that cannot be kept is reported, and the save goes ahead (or fails with its own reason).
      this.problems.push({ path: record.path, reason: `its history could not be kept: ${(error as Error).message}` })
    }
    try {
      await writeFileAtomic(join(this.root, target), text)
      if (target !== record.path) await unlink(join(this.root, record.path))
    } catch (error) {
      throw fileError(error, 'save', target)
    }
    Object.assign(record, {
      title,
      updated,
      path: target,
      version: fileVersion(text),
      excerpt: excerptOf(input.body.slice(0, EXCERPT_BYTES))
    })
    this.changed({ kind: 'entry', id: record.id })
    // The fields as written, without parsing the file just serialized: set or removed (undefined, which simpleFields leaves out).
    return { ...this.summary(record), body: input.body, fields: simpleFields({ ...file.fields, ...fieldUpdates }), version: record.version }
  }

  /**
   * Writes the text a person chose for an entry whose file holds git's
   * conflict markers, whole (front matter included), in place. The file as it
   * was is kept in the entry's history first; a file changed since `version`
   * is left alone (a `conflict`), like any save.
   */
  async writeResolved(id: string, text: string, version: string, now = new Date()): Promise<Entry> {
    const record = this.get(id)
    const { version: onDiskVersion, text: onDisk } = await readEntryFile(this.root, record)
    if (onDiskVersion !== version) {
      throw new RapportError('conflict', `${record.path} changed again on disk meanwhile. Nothing was written; compare the versions again.`, record.path)
    }
    await this.history.keep(record.id, onDisk, now, true)
    try {
      await writeFileAtomic(join(this.root, record.path), text)
    } catch (error) {
      throw fileError(error, 'save', record.path)
    }
    const fresh = recordOf(record.path, record.clientId, parseEntryFile(text), fileVersion(text), text.length)
    // The side chosen may carry another id (git merged two entries into one file): the entry is then listed under that one.
    if (fresh.id !== record.id) this.forget(record.id)
    this.records.set(fresh.id, fresh)
    this.changed({ kind: 'entry', id: fresh.id })
    return this.read(fresh.id)
  }

  async trash(id: string): Promise<void> {
    const record = this.get(id)
    try {
      await moveToTrash(this.root, record.path, { kind: 'entry', label: record.title || 'Untitled' })
    } catch (error) {
      throw fileError(error, 'move to the trash', record.path)
    }
    this.forget(id)
  }

  /** After a client's folder was renamed, its entries' paths follow. */
  moveFolder(from: string, to: string): void {
    for (const record of this.records.values()) {
      if (record.path.startsWith(`${from}/`)) record.path = to + record.path.slice(from.length)
    }
  }

  forgetClient(clientId: string): void {
    for (const [id, record] of this.records) if (record.clientId === clientId) this.forget(id)
  }

  private forget(id: string): void {
    this.records.delete(id)
    this.changed({ kind: 'entry', id, removed: true })
  }

  /**
   * Adds an entry written elsewhere (an import). Unlike `create`, its id,
   * dates, tags and other fields are the ones given, and `original` is the
   * file's own front matter, so fields Rapport does not know keep their
   * comments and order. An id already in the vault is refused, never shared.
   */
  async adopt(input: AdoptInput): Promise<EntrySummary> {
    return this.adoptOne(input, takenPaths(this.records.values()), {})
  }

  /** Adopts many entries in a row (an import of thousands of notes): see `adoptionRun`; `newFiles` writes their files (on an import's thread). */
  startAdoption(newFiles = new NewFiles()): EntryAdoption {
    return adoptionRun(this.root, takenPaths(this.records.values()), (input, taken, write) => this.adoptOne(input, taken, write), newFiles)
  }

  /** The name is chosen and added to `taken` before anything is awaited, so adoptions under way at once never pick the same one. */
  private async adoptOne(input: AdoptInput, taken: Set<string>, write: AdoptWrite): Promise<EntrySummary> {
    const holder = this.records.get(input.fields.id)
    if (holder) throw new RapportError('conflict', `The id ${input.fields.id} is already used by ${holder.path}.`, holder.path)
    // In a run, the folder's names on disk are in `taken` already (and a name taken meanwhile is refused, never written over).
    const onDisk = write.newFiles ? () => false : undefined
    const relative = freeFileName(this.root, input.folder, input.fields.created, input.fields.title, taken, input.stem, onDisk)
    taken.add(relative.toLowerCase())
    const file = await writeAdopted(this.root, input, relative, write)
    // From what was written, not parsed back: an import of 10,000 notes parsed each one's YAML again here.
    const record = adoptedRecord(relative, input, file)
    this.records.set(record.id, record)
    this.changed({ kind: 'entry', id: record.id })
    return this.summary(record)
  }

  /** Suggested file name for an export: the same readable name the vault uses. */
  fileNameOf(id: string): string {
    return basename(this.get(id).path)
  }

  /**
   * An entry's file as on disk now, for the indexes kept beside the store
   * (search, backlinks, the brief's mentions; `entryBody` reads it); null
   * when it is gone or cannot be read (renamed or removed meanwhile: the store
   * hears of it in a moment, and the entry is read again then). Through
   * `reader`, when given, many entries' files are read together on a thread
   * of their own (file-reader-thread.ts).
   */
  async fileBytes(id: string, reader?: FileReaderThread): Promise<Buffer | null> {
    const record = this.records.get(id)
    if (!record) return null
    if (reader) return reader.read(join(this.root, record.path))
    try {
      return await readFile(join(this.root, record.path))
    } catch {
      return null
    }
  }

  /** `fileBytes`, at once: for the few entries a search shows, where the answer waits on each and a hop to the thread pool costs more than the read. */
  fileBytesNow(id: string): Buffer | null {
    const record = this.records.get(id)
    if (!record) return null
    try {
      return readFileSync(join(this.root, record.path))
    } catch {
      return null
    }
  }

  /** The raw text of an entry, exactly as on disk. */
  async text(id: string): Promise<string> {
    const record = this.get(id)
    try {
      return await readFile(join(this.root, record.path), 'utf8')
    } catch (error) {
      throw fileError(error, 'read', record.path)
    }
  }
}
