import type { TransferPhase, TransferProblem } from '../../shared/contract/transfer'
import { newId } from '../ids'
import type { Vault } from '../vault/vault'
import type { Destination, NewClient, ProfilePage } from './import-clients'
import { ClientAssignment, nameKey } from './import-clients'
import { allEntries, contentKey, vaultContentKeys } from './import-duplicates'
import type { SourceNote } from './import-scan'
import { scanSources } from './import-scan'
import type { NoteFields } from './note-fields'
import { mapNoteFields } from './note-fields'
import { readNoteText } from './note-reader'

/**
 * Everything an import will do, worked out before anything is written: the
 * notes, the client each goes to (see import-clients.ts), the id each gets,
 * which look like duplicates, the clients to create, and every file that
 * cannot be imported with the reason. The preview shows it; the import then
 * does exactly that.
 */

export interface ImportRequest {
  paths: string[]
  clientId?: string | undefined
  /** Not given: yes for a Rapport export, no otherwise (ClientAssignment.createsClients). */
  createClients?: boolean | undefined
  windows1252: boolean
}

/** The request as planned: whether clients are created is decided. */
export type PlannedRequest = ImportRequest & { createClients: boolean }

export interface PlannedNote {
  source: SourceNote
  /** The file's bytes when planned, so a change before it is written is noticed. */
  hash: string
  title: string
  destination: Destination
  /** The id the entry will have: its own when free, else a new one. */
  id: string
  claimedId?: string
  /** Other names wikilinks may use for this note (Obsidian's `aliases`). */
  aliases?: string[]
  duplicateOf?: { of: string; inVault: boolean; id: string }
}

export interface ImportPlan {
  request: PlannedRequest
  notes: PlannedNote[]
  newClients: NewClient[]
  /** Exported profiles among the notes: links to them become mentions again. */
  profilePages?: ProfilePage[]
  problems: TransferProblem[]
  otherFiles: number
  historyVersions: number
}

export interface PlanProgress {
  signal?: AbortSignal | undefined
  onProgress?: ((progress: { done: number; total: number; phase: TransferPhase }) => void) | undefined
}

/** A note read once for the plan: its fields and a key for what it holds; its text is read again when it is written. */
interface ReadNote {
  source: SourceNote
  hash: string
  fields: Omit<NoteFields, 'original' | 'body'>
  title: string
  clientHints: readonly string[]
  key: string
  profile?: Readonly<Record<string, unknown>>
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const byPath = (a: SourceNote, b: SourceNote): number => byText(a.absolute, b.absolute)
/** Notes planned between two chances for the event loop to answer something else. */
const PLAN_SLICE = 500

export async function planImport(vault: Vault, request: ImportRequest, progress: PlanProgress = {}): Promise<ImportPlan> {
  const assignment = new ClientAssignment(vault, request)
  const scan = await scanSources(request.paths, progress.signal, (found) => progress.onProgress?.({ done: found, total: 0, phase: 'scanning' }))
  const plan: ImportPlan = {
    request: { ...request, createClients: request.createClients === true },
    notes: [],
    newClients: [],
    problems: scan.problems,
    otherFiles: scan.otherFiles,
    historyVersions: scan.historyVersions
  }

  const read: ReadNote[] = []
  for (const [done, source] of scan.notes.entries()) {
    if (progress.signal?.aborted) break
    const note = await readNote(source, request.windows1252)
    if ('problem' in note) plan.problems.push({ path: source.absolute, reason: note.problem })
    else if (note.fields.kind === 'client-dossier') {
      plan.problems.push({
        path: source.absolute,
        reason: 'it is a client dossier made by Rapport (one page to read); import the client’s folder export to bring the client and its entries back'
      })
    } else read.push(note)
    progress.onProgress?.({ done: done + 1, total: scan.notes.length, phase: 'reading' })
  }

  // Oldest first, as the notes were written: the oldest of two copies is the one kept, and
  // entries with the same title on the same day get their `-2`, `-3` in the order they were written.
  // By code unit, not localeCompare: the dates are ISO 8601, which sort as text, and collating 10,000 of them blocked the process for 300 ms.
  const notes = assignment.takeProfiles(read).sort((a, b) => byText(a.fields.created, b.fields.created) || byPath(a.source, b.source))
  plan.request.createClients = assignment.createsClients
  const inVault = await vaultContentKeys(vault, new Set(notes.map((n) => nameKey(n.title))))
  const vaultIds = new Set(allEntries(vault).map((e) => e.id))
  const firstWith = new Map<string, PlannedNote>()
  const ids = new Set<string>()
  for (const [at, note] of notes.entries()) {
    // Ten thousand notes are planned in slices, so the window's requests are answered meanwhile.
    if (at % PLAN_SLICE === PLAN_SLICE - 1) await new Promise((resolve) => setImmediate(resolve))
    const claimed = note.fields.claimedId
    const id = claimed && !vaultIds.has(claimed) && !ids.has(claimed) ? claimed : newId('e')
    ids.add(id)
    const planned: PlannedNote = { source: note.source, hash: note.hash, title: note.title, destination: assignment.destinationOf(note), id }
    if (claimed) planned.claimedId = claimed
    if (note.fields.aliases.length > 0) planned.aliases = note.fields.aliases
    const existing = inVault.get(note.key)
    const earlier = firstWith.get(note.key)
    if (existing) planned.duplicateOf = { of: existing.path, inVault: true, id: existing.id }
    else if (earlier) planned.duplicateOf = { of: earlier.source.absolute, inVault: false, id: earlier.id }
    else firstWith.set(note.key, planned)
    plan.notes.push(planned)
  }
  plan.newClients = assignment.newClients()
  plan.profilePages = assignment.profilePages()
  return plan
}

async function readNote(source: SourceNote, windows1252: boolean): Promise<ReadNote | { problem: string }> {
  const text = await readNoteText(source.absolute, { windows1252 })
  if ('problem' in text) return text
  const mapped = mapNoteFields(text.text, source)
  if ('problem' in mapped) return mapped
  const { original, body, ...fields } = mapped
  const note: ReadNote = { source, hash: text.hash, fields, title: fields.title, clientHints: fields.clientHints, key: contentKey(fields.title, body) }
  if (fields.kind === 'client-profile') note.profile = original.fields
  return note
}
