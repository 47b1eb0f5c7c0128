import { basename } from 'node:path'
import type { ClientFile } from '../../shared/domain'
import type { ClientRecord } from '../clients/client-store'
import type { Vault } from '../vault/vault'
import { CLIENTS_FOLDER, ENTRIES_FOLDER, JOURNAL_FOLDER, PROFILE_FILE, clientName } from './export-plan'
import type { SourceNote } from './import-scan'
import { clientFromProfile, personAnchors } from './profile-file'

/**
 * Which client each imported note goes to — the first rule that applies:
 *   1. the client the person chose for the whole import;
 *   2. its front matter (`client`, `company`, `organisation`) naming a client of the vault (by name, ignoring case and accents, or by id);
 *   3. the client profile of the folder it is in (a `profile.md` from a Rapport export);
 *   4. the top folder it is in, inside the folder that was chosen (`Journal` is the vault's own journal;
 *      in a Rapport export's `Clients/<name>/…`, the folder below `Clients`): a client of that name, or a
 *      new client — created only when the person agreed, otherwise the note goes to the journal;
 *   5. the vault's own journal.
 */

export type Destination = { kind: 'client'; clientId: string } | { kind: 'new'; key: string } | { kind: 'journal' }

export interface NewClient {
  key: string
  name: string
  source: 'profile' | 'folder'
  /** The client.json kept in an exported profile, restored when the client is created. */
  profile: ClientFile | null
  /** Notes that name it (they go to the journal when it is not created). */
  notes: number
}

/**
 * An exported profile page whose front matter says whose it is: what a link
 * to it (`profile.md`, `profile.md#priya-raman`) is a mention of.
 */
export interface ProfilePage {
  /** The file, as notes' links are resolved (an absolute path). */
  absolute: string
  /** The client's id in the vault it was exported from. */
  exportedId: string
  /** The vault's own client, or the key of the new one (which may not get created). */
  existing: ClientRecord | undefined
  key: string
  /** Person id by the anchor of their heading on the page. */
  people: ReadonlyMap<string, string>
}

/** A note as the assignment needs it. */
export interface NoteForClient {
  source: SourceNote
  title: string
  clientHints: readonly string[]
  /** What the front matter of a Rapport client profile holds, when the note is one (see `profileOfPage`). */
  profile?: PageProfile
}

/** The client.json kept in an exported profile's front matter (null when it is not a readable client file), and its people by anchor. */
export interface PageProfile {
  client: ClientFile | null
  people: ReadonlyMap<string, string>
}

/** Checked where the page is parsed (on the import's thread): checking 500 client files here blocked the process for 100 ms. */
export function profileOfPage(fields: Readonly<Record<string, unknown>>): PageProfile {
  return { client: clientFromProfile(fields), people: personAnchors(fields) }
}

/** A name as people compare names: ignoring case, accents and spaces around it. */
export const nameKey = (name: string): string => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim()

const folderOf = (relative: string): string => (relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '')
const placeOf = (root: string, folder: string): string => `${root}\u0000${folder}`

/** The clients of the vault, found by id, by name or by folder name. */
class ClientIndex {
  private readonly byName = new Map<string, ClientRecord>()
  private readonly byId = new Map<string, ClientRecord>()

  constructor(records: readonly ClientRecord[]) {
    for (const record of records) {
      this.byId.set(record.id, record)
      this.byName.set(nameKey(record.slug), record)
    }
    // A name wins over a folder name when they match different clients.
    for (const record of records) this.byName.set(nameKey(clientName(record)), record)
  }

  find(nameOrId: string): ClientRecord | undefined {
    return this.byId.get(nameOrId) ?? this.byName.get(nameKey(nameOrId))
  }
}

interface Profile {
  existing: ClientRecord | undefined
  /** The new client's key, when it is not in the vault. */
  key: string
}

export class ClientAssignment {
  private readonly clients: ClientIndex
  private readonly chosen: ClientRecord | undefined
  private readonly wanted = new Map<string, NewClient>()
  private readonly profiles = new Map<string, Profile>()
  private readonly pages: ProfilePage[] = []

  constructor(
    vault: Vault,
    private readonly request: { clientId?: string | undefined; createClients?: boolean | undefined }
  ) {
    this.clients = new ClientIndex(vault.clients.list())
    this.chosen = request.clientId === undefined ? undefined : vault.clients.get(request.clientId)
  }

