import { join } from 'node:path'
import { exists, readdir } from '../fs/vault-files'
import { rename } from '../fs/vault-moves'
import { Low } from 'lowdb'
import type { ClientFile, VaultProblem } from '../../shared/domain'
import { CLIENT_FORMAT, clientFileSchema } from '../../shared/domain'
import { issuesInWords } from '../schema-words'
import { RapportError, fileError } from '../errors'
import { syncFolder, writeFileAtomic } from '../fs/atomic-write'
import { DurableJsonFile, formatJson } from '../fs/durable-json-file'
import { safeSlug, uniqueName } from '../fs/safe-name'
import { newId } from '../ids'
import { clientFolder, clientJournal, layout, toVaultPath } from '../fs/layout'
import { moveToTrash } from '../fs/trash'
import { ensureFolder } from '../fs/ensure-folder'
import { mapInOrder } from '../map-in-order'
import type { VaultChange } from '../vault-change'

export interface ClientRecord {
  id: string
  /** Folder name under `clients/`. */
  slug: string
  /** The file as it is on disk, unknown fields and key order included; null when it cannot be read. */
  data: ClientFile | null
  db: Low<ClientFile> | null
  problem?: string
}

/** Clients whose `client.json` cannot be read still show, under an id made from their folder. */
/** client.json files read together while opening a vault. */
const READS_AT_ONCE = 16
/** Folders flushed to disk at once by `flushFolders`. */
const FLUSHES_AT_ONCE = 16

const brokenClientId = (slug: string): string => `c_folder:${slug}`

/**
 * The clients of a vault: one folder each under `clients/`, holding
 * `client.json` (read and written through lowdb) and the client's journal.
 */
export class ClientStore {
  /** Replaced whole when the vault is read again, so a request never sees half a client list. */
  private state: { records: Map<string, ClientRecord>; problems: VaultProblem[] } = { records: new Map(), problems: [] }
  /** Told of every client added, changed or removed here (the vault passes it on: see `Vault.onChange`). */
  notify: (change: VaultChange) => void = () => undefined

  constructor(private readonly root: string) {}

  private get records(): Map<string, ClientRecord> {
    return this.state.records
  }

  /** client.json files that could not be read, with the reason. */
  get problems(): VaultProblem[] {
    return this.state.problems
  }

