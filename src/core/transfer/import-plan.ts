import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import type { ImportDestination, ImportDuplicate, ImportPreview, TransferPhase, TransferProblem } from '../../shared/contract/transfer'
import type { ClientFile, EntrySummary } from '../../shared/domain'
import type { ClientRecord } from '../clients/client-store'
import { newId } from '../ids'
import type { Vault } from '../vault/vault'
import { CLIENTS_FOLDER, ENTRIES_FOLDER, JOURNAL_FOLDER, PROFILE_FILE, clientName } from './export-plan'
import type { SourceNote } from './import-scan'
import { scanSources } from './import-scan'
import type { NoteFields } from './note-fields'
import { mapNoteFields } from './note-fields'
import { readNoteText } from './note-reader'
import { clientFromProfile } from './profile-file'

/**
 * Everything an import will do, worked out before anything is written: the
 * notes, the client each goes to, the id each gets, which look like
 * duplicates, the clients to create, and every file that cannot be imported
 * with the reason. The preview shows it; the import does exactly it.
 *
 * Which client a note goes to, first rule that applies:
 *   1. the client the person chose for the whole import;
 *   2. its front matter (`client`, `company`, `organisation`) naming a client of the vault (by name, ignoring case and accents, or id);
 *   3. the client profile of the folder it is in (a `profile.md` from a Rapport export);
 *   4. the top folder it is in, inside the folder that was chosen (`Journal` is the vault's own journal;
 *      in a Rapport export's `Clients/<name>/`, the folder below `Clients`): a client of that name, or a new
 *      client — created only when the person agreed, otherwise the note goes to the journal;
 *   5. the vault's own journal.
 */

export interface ImportRequest {
  paths: string[]
  clientId?: string | undefined
  createClients: boolean
  windows1252: boolean
}

export type Destination = { kind: 'client'; clientId: string } | { kind: 'new'; key: string } | { kind: 'journal' }

export interface PlannedNote {
  source: SourceNote
  /** The file's bytes when planned, so a change before it is written is noticed. */
  hash: string
  title: string
  destination: Destination
  /** The id the entry will have: its own when free, else a new one. */
  id: string
  claimedId?: string
  duplicateOf?: { of: string; inVault: boolean; id: string }
}

export interface NewClient {
  key: string
  name: string
  source: 'profile' | 'folder'
  /** The client.json kept in an exported profile, restored when the client is created. */
  profile: ClientFile | null
  notes: number
}

export interface ImportPlan {
  request: ImportRequest
  notes: PlannedNote[]
  newClients: NewClient[]
  problems: TransferProblem[]
  otherFiles: number
  historyVersions: number
}

export interface PlanProgress {
  signal?: AbortSignal | undefined
  onProgress?: ((progress: { done: number; total: number; phase: TransferPhase }) => void) | undefined
}

/** A name as people compare names: ignoring case, accents and spaces around it. */
const nameKey = (name: string): string => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim()

/**
 * What two notes must share to look like the same entry: the title (ignoring
 * case) and the text, ignoring line endings, trailing spaces, blank lines and
 * where links point (an export rewrites them): `[text](x)` counts as `[text]`,
 * `<scheme:x>` as `scheme:x`, and `[ref]: x` lines not at all.
 */
export function contentKey(title: string, body: string): string {
  const text = body
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, ']')
    .replace(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi, '[$1]')
    .replace(/^ {0,3}\[(?:\\.|[^\\\]])+\]:.*$/gm, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return createHash('sha256').update(`${nameKey(title)}\u0000${text}`).digest('hex')
}

/** The clients of the vault, found by id, by name or by folder name. */
class ClientIndex {
  private readonly byName = new Map<string, ClientRecord>()
  private readonly ids = new Map<string, ClientRecord>()

  constructor(records: readonly ClientRecord[]) {
    for (const record of records) {
      this.ids.set(record.id, record)
      this.byName.set(nameKey(record.slug), record)
    }
    // Names win over folder names when both match different clients.
    for (const record of records) this.byName.set(nameKey(clientName(record)), record)
  }

  find(nameOrId: string): ClientRecord | undefined {
    return this.ids.get(nameOrId) ?? this.byName.get(nameKey(nameOrId))
  }
}

/** Every entry of the vault, whichever journal it is in. */
export function allEntries(vault: Vault): EntrySummary[] {
  return [vault.entries.list(null), ...vault.clients.list().map((c) => vault.entries.list(c.id))].flat()
}

