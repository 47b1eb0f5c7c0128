import { posix } from 'node:path'
import type { ExportOptions, ExportScope } from '../../shared/contract/transfer'
import type { EntrySummary } from '../../shared/domain'
import type { ClientRecord } from '../clients/client-store'
import { fileStem } from '../entries/entry-names'
import { safeSlug, uniqueName } from '../fs/safe-name'
import type { Snapshot } from '../history/history-store'
import type { Vault } from '../vault/vault'
import type { InsidePath } from './target-folder'

/**
 * What an export will write, decided before anything is written: every file
 * with its path inside the export folder. Names come from `safeSlug` and
 * `uniqueName` (safe on every OS, no two alike even on a disk that ignores
 * case), so the plan a person is shown is exactly what gets written.
 *
 *   one entry     <entry>.md                       history/<entry>/<date>.md
 *   one client    <client>/profile.md              <client>/entries/<entry>.md   <client>/history/<entry>/<date>.md
 *   as a dossier  <client>.md                      <client>-history/<entry>/<date>.md
 *   the vault     Clients/<client>/… (as above)    Journal/<entry>.md            Journal/history/<entry>/<date>.md
 */

export type PlannedFile =
  | { kind: 'entry'; path: InsidePath; entry: EntrySummary }
  | { kind: 'history'; path: InsidePath; entry: EntrySummary; snapshot: Snapshot }
  | { kind: 'profile'; path: InsidePath; client: ClientRecord }
  | { kind: 'dossier'; path: InsidePath; client: ClientRecord; entries: EntrySummary[] }

export interface ExportLayout {
  files: PlannedFile[]
  /** Where each exported entry can be read: its own file, or the dossier it is in. */
  entryPaths: Map<string, InsidePath>
  entries: number
  clients: number
  snapshots: number
}

export const CLIENTS_FOLDER = 'Clients'
export const JOURNAL_FOLDER = 'Journal'
export const PROFILE_FILE = 'profile.md'
export const ENTRIES_FOLDER = 'entries'
export const HISTORY_FOLDER = 'history'

/** Names already given in each folder of the plan, compared ignoring case (macOS and Windows disks do). */
class PlannedNames {
  private readonly taken = new Map<string, Set<string>>()

  /** A free name in `folder` ('' for the top), from a base that is already a safe slug. */
  take(folder: string, base: string, extension = ''): InsidePath {
    let names = this.taken.get(folder)
    if (!names) this.taken.set(folder, (names = new Set()))
    const name = uniqueName(base, (candidate) => names.has(candidate.toLowerCase()), extension)
    names.add(name.toLowerCase())
    return folder ? `${folder}/${name}` : name
  }
}

/**
 * A vault file name that is certainly safe everywhere: a date, then lower-case
 * ASCII words (so never a reserved name such as `con`), not too long. That is
 * what the vault's own names look like for most titles (`safeSlug` made them).
 */
const PLAINLY_SAFE_STEM = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_PLAIN_STEM = 100

/**
 * `2026-11-22-scope-call`: the entry's file name in the vault when it is
 * plainly safe (the export then shows the names the person knows, and slugging
 * 10,000 titles again is skipped), else the vault's rule for entry files with a
 * date that is really a date (a hand-edited `created` never becomes part of a path).
 */
export function entryStem(entry: Pick<EntrySummary, 'created' | 'title' | 'path'>): string {
  const own = posix.basename(entry.path, '.md')
  if (own.length <= MAX_PLAIN_STEM && PLAINLY_SAFE_STEM.test(own)) return own
  const day = /^\d{4}-\d{2}-\d{2}/.exec(entry.created)?.[0]
  return day ? fileStem(day, entry.title) : safeSlug(entry.title, 'untitled')
}

/** `20261122T103000123Z` → `2026-11-22-103000`: when the version was replaced, readable and safe. */
export const snapshotStem = (snapshot: Snapshot): string =>
  `${snapshot.id.slice(0, 4)}-${snapshot.id.slice(4, 6)}-${snapshot.id.slice(6, 8)}-${snapshot.id.slice(9, 15)}`

const oldestFirst = (a: EntrySummary, b: EntrySummary): number => a.created.localeCompare(b.created) || a.id.localeCompare(b.id)

export const clientName = (client: ClientRecord): string => client.data?.name ?? client.slug

export async function planExport(vault: Vault, scope: ExportScope, options: ExportOptions): Promise<ExportLayout> {
  const names = new PlannedNames()
  const layout: ExportLayout = { files: [], entryPaths: new Map(), entries: 0, clients: 0, snapshots: 0 }

  const addHistory = async (entry: EntrySummary, folder: string, stem: string): Promise<void> => {
    if (!options.history) return
    const versions = names.take(folder, stem)
    for (const snapshot of (await vault.history.list(entry.id)).reverse()) {
      layout.files.push({ kind: 'history', path: names.take(versions, snapshotStem(snapshot), '.md'), entry, snapshot })
      layout.snapshots++
    }
  }

  /** Entries as files in `folder`, their history in `historyFolder`. */
  const addEntries = async (entries: EntrySummary[], folder: string, historyFolder: string): Promise<void> => {
    for (const entry of [...entries].sort(oldestFirst)) {
      const path = names.take(folder, entryStem(entry), '.md')
      layout.files.push({ kind: 'entry', path, entry })
      layout.entryPaths.set(entry.id, path)
      layout.entries++
      await addHistory(entry, historyFolder, path.slice(path.lastIndexOf('/') + 1, -'.md'.length))
    }
  }

  const addClient = async (client: ClientRecord, parent: string): Promise<void> => {
    const slug = safeSlug(clientName(client), 'client')
    const entries = vault.entries.list(client.id).sort(oldestFirst)
    layout.clients++
    if (options.dossier) {
      const path = names.take(parent, slug, '.md')
      layout.files.push({ kind: 'dossier', path, client, entries })
      for (const entry of entries) layout.entryPaths.set(entry.id, path)
      layout.entries += entries.length
      const historyFolder = names.take(parent, `${path.slice(path.lastIndexOf('/') + 1, -'.md'.length)}-history`)
      for (const entry of entries) await addHistory(entry, historyFolder, entryStem(entry))
      return
    }
    const folder = names.take(parent, slug)
    layout.files.push({ kind: 'profile', path: `${folder}/${PROFILE_FILE}`, client })
    await addEntries(entries, `${folder}/${ENTRIES_FOLDER}`, `${folder}/${HISTORY_FOLDER}`)
  }

  if ('entry' in scope) {
    const entry = await vault.entries.read(scope.entry)
    await addEntries([entry], '', HISTORY_FOLDER)
  } else if ('client' in scope) {
    await addClient(vault.clients.get(scope.client), '')
  } else {
    const clients = vault.clients.list().sort((a, b) => clientName(a).localeCompare(clientName(b), undefined, { sensitivity: 'base', numeric: true }))
    for (const client of clients) await addClient(client, CLIENTS_FOLDER)
    await addEntries(vault.entries.list(null), JOURNAL_FOLDER, `${JOURNAL_FOLDER}/${HISTORY_FOLDER}`)
  }
  return layout
}
