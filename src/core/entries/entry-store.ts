import { createHash } from 'node:crypto'
import { basename, join } from 'node:path'
import { exists, readdir, readFile, rename, stat, unlink } from '../fs/vault-files'
import { reservedEntryFields } from '../../shared/contract/entries'
import type { Entry, EntrySummary, VaultProblem } from '../../shared/domain'
import { excerptOf } from '../../shared/markdown'
import { RapportError, fileError } from '../errors'
import { isTempFile, syncFolder, writeFileAtomic } from '../fs/atomic-write'
import { fileVersion } from '../fs/file-version'
import { safeSlug, uniqueName } from '../fs/safe-name'
import { parseSyncConflictName } from '../fs/sync-conflicts'
import { newId } from '../ids'
import { toVaultPath } from '../vault/layout'
import type { HistoryStore } from '../history/history-store'
import type { VaultChange } from '../vault/vault'
import { moveToTrash } from '../vault/trash'
import type { EntryFile } from './entry-file'
import { parseEntryFile, serializeEntryFile } from './entry-file'
import { GIT_MARKERS_TOOL, entryFileOfSides, splitGitMarkers } from './git-markers'
import { ensureFolder } from '../fs/ensure-folder'
import { mapInOrder } from '../map-in-order'

interface EntryRecord extends EntrySummary {
  /** The file's version when last read or written by Rapport. */
  version: string
  /** Why the file cannot be saved by Rapport (broken front matter, not UTF-8); it is still shown. */
  problem?: string
  /** The file holds git's conflict markers: shown with both sides to choose from, never saved over until the person chooses. */
  markers?: true
}

/** Only this much of a very large entry is read to make its excerpt at start-up. */
const EXCERPT_BYTES = 16 * 1024
/** Files read together while opening a vault: enough to keep a disk busy, few enough to stay far from the open-files limit. */
const READS_AT_ONCE = 32
/** An entry written elsewhere, as `adopt` takes it. */
export interface AdoptInput {
  clientId: string | null
  folder: string
  original: EntryFile | null
  fields: Record<string, unknown> & { id: string; title: string; created: string }
  body: string
}

/** A run of adoptions (see `EntryStore.startAdoption`); `finish` flushes the folders and says which could not be flushed. */
export interface EntryAdoption {
  adopt(input: AdoptInput): Promise<EntrySummary>
  finish(): Promise<Array<{ folder: string; reason: string }>>
}

/** A folder of journal entries, and the client it belongs to (null: the vault's own journal). */
export interface JournalFolder {
  clientId: string | null
  path: string
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The journal entries of a vault: Markdown files with front matter in each
 * client's `journal/` folder (and the vault's own `journal/` for entries that
 * belong to no client). An entry's identity is its `id`; its file name is for
 * people and follows its title.
 */