  async load(): Promise<void> {
    const next = { records: new Map<string, ClientRecord>(), problems: [] as VaultProblem[] }
    const dir = join(this.root, layout.clientsDir)
    const folders = exists(dir) ? await readdir(dir, { withFileTypes: true }) : []
    const slugs = folders.filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name)
    // Read together (the disk is the wait), then taken in folder order, so which of two clients sharing an id keeps it never depends on timing.
    const read = await mapInOrder(slugs, READS_AT_ONCE, async (slug) => {
      const problems: VaultProblem[] = []
      return { record: await this.readClient(slug, problems), problems }
    })
    for (const { record, problems } of read) {
      next.problems.push(...problems)
      const clash = next.records.get(record.id)
      if (clash) {
        next.problems.push({
          path: toVaultPath(clientFolder(record.slug), layout.clientFile),
          reason: `it has the same id as ${clientFolder(clash.slug)}; it is shown by its folder name until one of them is changed`
        })
        record.id = brokenClientId(record.slug)
      }
      next.records.set(record.id, record)
    }
    this.state = next
  }

  private async readClient(slug: string, problems: VaultProblem[]): Promise<ClientRecord> {
    const relative = toVaultPath(clientFolder(slug), layout.clientFile)
    const adapter = new DurableJsonFile<ClientFile>(join(this.root, relative), relative)
    const db = new Low<ClientFile>(adapter, { format: CLIENT_FORMAT, id: '', name: slug } as ClientFile)
    const broken = (reason: string): ClientRecord => {
      problems.push({ path: relative, reason })
      return { id: brokenClientId(slug), slug, data: null, db: null, problem: reason }
    }
    try {
      await db.read()
    } catch (error) {
      return broken(error instanceof RapportError ? error.message : fileError(error, 'read', relative).message)
    }
    if (!exists(adapter.path)) return broken('the folder has no client.json')
    const checked = clientFileSchema.safeParse(db.data)
    if (!checked.success) {
      const [first, ...more] = issuesInWords(checked.error, db.data)
      return broken(`${first ?? 'it is not a client file'}${more.length > 0 ? ` (and ${more.length} more: "rapport doctor" lists them)` : ''}`)
    }
    return { id: db.data.id, slug, data: db.data, db }
  }

  /**
   * Re-reads one client's client.json after a change on disk. Returns false
   * when the change is more than a profile edit (the id changed, or the client
   * is new or gone) and the caller should read the whole vault again.
   */
  async refresh(slug: string): Promise<boolean> {
    const current = [...this.records.values()].find((r) => r.slug === slug)
    if (!current) return false
    const relative = toVaultPath(clientFolder(slug), layout.clientFile)
    const found: VaultProblem[] = []
    const fresh = await this.readClient(slug, found)
    if (fresh.id !== current.id) return false
    for (let i = this.problems.length - 1; i >= 0; i--) if (this.problems[i]?.path === relative) this.problems.splice(i, 1)
    this.problems.push(...found)
    this.records.set(fresh.id, fresh)
    this.notify({ kind: 'client', id: fresh.id })
    return true
  }

  list(): ClientRecord[] {
    return [...this.records.values()]
  }

  get(id: string): ClientRecord {
    const record = this.records.get(id)
    if (!record) throw new RapportError('not-found', 'That client no longer exists. It may have been deleted or moved.')
    return record
  }

  /**
   * The vault-relative folder where this client's new entries are written.
   * Refused while its client.json cannot be read: the entry would be filed
   * under a stand-in id that no client has, even once the file is repaired.
   */
  journalOf(id: string): string {
    return clientJournal(this.writable(id, 'write entries for this client until it is repaired ("rapport doctor" says what is wrong)').slug)
  }

  /**
   * A new client, written once: `fill` may add to its first client.json (an
   * import brings a whole profile). With `flushLater` (an import writing many
   * clients), the folders whose new names must still be flushed to disk are
   * added to it instead of being flushed one by one: the caller passes them
   * to `flushFolders` before it says the clients are saved. The file itself
   * is always flushed before its name appears.
   */
  async create(name: string, now = new Date(), fill?: (data: ClientFile) => void, flushLater?: Set<string>): Promise<ClientRecord> {
    const slug = this.freeSlug(name)
    // Taken until written, so a create running beside this one (an import writes several at once) picks another folder.
    this.creating.add(slug.toLowerCase())
    const relative = toVaultPath(clientFolder(slug), layout.clientFile)
    const today = now.toISOString().slice(0, 10)
    const data: ClientFile = {
      format: CLIENT_FORMAT,
      id: newId('c'),
      name,
      stage: { current: 'first-contact', history: [{ stage: 'first-contact', at: today }] },
      commitments: [],
      interactions: [],
      people: [],
      tags: [],
      createdAt: now.toISOString()
    }
    fill?.(data)
    try {
      await ensureFolder(join(this.root, clientJournal(slug)))
      const db = new Low<ClientFile>(new DurableJsonFile(join(this.root, relative), relative), data)
      if (flushLater) {
        await writeFileAtomic(join(this.root, relative), formatJson(data), { deferFolderSync: true })
        // Read back, so the file's next write knows what it replaces.
        await db.read()
        flushLater.add(layout.clientsDir).add(clientFolder(slug))
      } else await db.write()
      const record: ClientRecord = { id: data.id, slug, data, db }
      this.records.set(record.id, record)
      if (this.slugIndex?.of === this.records) this.slugIndex.lower.add(slug.toLowerCase())
      this.notify({ kind: 'client', id: record.id })
      return record
    } catch (error) {
      throw fileError(error, 'create', relative)
    } finally {
      this.creating.delete(slug.toLowerCase())
    }
  }

  /** Flushes folders left by `create(…, flushLater)`; says which could not be flushed, and why. */
  async flushFolders(folders: Iterable<string>): Promise<Array<{ folder: string; reason: string }>> {
    // Several at once: an import of 500 clients waited on each flush in turn.
    const flushed = await mapInOrder([...folders], FLUSHES_AT_ONCE, (folder) =>
      syncFolder(join(this.root, folder)).then(
        () => null,
        (error: unknown) => ({ folder, reason: fileError(error, 'flush', folder).message })
      )
    )
    return flushed.filter((failure) => failure !== null)
  }

  /** Folder names of clients being created now (lower case). */
  private readonly creating = new Set<string>()

  /**
   * The clients' folder names, lower case, for the records they were taken
   * from: made once, and kept up to date as clients are created, rather than
   * looked for through every record for each new name: an import creating
   * 500 clients spent 114 ms of the window's thread there, and the cost grows
   * with the square of the number (5,000: about 11 s).
   */
  private slugIndex: { of: ReadonlyMap<string, ClientRecord>; lower: Set<string> } | null = null

  private slugsInUse(): ReadonlySet<string> {
    if (this.slugIndex?.of !== this.records)
      this.slugIndex = { of: this.records, lower: new Set(Array.from(this.records.values(), (r) => r.slug.toLowerCase())) }
    return this.slugIndex.lower
  }

  /**
   * Renames a client: the name in `client.json`, and the folder, so the vault
   * stays readable. Returns the old and new folder for the entries to follow.
   */
  async rename(id: string, name: string): Promise<{ record: ClientRecord; from: string; to: string }> {
    const record = this.writable(id)
    const from = clientFolder(record.slug)
    await this.update(record, (data) => {
      data.name = name
    })
    const slug = safeSlug(name, 'client')
    if (slug === record.slug) return { record, from, to: from }
    const newSlug = this.freeSlug(name)
    const to = clientFolder(newSlug)
    try {
      await rename(join(this.root, from), join(this.root, to))
    } catch (error) {
      // The name is saved; only the folder kept its old name. Say so rather than fail the rename.
      throw fileError(error, 'rename the folder of', from)
    }
    record.slug = newSlug
    this.slugIndex = null
    const relative = toVaultPath(to, layout.clientFile)
    record.db = new Low<ClientFile>(new DurableJsonFile(join(this.root, relative), relative), record.data as ClientFile)
    await record.db.read()
    return { record, from, to }
  }

  /** Moves the client's whole folder, journal included, to the trash. */
  async trash(id: string): Promise<string> {
    const record = this.get(id)
    const from = clientFolder(record.slug)
    try {
      await moveToTrash(this.root, from, { kind: 'client', label: record.data?.name ?? record.slug })
    } catch (error) {
      throw fileError(error, 'move to the trash', from)
    }
    this.records.delete(id)
    this.slugIndex = null
    this.notify({ kind: 'client', id, removed: true })
    return from
  }

  /** Read the file again, apply one change, write it if anything changed: another program's edits are merged, not lost. */
  async update(record: ClientRecord, change: (data: ClientFile) => void): Promise<void> {
    const db = record.db
    const relative = toVaultPath(clientFolder(record.slug), layout.clientFile)
    if (!db) throw new RapportError('broken-file', `${relative} cannot be read: ${record.problem}`, relative)
    try {
      await db.read()
      change(db.data)
      await db.write()
      record.data = db.data
      // A reload that read this file before the write landed may have swapped in an older record since: this one is newer.
      if (this.records.get(record.id) !== record) this.records.set(record.id, record)
      this.notify({ kind: 'client', id: record.id })
    } catch (error) {
      throw fileError(error, 'save', relative)
    }
  }

  private writable(id: string, refused = 'change it'): ClientRecord {
    const record = this.get(id)
    if (!record.db) {
      const relative = toVaultPath(clientFolder(record.slug), layout.clientFile)
      throw new RapportError('broken-file', `${relative} cannot be read (${record.problem}), so Rapport will not ${refused}.`, relative)
    }
    return record
  }

  /** A folder name for this client not used by any folder, compared case-insensitively for macOS and Windows disks. */
  private freeSlug(name: string): string {
    const dir = join(this.root, layout.clientsDir)
    const inUse = this.slugsInUse()
    return uniqueName(safeSlug(name, 'client'), (candidate) => {
      const lower = candidate.toLowerCase()
      return this.creating.has(lower) || inUse.has(lower) || exists(join(dir, candidate))
    })
  }
}