  /**
   * Takes the client profiles out of the notes (an exported `profile.md`: one
   * marked as such in its front matter, or one beside an `entries/` folder)
   * and returns the notes that are entries.
   */
  async takeProfiles<N extends NoteForClient>(notes: readonly N[], pause: () => Promise<void> = async () => undefined): Promise<N[]> {
    // Over all 10,000 notes of an import: plain string work, no path split, and a pause (to answer the window) when asked.
    const beside = new Set<string>()
    for (const { source } of notes) {
      await pause()
      const folder = folderOf(source.relative)
      if (folder === ENTRIES_FOLDER || folder.endsWith(`/${ENTRIES_FOLDER}`)) beside.add(placeOf(source.root, folderOf(folder)))
    }
    const entries: N[] = []
    for (const note of notes) {
      await pause()
      if (this.isEntry(note, beside)) entries.push(note)
    }
    return entries
  }

  /** Whether a note is an entry; when it is a profile instead, it is taken in as its folder's client. */
  private isEntry(note: NoteForClient, beside: ReadonlySet<string>): boolean {
    if (!note.profile && basename(note.source.relative) !== PROFILE_FILE) return true
    const folder = folderOf(note.source.relative)
    const place = placeOf(note.source.root, folder)
    if (!note.profile && !beside.has(place)) return true
    const data = note.profile?.client ?? null
    const name = (data?.name ?? note.title) || basename(folder) || basename(note.source.root)
    const existing = (data && this.clients.find(data.id)) ?? this.clients.find(name)
    const profile: Profile = { existing, key: existing ? '' : this.want(name, 'profile', data) }
    this.profiles.set(place, profile)
    // Without client.json in its front matter nothing says whose page it is, so links to it stay as written.
    if (data && note.profile) this.pages.push({ absolute: note.source.absolute, exportedId: data.id, ...profile, people: note.profile.people })
    return false
  }

  destinationOf(note: NoteForClient): Destination {
    if (this.chosen) return { kind: 'client', clientId: this.chosen.id }
    for (const hint of note.clientHints) {
      const client = this.clients.find(hint)
      if (client) return { kind: 'client', clientId: client.id }
    }
    const profile = this.profileOf(note.source)
    if (profile) return profile.existing ? { kind: 'client', clientId: profile.existing.id } : this.newClient(profile.key)
    const parts = note.source.relative.split('/')
    const top = parts.length >= 3 && parts[0]?.toLowerCase() === CLIENTS_FOLDER.toLowerCase() ? parts[1] : parts.length >= 2 ? parts[0] : undefined
    if (top === undefined || nameKey(top) === nameKey(JOURNAL_FOLDER)) return { kind: 'journal' }
    const client = this.clients.find(top)
    return client ? { kind: 'client', clientId: client.id } : this.newClient(this.want(top, 'folder', null))
  }

  /** The exported profile pages among the notes, for turning links to them back into mentions. */
  profilePages(): ProfilePage[] {
    return this.pages
  }

  /** Every client the notes name that the vault does not have, with how many notes name it. */
  newClients(): NewClient[] {
    return [...this.wanted.values()]
  }

  /** The profile of the nearest folder up from the note that has one. */
  private profileOf(source: SourceNote): Profile | undefined {
    let folder = folderOf(source.relative)
    for (;;) {
      const profile = this.profiles.get(placeOf(source.root, folder))
      if (profile || folder === '') return profile
      folder = folderOf(folder)
    }
  }

  private want(name: string, source: NewClient['source'], profile: ClientFile | null): string {
    const key = nameKey(name)
    const known = this.wanted.get(key)
    if (!known) this.wanted.set(key, { key, name, source, profile, notes: 0 })
    else if (profile && !known.profile) Object.assign(known, { source, profile })
    return key
  }

  private newClient(key: string): Destination {
    const client = this.wanted.get(key)
    if (client) client.notes++
    return this.createsClients ? { kind: 'new', key } : { kind: 'journal' }
  }

  /**
   * Whether the clients the notes name are created: as the person said, else
   * yes when the notes hold client profiles exported by Rapport (a backup
   * being restored, whose clients and profiles should come back), else no.
   * Known once takeProfiles has run.
   */
  get createsClients(): boolean {
    return this.request.createClients ?? this.pages.length > 0
  }
}