export class EntryStore {
  /**
   * Everything known about the journal, replaced whole when the vault is
   * read again: a request served during a reload sees the old state or the
   * new one, never half of each.
   */
  private state = emptyState()
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
      for (const relative of await this.markdownFiles(folder.path, next)) files.push({ relative, clientId: folder.clientId })
    }
    // Waiting on the disk is most of opening a large vault, and one file at a time leaves it idle between reads.
    // Read several at once, then make the records in order, so which of two files claiming one id wins never depends on timing.
    const contents = await mapInOrder(files, READS_AT_ONCE, ({ relative }) => this.readBytes(relative))
    files.forEach(({ relative, clientId }, index) => {
      const record = this.recordFrom(relative, clientId, contents[index]!, next)
      if (record) next.records.set(record.id, record)
    })
    // Copies are read together like entries; each is then taken in turn, so the names they get never depend on timing.
    const copies = [...next.conflictCopies.values()].flat()
    const copyContents = await mapInOrder(copies, READS_AT_ONCE, ({ path }) => this.readBytes(path))
    const byPath = new Map([...next.records.values()].map((r) => [r.path, r]))
    for (const [index, copy] of copies.entries()) {
      const entry = await this.entryInCopy(copy, next, copyContents[index], byPath.get(copy.originalPath))
      if (!entry) continue
      removeCopy(next.conflictCopies, copy.path)
      next.records.set(entry.id, entry)
    }
  }

  /**
   * Two entries with one title written on one day on two computers get one
   * file name, and the sync tool renames one of them to a conflicting copy.
   * A copy whose id is not the id of the file it sits beside is such an entry,
   * not a version of it: it gets a free name of its own (one atomic rename,
   * and the same name on every computer, which all see the same files), and is
   * an entry like any other. Null for a real conflicting copy (the same id, or
   * none), or when its id is already an entry's elsewhere.
   */
  private async entryInCopy(
    copy: SyncConflict,
    state: EntryState,
    content?: Awaited<ReturnType<EntryStore['readBytes']>>,
    original = [...state.records.values()].find((r) => r.path === copy.originalPath)
  ): Promise<EntryRecord | null> {
    if (!original) return null
    const record = this.recordFrom(copy.path, original.clientId, content ?? (await this.readBytes(copy.path)), emptyState())
    if (!record || record.id === original.id || isDerivedId(record.id) || state.records.has(record.id)) return null
    // Read-only: shown where it is, renamed by the next Rapport that may write.
    if (!this.writable()) return record
    const folder = copy.path.slice(0, copy.path.lastIndexOf('/'))
    const taken = new Set([...state.records.values()].map((r) => r.path.toLowerCase()))
    const target = this.freeFileName(folder, record.created, record.title, taken)
    try {
      await rename(join(this.root, copy.path), join(this.root, target))
      await syncFolder(join(this.root, folder))
    } catch (error) {
      state.problems.push({ path: copy.path, reason: `it is an entry of its own (id ${record.id}), but it could not be given its own name: ${fileError(error, 'rename', copy.path).message}` })
      return record
    }
    record.path = target
    return record
  }

  /**
   * Brings one file's record up to date after a change on disk (added,
   * changed, renamed away or deleted by another program), without reading
   * the rest of the vault again.
   */
  async refresh(relative: string, clientId: string | null): Promise<void> {
    const name = basename(relative)
    const readable = name.toLowerCase().endsWith('.md') && !name.startsWith('.') && !isTempFile(name) && exists(join(this.root, relative))
    const conflict = readable ? parseSyncConflictName(name) : null
    // Read first, then swap in without an await, so no request sees the entry missing in between.
    const scratch = emptyState()
    const copy = conflict ? { path: relative, originalPath: toVaultPath(relative.slice(0, relative.lastIndexOf('/')), conflict.originalName), tool: conflict.tool } : null
    const adopted = copy ? await this.entryInCopy(copy, this.state) : null
    const fresh = adopted ?? (readable && !conflict ? await this.readRecord(relative, clientId, scratch) : null)
    for (const [id, record] of this.records) if (record.path === relative || record.path === fresh?.path) this.forget(id)
    removeCopy(this.conflictCopies, relative)
    removeProblemsOf(this.problems, relative)
    this.problems.push(...scratch.problems)
    if (copy && !adopted) this.conflictCopies.set(copy.originalPath, [...(this.conflictCopies.get(copy.originalPath) ?? []), copy])
    if (fresh) {
      this.admit(fresh, this.state)
      this.changed({ kind: 'entry', id: fresh.id })
    }
  }

  /** Adds a record, unless its id is taken by another file: then it is shown under an id made from its path, and the clash reported. */
  private admit(record: EntryRecord, state: EntryState): void {
    const holder = state.records.get(record.id)
    // The same id at another path whose file is gone is a rename (Rapport's own, mid-save, or another program's), not a clash.
    if (holder && holder.path !== record.path && exists(join(this.root, holder.path))) {
      state.problems.push({ path: record.path, reason: `its id ${record.id} is also used by ${holder.path}; it is shown under another id until one is changed` })
      record.id = derivedId(record.path)
    }
    state.records.set(record.id, record)
  }

  /**
   * Every conflict in the vault: each conflicting copy, with the entry it
   * belongs to (null when that file is gone), and each entry whose file holds
   * git's conflict markers (its own path, tool "git").
   */
  conflicts(): Array<SyncConflict & { entryId: string | null }> {
    const byPath = new Map([...this.records.values()].map((r) => [r.path, r.id]))
    const copies = [...this.conflictCopies.values()].flat().map((c) => ({ ...c, entryId: byPath.get(c.originalPath) ?? null }))
    const markers = [...this.records.values()]
      .filter((r) => r.markers)
      .map((r) => ({ path: r.path, originalPath: r.path, tool: GIT_MARKERS_TOOL, entryId: r.id }))
    return [...markers.sort((a, b) => a.path.localeCompare(b.path)), ...copies]
  }

  /** Every `.md` file under a journal folder, subfolders included; symlinks are not followed (no loops, nothing outside the vault). */
  private async markdownFiles(folder: string, state: EntryState): Promise<string[]> {
    const absolute = join(this.root, folder)
    if (!exists(absolute)) return []
    const found: string[] = []
    for (const item of await readdir(absolute, { withFileTypes: true })) {
      const relative = toVaultPath(folder, item.name)
      if (item.name.startsWith('.') || isTempFile(item.name)) continue
      if (item.isDirectory()) found.push(...(await this.markdownFiles(relative, state)))
      else if (item.isFile() && item.name.toLowerCase().endsWith('.md')) {
        const conflict = parseSyncConflictName(item.name)
        if (!conflict) found.push(relative)
        else {
          // Never an entry of its own: it is offered for comparison with the file it was copied from.
          const originalPath = toVaultPath(folder, conflict.originalName)
          const copies = state.conflictCopies.get(originalPath) ?? []
          copies.push({ path: relative, originalPath, tool: conflict.tool })
          state.conflictCopies.set(originalPath, copies)
        }
      }
    }
    return found.sort()
  }

  private async readRecord(relative: string, clientId: string | null, state: EntryState): Promise<EntryRecord | null> {
    return this.recordFrom(relative, clientId, await this.readBytes(relative), state)
  }

  private async readBytes(relative: string): Promise<{ bytes: Buffer; size: number } | { error: unknown }> {
    const absolute = join(this.root, relative)
    try {
      const size = (await stat(absolute)).size
      return { bytes: await readFile(absolute), size }
    } catch (error) {
      return { error }
    }
  }

  private recordFrom(relative: string, clientId: string | null, read: { bytes: Buffer; size: number } | { error: unknown }, state: EntryState): EntryRecord | null {
    if ('error' in read) {
      state.problems.push({ path: relative, reason: fileError(read.error, 'read', relative).message })
      return null
    }
    const { bytes, size } = read
    const version = fileVersion(bytes)
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      const reason = 'it is not UTF-8 text; Rapport shows it but will not change it'
      state.problems.push({ path: relative, reason })
      text = new TextDecoder('utf-8').decode(bytes.subarray(0, EXCERPT_BYTES))
      return this.toRecord(relative, clientId, { fields: {}, yaml: null, gap: '', body: text, problem: reason }, version, size)
    }
    const sides = splitGitMarkers(text)
    if (sides) return this.toRecord(relative, clientId, entryFileOfSides(sides.mine, sides.theirs), version, size, state, true)
    const file = parseEntryFile(text)
    if (file.problem) state.problems.push({ path: relative, reason: file.problem })
    return this.toRecord(relative, clientId, file, version, size, state)
  }

  private toRecord(relative: string, clientId: string | null, file: EntryFile, version: string, size: number, state = this.state, markers = false): EntryRecord {
    const f = file.fields
    const claimed = typeof f.id === 'string' && f.id.trim() ? f.id.trim() : null
    let id = claimed ?? derivedId(relative)
    const holder = state.records.get(id)
    if (holder && holder.path !== relative) {
      state.problems.push({ path: relative, reason: `its id ${id} is also used by ${holder.path}; it is shown under another id until one is changed` })
      id = derivedId(relative)
    }
    const stamp = (value: unknown): string | null =>
      typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : null
    const created = stamp(f.created) ?? dateFromName(relative) ?? new Date(0).toISOString()
    const record: EntryRecord = {
      id,
      clientId,
      title: typeof f.title === 'string' ? f.title : titleFromName(relative),
      created,
      updated: stamp(f.updated) ?? created,
      tags: Array.isArray(f.tags) ? f.tags.filter((t): t is string => typeof t === 'string') : [],
      excerpt: excerptOf(size > EXCERPT_BYTES ? file.body.slice(0, EXCERPT_BYTES) : file.body),
      path: relative,
      version
    }
    if (typeof f.template === 'string') record.template = f.template
    if (file.problem) record.problem = file.problem
    if (markers) record.markers = true
    return record
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

  countFor(clientId: string): { count: number; last?: string } {
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
    const { file, version, text } = await this.readFile(record)
    // With git's conflict markers, this computer's side is what opens (never the markers as text); saves wait for a choice.
    const sides = splitGitMarkers(text)
    const shown = sides ? entryFileOfSides(sides.mine, sides.theirs) : file
    return { ...this.summary(record), body: shown.body, fields: simpleFields(shown.fields), version }
  }

  private async readFile(record: EntryRecord): Promise<{ file: EntryFile; version: string; text: string }> {
    let bytes: Buffer
    try {
      bytes = await readFile(join(this.root, record.path))
    } catch (error) {
      throw fileError(error, 'open', record.path)
    }
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      throw new RapportError('broken-file', `${record.path} is not UTF-8 text, so Rapport cannot open it safely. It has not been changed.`, record.path)
    }
    return { file: parseEntryFile(text), version: fileVersion(bytes), text }
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
    const relative = this.freeFileName(input.folder, stamp, title)
    const text = serializeEntryFile(null, fields, body)
    try {
      await ensureFolder(join(this.root, input.folder))
      await writeFileAtomic(join(this.root, relative), text)
    } catch (error) {
      throw fileError(error, 'create', relative)
    }
    const record = this.toRecord(relative, input.clientId, parseEntryFile(text), fileVersion(text), text.length)
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
    const { file, version, text: onDisk } = await this.readFile(record)
    if (splitGitMarkers(onDisk)) {
      throw new RapportError(
        'conflict',
        `${record.path} holds two versions that git could not merge (its conflict markers). Nothing was written: compare them and choose which to keep, or keep both.`,
        record.path
      )
    }
    if (version !== input.version) {
      // Someone else changed the file. Keep both: theirs stays where it is, ours goes beside it, and the user chooses.
      const copy = conflictCopyName(record.path, now)
      const ours = serializeEntryFile(file, { id: record.id, title: input.title.trim(), updated: now.toISOString() }, input.body)
      try {
        await writeFileAtomic(join(this.root, copy), ours)
      } catch (error) {
        throw fileError(error, 'keep your version of', record.path)
      }
      const copies = this.conflictCopies.get(record.path) ?? []
      this.conflictCopies.set(record.path, [...copies, { path: copy, originalPath: record.path, tool: 'Rapport' }])
      throw new RapportError(
        'conflict',
        `${record.path} was changed by another program while you were editing it. Nothing was overwritten: your version is kept beside it as ${basename(copy)}, so you can compare and choose.`,
        record.path
      )
    }
    const title = input.title.trim()
    const changedFields = Object.entries(input.fields ?? {}).filter(([key, value]) => (file.fields[key] ?? null) !== value)
    if (input.body === file.body && title === record.title && changedFields.length === 0) {
      return { ...this.summary(record), body: file.body, fields: simpleFields(file.fields), version }
    }

    const updated = now.toISOString()
    const fieldUpdates = Object.fromEntries(changedFields.map(([key, value]) => [key, value ?? undefined]))
    const text = serializeEntryFile(file, { ...fieldUpdates, id: record.id, title, updated }, input.body)
    const target = title === record.title ? record.path : this.renamedPath(record, title)
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
    return { ...this.summary(record), body: input.body, fields: simpleFields(parseEntryFile(text).fields), version: record.version }
  }

  /**
   * Writes the text a person chose for an entry whose file holds git's
   * conflict markers, whole (front matter included), in place. The file as it
   * was is kept in the entry's history first; a file changed since `version`
   * is left alone (a `conflict`), like any save.
   */
  async writeResolved(id: string, text: string, version: string, now = new Date()): Promise<Entry> {
    const record = this.get(id)
    const { version: onDiskVersion, text: onDisk } = await this.readFile(record)
    if (onDiskVersion !== version) {
      throw new RapportError('conflict', `${record.path} changed again on disk meanwhile. Nothing was written; compare the versions again.`, record.path)
    }
    await this.history.keep(record.id, onDisk, now, true)
    try {
      await writeFileAtomic(join(this.root, record.path), text)
    } catch (error) {
      throw fileError(error, 'save', record.path)
    }
    const fresh = this.toRecord(record.path, record.clientId, parseEntryFile(text), fileVersion(text), text.length, emptyState())
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
    return this.adoptWith(input, (folder, created, title) => this.freeFileName(folder, created, title), {})
  }

  /**
   * Adopts many entries in a row (an import of thousands of notes). Two
   * things that are right for one entry cost too much for ten thousand:
   * gathering every file name in use for each new file (here they are
   * gathered once and kept up to date), and flushing the folder after each
   * file (here each folder is flushed once, by `finish`, which the import
   * awaits before it reports anything as imported). Every file is still
   * written whole and flushed before its name appears, as `adopt` does.
   */
  startAdoption(): EntryAdoption {
    const taken = this.takenPaths()
    const folders = new Set<string>()
    return {
      adopt: async (input) => {
        const summary = await this.adoptWith(input, (folder, created, title) => this.freeFileName(folder, created, title, taken), {
          deferFolderSync: true,
          madeFolder: folders.has(input.folder)
        })
        taken.add(summary.path.toLowerCase())
        folders.add(input.folder)
        return summary
      },
      finish: async () => {
        const failed: Array<{ folder: string; reason: string }> = []
        for (const folder of folders) {
          try {
            await syncFolder(join(this.root, folder))
          } catch (error) {
            failed.push({ folder, reason: fileError(error, 'flush to disk', folder).message })
          }
        }
        folders.clear()
        return failed
      }
    }
  }

  private async adoptWith(
    input: AdoptInput,
    freeName: (folder: string, created: string, title: string) => string,
    { deferFolderSync = false, madeFolder = false }: { deferFolderSync?: boolean; madeFolder?: boolean }
  ): Promise<EntrySummary> {
    const { id, ...rest } = input.fields
    const taken = this.records.get(id)
    if (taken) throw new RapportError('conflict', `The id ${id} is already used by ${taken.path}.`, taken.path)
    const relative = freeName(input.folder, input.fields.created, input.fields.title)
    const text = serializeEntryFile(input.original, { id, client: input.clientId ?? undefined, ...rest }, input.body)
    try {
      if (!madeFolder) await ensureFolder(join(this.root, input.folder))
      await writeFileAtomic(join(this.root, relative), text, { deferFolderSync })
    } catch (error) {
      throw fileError(error, 'create', relative)
    }
    const record = this.toRecord(relative, input.clientId, parseEntryFile(text), fileVersion(text), text.length)
    this.records.set(record.id, record)
    this.changed({ kind: 'entry', id: record.id })
    return this.summary(record)
  }

  /** Suggested file name for an export: the same readable name the vault uses. */
  fileNameOf(id: string): string {
    return basename(this.get(id).path)
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

  private renamedPath(record: EntryRecord, title: string): string {
    const folder = record.path.slice(0, record.path.lastIndexOf('/'))
    const wanted = fileStem(record.created, title)
    if (basename(record.path, '.md') === wanted) return record.path
    return this.freeFileName(folder, record.created, title)
  }

  /** Every entry's path, lower-cased: names are compared ignoring case, as macOS and Windows disks do. */
  private takenPaths(): Set<string> {
    return new Set([...this.records.values()].map((r) => r.path.toLowerCase()))
  }

  private freeFileName(folder: string, created: string, title: string, taken = this.takenPaths()): string {
    const name = uniqueName(
      fileStem(created, title),
      (candidate) => taken.has(toVaultPath(folder, candidate).toLowerCase()) || exists(join(this.root, folder, candidate)),
      '.md'
    )
    return toVaultPath(folder, name)
  }
}