interface ReadNote {
  source: SourceNote
  hash: string
  fields: Omit<NoteFields, 'original' | 'body'>
  key: string
  /** The front matter of a client profile (its client.json). */
  profile?: Readonly<Record<string, unknown>>
}

interface Profile {
  name: string
  existing: ClientRecord | undefined
  key: string
  data: ClientFile | null
}

const folderOf = (relative: string): string => (relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '')

export async function planImport(vault: Vault, request: ImportRequest, progress: PlanProgress = {}): Promise<ImportPlan> {
  const chosen = request.clientId === undefined ? undefined : vault.clients.get(request.clientId)
  const scan = await scanSources(request.paths, progress.signal, (found) => progress.onProgress?.({ done: found, total: 0, phase: 'scanning' }))
  const plan: ImportPlan = { request, notes: [], newClients: [], problems: scan.problems, otherFiles: scan.otherFiles, historyVersions: scan.historyVersions }

  // Read every note once: its fields and what it holds; the text itself is read again when it is written.
  const read: ReadNote[] = []
  for (const [done, source] of scan.notes.entries()) {
    if (progress.signal?.aborted) break
    const text = await readNoteText(source.absolute, { windows1252: request.windows1252 })
    if ('problem' in text) plan.problems.push({ path: source.absolute, reason: text.problem })
    else {
      const mapped = mapNoteFields(text.text, source)
      if ('problem' in mapped) plan.problems.push({ path: source.absolute, reason: mapped.problem })
      else {
        const { original, body, ...fields } = mapped
        read.push({ source, hash: text.hash, fields, key: contentKey(mapped.title, body), ...(mapped.kind === 'client-profile' ? { profile: original.fields } : {}) })
      }
    }
    progress.onProgress?.({ done: done + 1, total: scan.notes.length, phase: 'reading' })
  }

  const clients = new ClientIndex(vault.clients.list())
  const newClients = new Map<string, NewClient>()
  const wantClient = (name: string, source: NewClient['source'], profile: ClientFile | null): string => {
    const key = nameKey(name)
    const known = newClients.get(key)
    if (!known) newClients.set(key, { key, name, source, profile, notes: 0 })
    else if (profile && !known.profile) Object.assign(known, { source, profile })
    return key
  }

  // Client profiles from Rapport exports: the folder each one describes belongs to that client.
  const profiles = new Map<string, Profile>()
  const hasEntriesFolder = new Set<string>()
  for (const { source } of read) {
    const parts = source.relative.split('/')
    if (parts.at(-2) === ENTRIES_FOLDER) hasEntriesFolder.add(`${source.root}\u0000${parts.slice(0, -2).join('/')}`)
  }
  const notes: ReadNote[] = []
  for (const note of read) {
    const folder = folderOf(note.source.relative)
    const place = `${note.source.root}\u0000${folder}`
    if (note.fields.kind === 'client-dossier') {
      plan.problems.push({ path: note.source.absolute, reason: 'it is a client dossier made by Rapport (one page to read); import the client’s folder export to bring the client and its entries back' })
      continue
    }
    const isProfile = note.fields.kind === 'client-profile' || (basename(note.source.relative) === PROFILE_FILE && hasEntriesFolder.has(place))
    if (!isProfile) {
      notes.push(note)
      continue
    }
    const data = note.profile ? clientFromProfile(note.profile) : null
    const name = (data?.name ?? note.fields.title) || basename(folder) || basename(note.source.root)
    const existing = (data && clients.find(data.id)) ?? clients.find(name)
    profiles.set(place, { name, existing, data, key: existing ? '' : wantClient(name, 'profile', data) })
  }

  const nearestProfile = (source: SourceNote): Profile | undefined => {
    let folder = folderOf(source.relative)
    for (;;) {
      const profile = profiles.get(`${source.root}\u0000${folder}`)
      if (profile || folder === '') return profile
      folder = folderOf(folder)
    }
  }

  const destinationOf = (note: ReadNote): Destination => {
    if (chosen) return { kind: 'client', clientId: chosen.id }
    for (const hint of note.fields.clientHints) {
      const client = clients.find(hint)
      if (client) return { kind: 'client', clientId: client.id }
    }
    const profile = nearestProfile(note.source)
    if (profile) return profile.existing ? { kind: 'client', clientId: profile.existing.id } : wanted(profile.key)
    const parts = note.source.relative.split('/')
    const top = parts.length >= 3 && parts[0]?.toLowerCase() === CLIENTS_FOLDER.toLowerCase() ? parts[1] : parts.length >= 2 ? parts[0] : undefined
    if (top === undefined || nameKey(top) === nameKey(JOURNAL_FOLDER)) return { kind: 'journal' }
    const client = clients.find(top)
    return client ? { kind: 'client', clientId: client.id } : wanted(wantClient(top, 'folder', null))
  }
  const wanted = (key: string): Destination => {
    const client = newClients.get(key)
    if (client) client.notes++
    return request.createClients ? { kind: 'new', key } : { kind: 'journal' }
  }

  // Duplicates: the same title and text as an entry of the vault (only entries with a title among the notes' are read) or as an earlier note.
  const titles = new Set(notes.map((n) => nameKey(n.fields.title)))
  const inVault = new Map<string, EntrySummary>()
  const vaultIds = new Set<string>()
  for (const entry of allEntries(vault)) {
    vaultIds.add(entry.id)
    if (!titles.has(nameKey(entry.title))) continue
    try {
      inVault.set(contentKey(entry.title, (await vault.entries.read(entry.id)).body), entry)
    } catch {
      // An entry that cannot be read cannot be compared; it is reported by the vault itself.
    }
  }
  const firstWith = new Map<string, PlannedNote>()
  const ids = new Set<string>()
  // Oldest first, as the notes were written: the oldest of two copies is the one kept, and
  // entries with the same title on the same day get their `-2`, `-3` in the order they were written.
  notes.sort((a, b) => a.fields.created.localeCompare(b.fields.created) || (a.source.absolute < b.source.absolute ? -1 : a.source.absolute > b.source.absolute ? 1 : 0))
  for (const note of notes) {
    const claimed = note.fields.claimedId
    const id = claimed && !vaultIds.has(claimed) && !ids.has(claimed) ? claimed : newId('e')
    ids.add(id)
    const planned: PlannedNote = { source: note.source, hash: note.hash, title: note.fields.title, destination: destinationOf(note), id }
    if (claimed) planned.claimedId = claimed
    const existing = inVault.get(note.key)
    const earlier = firstWith.get(note.key)
    if (existing) planned.duplicateOf = { of: existing.path, inVault: true, id: existing.id }
    else if (earlier) planned.duplicateOf = { of: earlier.source.absolute, inVault: false, id: earlier.id }
    else firstWith.set(note.key, planned)
    plan.notes.push(planned)
  }
  plan.newClients = [...newClients.values()]
  return plan
}

