import type { TransferPhase, TransferProblem } from '../../shared/contract/transfer'
import { newId } from '../ids'
import type { Vault } from '../vault/vault'
import type { Destination, NewClient, ProfilePage } from './import-clients'
import { ClientAssignment, nameKey } from './import-clients'
import { vaultContentKeys } from './import-duplicates'
import type { SourceNote } from './import-scan'
import { scanSources } from './import-scan'
import type { ReadNote, ReadResult } from './import-host'
import type { ImportThread } from './import-thread'
import { withImportThread } from './import-thread'
import { TimeSlicer } from '../time-slicer'

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

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const byPath = (a: SourceNote, b: SourceNote): number => byText(a.absolute, b.absolute)
/** Notes read by the import's thread per request: small enough that taking one batch's answer in is quick. */
const READ_BATCH = 64
/** Batches asked for ahead of the one being taken in: enough to keep each of the import's threads busy. */
const READS_AHEAD = 4

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * `thread`: where the notes are read and parsed, kept open by a caller that
 * goes on to write them (`importNotes`), so each note is parsed once; when
 * not given, one is started for the plan and stopped after it.
 */
export async function planImport(vault: Vault, request: ImportRequest, progress: PlanProgress = {}, thread?: ImportThread): Promise<ImportPlan> {
  return withImportThread((on) => planWith(on, vault, request, progress), thread)
}

async function planWith(thread: ImportThread, vault: Vault, request: ImportRequest, progress: PlanProgress): Promise<ImportPlan> {
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

  // Read and parsed on the import's own threads, a batch at a time; the next batches are asked for while this one is taken in.
  const read: ReadNote[] = []
  const batches = chunks(scan.notes, READ_BATCH)
  const asked: Array<Promise<ReadResult[]>> = []
  const ask = (): void => {
    while (asked.length < READS_AHEAD && batches.length > 0) asked.push(thread.read(batches.shift() ?? [], request.windows1252))
  }
  ask()
  let done = 0
  while (asked.length > 0 && !progress.signal?.aborted) {
    const results = await (asked.shift() as Promise<ReadResult[]>)
    ask()
    for (const note of results) {
      if ('problem' in note) plan.problems.push({ path: note.source.absolute, reason: note.problem })
      else read.push(note)
    }
    done += results.length
    progress.onProgress?.({ done, total: scan.notes.length, phase: 'reading' })
  }
  await Promise.allSettled(asked)

  // Oldest first, as the notes were written: the oldest of two copies is the one kept, and
  // entries with the same title on the same day get their `-2`, `-3` in the order they were written.
  // By code unit, not localeCompare: the dates are ISO 8601, which sort as text, and collating 10,000 of them blocked the process for 300 ms.
  // Ten thousand notes are planned in slices, so the window's requests are answered meanwhile.
  const slices = new TimeSlicer({ background: false })
  const notes = await assignment.takeProfiles(read, () => slices.pause())
  // The sort is one stretch of its own (5 ms for 10,000 notes), not added to what is left of the last.
  await slices.yieldNow()
  notes.sort((a, b) => byText(a.created, b.created) || byPath(a.source, b.source))
  await slices.pause()
  plan.request.createClients = assignment.createsClients
  const inVault = await vaultContentKeys(vault, new Set(await slices.map(notes, (n) => nameKey(n.title))))
  const vaultIds = new Set(await slices.map(vault.entries.allWithVersions(), (e) => e.id))
  const firstWith = new Map<string, PlannedNote>()
  const ids = new Set<string>()
  for (const note of notes) {
    await slices.pause()
    const claimed = note.claimedId
    const id = claimed && !vaultIds.has(claimed) && !ids.has(claimed) ? claimed : newId('e')
    ids.add(id)
    const planned: PlannedNote = { source: note.source, hash: note.hash, title: note.title, destination: assignment.destinationOf(note), id }
    if (claimed) planned.claimedId = claimed
    if (note.aliases) planned.aliases = note.aliases
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