/** `2026-11-22-scope-call-went-sideways`: the date first, so files sort by time in any file manager. */
export const fileStem = (created: string, title: string): string => {
  // `created` comes from a file a person may have edited: only a real date prefix goes into a file name.
  const day = /^\d{4}-\d{2}-\d{2}/.exec(created)?.[0] ?? 'undated'
  return `${day}-${safeSlug(title, 'untitled')}`
}

/** An id for a file a person added without one: stable while the file stays where it is. */
const derivedId = (relative: string): string => `e_file:${createHash('sha256').update(relative).digest('hex').slice(0, 16)}`
const isDerivedId = (id: string): boolean => id.startsWith('e_file:')

function removeCopy(conflictCopies: Map<string, SyncConflict[]>, path: string): void {
  for (const [original, copies] of conflictCopies) {
    const kept = copies.filter((c) => c.path !== path)
    if (kept.length) conflictCopies.set(original, kept)
    else conflictCopies.delete(original)
  }
}

function dateFromName(relative: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(basename(relative))
  return match ? `${match[1]}T00:00:00.000Z` : null
}

function titleFromName(relative: string): string {
  return basename(relative, '.md').replace(/^\d{4}-\d{2}-\d{2}-?/, '').replace(/[-_]+/g, ' ').trim()
}

