import { join } from 'node:path'
import { readdir, readFile, unlink } from '../fs/vault-files'
import { RapportError, fileError } from '../errors'
import { writeFileAtomic } from '../fs/atomic-write'
import { layout, toVaultPath } from '../fs/layout'
import { COALESCE_MS, snapshotsToDelete } from './retention'
import { ensureFolder } from '../fs/ensure-folder'

export interface Snapshot {
  /** The snapshot's file name, which is also its time: `20261122T103000123Z`. */
  id: string
  at: string
  bytes: number
}

const NAME = /^(\d{8}T\d{6}\d{3}Z)\.md$/

const idOf = (date: Date): string => date.toISOString().replace(/[-:.]/g, '')
const dateOf = (id: string): Date =>
  new Date(`${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 11)}:${id.slice(11, 13)}:${id.slice(13, 15)}.${id.slice(15, 18)}Z`)

/**
 * Earlier versions of each entry, as whole files under
 * `.rapport/history/<entry-id>/`. A snapshot is taken of what is on disk just
 * before Rapport replaces it, so every saved state can be seen and restored.
 */
export class HistoryStore {
  constructor(private readonly root: string) {}

  /**
   * When each entry's newest snapshot was kept, as far as this store knows.
   * Typing saves every few seconds, and within COALESCE_MS of that snapshot
   * nothing is to be done: the save need not even list the folder.
   */
  private readonly keptAt = new Map<string, number>()

  private folder(entryId: string): string {
    // Entry ids come from files people may edit: keep only what is safe in a folder name.
    return toVaultPath(layout.appDir, 'history', entryId.replace(/[^A-Za-z0-9_-]/g, '_'))
  }

  /**
   * Keeps `previous` (the file as it was) unless a snapshot was taken less
   * than COALESCE_MS ago — `force` skips that, for restores — then applies
   * the retention rule.
   */
  async keep(entryId: string, previous: string, now = new Date(), force = false): Promise<void> {
    const folder = this.folder(entryId)
    const kept = this.keptAt.get(entryId)
    if (!force && kept !== undefined && now.getTime() - kept < COALESCE_MS) return
    // Otherwise the folder says: only the names are read (a year of writing keeps a couple of hundred snapshots an entry).
    const existing = await this.snapshotIds(entryId)
    const newest = existing[0]
    if (!force && newest && now.getTime() - dateOf(newest).getTime() < COALESCE_MS) {
      this.keptAt.set(entryId, dateOf(newest).getTime())
      return
    }
    try {
      await ensureFolder(join(this.root, folder))
      await writeFileAtomic(join(this.root, folder, `${idOf(now)}.md`), previous)
      this.keptAt.set(entryId, now.getTime())
      const doomed = new Set(snapshotsToDelete(existing.map(dateOf), now).map(idOf))
      for (const id of existing) if (doomed.has(id)) await unlink(join(this.root, folder, `${id}.md`))
    } catch (error) {
      throw fileError(error, 'keep a history snapshot in', folder)
    }
  }

  /** Newest first. */
  async list(entryId: string): Promise<Snapshot[]> {
    const snapshots: Snapshot[] = []
    for (const id of await this.snapshotIds(entryId)) {
      const text = await readFile(join(this.root, this.folder(entryId), `${id}.md`))
      snapshots.push({ id, at: dateOf(id).toISOString(), bytes: text.byteLength })
    }
    return snapshots
  }

  /** The ids (times) of an entry's snapshots, newest first, from the folder's names alone. */
  private async snapshotIds(entryId: string): Promise<string[]> {
    let names: string[]
    try {
      names = await readdir(join(this.root, this.folder(entryId)))
    } catch {
      return []
    }
    return names
      .map((name) => NAME.exec(name)?.[1])
      .filter((id): id is string => id !== undefined)
      .sort((a, b) => b.localeCompare(a))
  }

  async read(entryId: string, snapshotId: string): Promise<string> {
    if (!/^\d{8}T\d{9}Z$/.test(snapshotId)) throw new RapportError('invalid-input', 'That is not a history snapshot.')
    const path = toVaultPath(this.folder(entryId), `${snapshotId}.md`)
    try {
      return await readFile(join(this.root, path), 'utf8')
    } catch (error) {
      throw fileError(error, 'read the history snapshot', path)
    }
  }
}