/** What the preview shows: where the notes go, what is new, what looks like a duplicate, what cannot be imported. */
export function previewOf(plan: ImportPlan, vault: Vault): ImportPreview {
  const destinations = new Map<string, ImportDestination>()
  const journal = 'Your journal'
  for (const note of plan.notes) {
    const d = note.destination
    const key = d.kind === 'client' ? d.clientId : d.kind === 'new' ? `new:${d.key}` : 'journal'
    let row = destinations.get(key)
    if (!row) {
      const name = d.kind === 'client' ? clientName(vault.clients.get(d.clientId)) : d.kind === 'new' ? (plan.newClients.find((c) => c.key === d.key)?.name ?? d.key) : journal
      destinations.set(key, (row = { clientId: d.kind === 'client' ? d.clientId : null, name, isNew: d.kind === 'new', entries: 0, duplicates: 0 }))
    }
    if (note.duplicateOf) row.duplicates++
    else row.entries++
  }
  const duplicates: ImportDuplicate[] = plan.notes.flatMap((n) => (n.duplicateOf ? [{ path: n.source.absolute, title: n.title, of: n.duplicateOf.of, inVault: n.duplicateOf.inVault }] : []))
  return {
    paths: plan.request.paths,
    notes: plan.notes.length,
    toImport: plan.notes.filter((n) => !n.duplicateOf).length,
    destinations: [...destinations.values()].sort((a, b) => b.entries - a.entries || a.name.localeCompare(b.name)),
    newClients: plan.newClients.map((c) => ({ name: c.name, source: c.source, notes: c.notes, willCreate: plan.request.createClients })),
    duplicates,
    problems: plan.problems,
    otherFiles: plan.otherFiles,
    historyVersions: plan.historyVersions
  }
}