function toSummary(record: EntryRecord): EntrySummary {
  const { version: _version, problem: _problem, markers: _markers, ...summary } = record
  return { ...summary, tags: [...summary.tags] }
}

export interface SyncConflict {
  /** The conflicting copy. */
  path: string
  /** The file it is a copy of. */
  originalPath: string
  tool: string
}

/** Rapport's own front-matter keys; the rest are the entry's fields (a template's `mood`, a person's own). */
const OWN_KEYS: ReadonlySet<string> = new Set(reservedEntryFields)

/** The entry's other front-matter fields that are plain values, for the app to show and edit. */
function simpleFields(fields: Record<string, unknown>): Record<string, string | number | boolean> {
  const simple: Record<string, string | number | boolean> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (!OWN_KEYS.has(key) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) simple[key] = value
  }
  return simple
}

interface EntryState {
  records: Map<string, EntryRecord>
  conflictCopies: Map<string, SyncConflict[]>
  problems: VaultProblem[]
}

const emptyState = (): EntryState => ({ records: new Map(), conflictCopies: new Map(), problems: [] })

function removeProblemsOf(problems: VaultProblem[], path: string): void {
  for (let i = problems.length - 1; i >= 0; i--) if (problems[i]?.path === path) problems.splice(i, 1)
}

/** `notes.rapport-conflict-20261122-103000.md`: the user's text, kept beside a file someone else changed. */
export function conflictCopyName(path: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return path.replace(/\.md$/, `.rapport-conflict-${stamp}.md`)
}
