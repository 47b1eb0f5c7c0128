import type { ImportReport } from '../../shared/contract/transfer'
import type { ClientFile } from '../../shared/domain'
import type { EntryAdoption } from '../entries/entry-adoption'
import { prepareEntryFile } from '../entries/entry-adoption'
import { layout } from '../fs/layout'
import type { TwoStepWriter } from '../fs/new-files'
import { NewFiles } from '../fs/new-files'
import type { Vault } from '../vault/vault'
import type { NewClient } from './import-clients'
import type { NoteToWrite, PreparedNote } from './import-host'
import type { LinkTables } from './import-links'
import { pageTables } from './import-links'
import type { ImportPlan, ImportRequest, PlanProgress, PlannedNote } from './import-plan'
import { planImport } from './import-plan'
import type { ImportThread } from './import-thread'
import { withImportThread } from './import-thread'
import { ObsidianResolver } from './obsidian-import'
import { rewriteObsidianLinks } from './obsidian-links'
import { TimeSlicer } from '../time-slicer'

export interface ImportRun {
  duplicates: 'skip' | 'keep'
  signal?: AbortSignal | undefined
  onProgress?: ((progress: { done: number; total: number }) => void) | undefined
}

export type ImportOutcome = Omit<ImportReport, 'jobId'>

/** The whole import: plan (scan and read every note), then write. */
export async function importNotes(vault: Vault, request: ImportRequest, run: Omit<ImportRun, 'onProgress'> & PlanProgress): Promise<ImportOutcome> {
  vault.assertWritable()
  // One thread for the plan and the writing: each note is read and parsed once, there.
  return withImportThread(async (thread) => {
    const plan = await planImport(vault, request, run, thread)
    const outcome = await runImport(vault, plan, { ...run, onProgress: (p) => run.onProgress?.({ ...p, phase: 'writing' }) }, thread)
    return run.signal?.aborted ? { ...outcome, status: 'cancelled' } : outcome
  })
}

/**
 * Writes the planned notes into the vault, through its stores, in the order
 * of the plan. The source files are only ever read. A note that changed
 * since it was planned is skipped (it would not be what the preview showed);
 * cancelling stops between two notes, and what was imported stays.
 *
 * `thread`: the one the plan was made on, which has the notes parsed
 * already; without it, one is started and each note is read again.
 */
export async function runImport(vault: Vault, plan: ImportPlan, run: ImportRun, thread?: ImportThread): Promise<ImportOutcome> {
  return withImportThread((on) => runWith(on, vault, plan, run), thread)
}

async function runWith(thread: ImportThread, vault: Vault, plan: ImportPlan, run: ImportRun): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { status: 'done', imported: 0, duplicatesSkipped: 0, clientsCreated: [], problems: [...plan.problems], notReached: 0 }
  const skips = (note: PlannedNote): boolean => note.duplicateOf !== undefined && run.duplicates === 'skip'

  // The work on this thread is done in stretches shorter than a frame, starting with a yield: the plan may have just run.
  const slices = new TimeSlicer({ background: false })
  await slices.yieldNow()
  const clientIds = new Map<string, string>()
  const idByClaimed = new Map<string, string>()
  for (const note of plan.notes) {
    await slices.pause()
    if (note.claimedId) idByClaimed.set(note.claimedId, skips(note) ? (note.duplicateOf?.id ?? note.id) : note.id)
  }
  // The new clients' folders, flushed once each at the end (with the entries' folders) rather than after each client.
  const unflushed = new Set<string>()
  if (plan.request.createClients) {
    for (const client of await createClients(vault, plan.newClients, { idByClaimed, unflushed, slices, signal: run.signal }, outcome)) {
      clientIds.set(client.key, client.id)
      outcome.clientsCreated.push({ id: client.id, name: client.name })
    }
  }

  // Links between the notes point at the entries they become (a skipped duplicate: the entry it duplicates).
  const idBySource = new Map(await slices.map(plan.notes, (n) => [n.source.absolute, skips(n) ? (n.duplicateOf?.id ?? n.id) : n.id] as const))
  await sendLinks(thread, { idBySource, idByClaimed, ...pageTables(plan.profilePages ?? [], clientIds) })
  slices.resumed()
  // Made for the first note with Obsidian links or files to keep: most imports have none.
  let obsidian: ObsidianResolver | undefined
  const obsidianResolver = (): ObsidianResolver => (obsidian ??= new ObsidianResolver(vault, plan.notes, outcome.problems))
  const total = plan.notes.length
  // One run of adoptions: the names in use are gathered once, and each folder is flushed once at the end, not after every note.
  // Each entry's file written on the import's thread too (fs/new-files.ts); named here, in the plan's order.
  const adoption = vault.entries.startAdoption(new NewFiles(writerOn(thread)))
  const writing = new WritingWindow(WRITES_AT_ONCE)
  let done = 0
  const noteDone = (): void => run.onProgress?.({ done: ++done, total })
  const toWrite = (note: PlannedNote): NoteToWrite => {
    const clientId = clientOf(note, clientIds)
    return {
      source: note.source,
      hash: note.hash,
      id: note.id,
      clientId,
      clientName: clientId === null ? null : (vault.clients.get(clientId).data?.name ?? null)
    }
  }
  const prepared = preparedInOrder(
    thread,
    plan.notes.filter((n) => !skips(n)),
    toWrite,
    plan.request.windows1252
  )
  try {
    for (const [started, note] of plan.notes.entries()) {
      if (run.signal?.aborted) {
        outcome.status = 'cancelled'
        outcome.notReached = total - started
        break
      }
      if (skips(note)) {
        outcome.duplicatesSkipped++
        noteDone()
        continue
      }
      // Counted from the last yield, not the last await: most awaits here end in a microtask, with no one else let in.
      await slices.pause()
      // Prepared on the import's thread in the plan's order; named here in that order, and written (and flushed) several at a time.
      const ready = await prepared.next(note.source.absolute)
      const write = await importNote(adoption, vault, note, ready, { clientId: clientOf(note, clientIds), obsidian: obsidianResolver }, outcome)
      await writing.add(write.written.then(noteDone))
    }
  } finally {
    prepared.stop()
    await writing.drain()
    // Before anything is reported as imported, the new names are on disk for good.
    for (const { folder, reason } of await vault.clients.flushFolders(unflushed)) {
      outcome.problems.push({ path: folder, reason: `${reason}; the clients imported into it may not survive a power cut` })
    }
    for (const { folder, reason } of await adoption.finish()) {
      outcome.problems.push({ path: folder, reason: `${reason}; the notes imported into it may not survive a power cut` })
    }
  }
  return outcome
}

/** The two steps of writing the entries' files (fs/write-in-two-steps.ts), on the import's thread. */
const writerOn = (thread: ImportThread): TwoStepWriter => ({
  writeTemps: (files) => thread.request({ op: 'write-temps', files }),
  renameIntoPlace: (files) => thread.request({ op: 'rename', files })
})

const clientOf = (note: PlannedNote, created: ReadonlyMap<string, string>): string | null => {
  const d = note.destination
  return d.kind === 'client' ? d.clientId : d.kind === 'new' ? (created.get(d.key) ?? null) : null
}

/** Clients created at once by an import: their flushes to disk overlap. */
const CLIENTS_AT_ONCE = 16

interface CreatedClient {
  key: string
  id: string
  name: string
}

interface ClientCreation {
  idByClaimed: ReadonlyMap<string, string>
  unflushed: Set<string>
  slices: TimeSlicer
  signal: AbortSignal | undefined
}

/**
 * The clients the plan names, created several at once, each written whole
 * (with its profile) and flushed: their flushes overlap, as the entries' do.
 * Started one after another with a pause between (naming a client's folder
 * and making its file is work on this thread); a client that cannot be
 * created is one of the outcome's problems, and its notes go to the journal.
 */
async function createClients(
  vault: Vault,
  wanted: readonly NewClient[],
  { idByClaimed, unflushed, slices, signal }: ClientCreation,
  outcome: ImportOutcome
): Promise<CreatedClient[]> {
  const creating = new WritingWindow(CLIENTS_AT_ONCE)
  const created: Array<Promise<CreatedClient | null>> = []
  for (const client of wanted) {
    if (signal?.aborted) break
    await slices.pause()
    const fill = client.profile ? (data: ClientFile) => restoreProfile(data, client, idByClaimed) : undefined
    const creation = vault.clients.create(displayable(client.name), undefined, fill, unflushed).then(
      (record): CreatedClient => ({ key: client.key, id: record.id, name: record.data?.name ?? client.name }),
      (error: unknown) => {
        outcome.problems.push({ path: client.name, reason: `the client could not be created (${(error as Error).message}); its notes go to your journal` })
        return null
      }
    )
    created.push(creation)
    await creating.add(creation.then(() => undefined))
  }
  await creating.drain()
  return (await Promise.all(created)).filter((client) => client !== null)
}

/** Rows of the link tables sent per message: copying one message's worth stays well under a frame. */
const LINKS_PER_MESSAGE = 2000

async function sendLinks(thread: ImportThread, tables: LinkTables): Promise<void> {
  for (const key of ['idBySource', 'idByClaimed', 'pages', 'clientIds'] as const) {
    let rows: unknown[] = []
    for (const row of tables[key]) {
      rows.push(row)
      if (rows.length === LINKS_PER_MESSAGE) {
        await thread.request({ op: 'links', tables: { [key]: new Map(rows as never) } })
        rows = []
      }
    }
    if (rows.length > 0) await thread.request({ op: 'links', tables: { [key]: new Map(rows as never) } })
  }
}

/** Notes prepared per request to the import's thread, and how many requests are kept ahead of the writing. */
const PREPARE_BATCH = 32
const BATCHES_AHEAD = 2

/**
 * The notes to write, prepared on the import's thread a batch at a time,
 * a few batches ahead of the writing so it never waits long; `stop` asks
 * for no more (a cancel).
 */
function preparedInOrder(
  thread: ImportThread,
  notes: readonly PlannedNote[],
  toWrite: (note: PlannedNote) => NoteToWrite,
  windows1252: boolean
): { next: (absolute: string) => Promise<PreparedNote>; stop: () => void } {
  const batches: Array<Promise<PreparedNote[]>> = []
  let asked = 0
  let stopped = false
  const ask = (): void => {
    while (!stopped && asked < notes.length && batches.length < BATCHES_AHEAD) {
      const batch = notes.slice(asked, asked + PREPARE_BATCH).map(toWrite)
      asked += batch.length
      const answer = thread.request({ op: 'prepare', notes: batch, windows1252 })
      answer.catch(() => undefined)
      batches.push(answer)
    }
  }
  let current: PreparedNote[] = []
  let at = 0
  return {
    next: async (absolute) => {
      if (at >= current.length) {
        ask()
        const batch = batches.shift()
        if (!batch) throw new Error('no more notes were prepared')
        current = await batch
        at = 0
        ask()
      }
      const ready = current[at++]
      if (ready?.absolute !== absolute) throw new Error(`the notes were prepared out of order at ${absolute}`)
      return ready
    },
    stop: () => {
      stopped = true
    }
  }
}

interface NoteContext {
  clientId: string | null
  obsidian: () => ObsidianResolver
}

/**
 * Starts writing a prepared note; resolves, once the entry's name is taken, to the write under way
 * (`written`, which never rejects: a failure is one of the outcome's problems).
 */
async function importNote(
  adoption: EntryAdoption,
  vault: Vault,
  note: PlannedNote,
  ready: PreparedNote,
  { clientId, obsidian }: NoteContext,
  outcome: ImportOutcome
): Promise<{ written: Promise<void> }> {
  const failed = (reason: string): void => void outcome.problems.push({ path: note.source.absolute, reason })
  if ('problem' in ready) {
    failed(ready.problem)
    return { written: Promise.resolve() }
  }
  // Obsidian's wikilinks and embeds after the Markdown links: those it makes are final (mentions, entries, kept files).
  // They are rewritten here, where the files they embed are kept; a note without any comes ready to write.
  const prepared =
    'prepared' in ready ? ready.prepared : prepareEntryFile(ready.frontMatter, await rewriteObsidianLinks(ready.body, obsidian().targetsFor(note, clientId)))
  // `adopt` takes the entry's name before its first await, so names are given in the plan's order whatever finishes first.
  const written = adoption
    .adopt({
      clientId,
      folder: clientId === null ? layout.journalDir : vault.clients.journalOf(clientId),
      original: null,
      fields: ready.fields,
      prepared,
      stem: ready.stem,
      body: ''
    })
    .then(
      () => void outcome.imported++,
      (error: unknown) => failed((error as Error).message)
    )
  return { written }
}

/**
 * Entries written at once by an import (64: on ext4 under load, 1 → 11× a raw copy, 16 → 4.6×, 64 → 2.3×). Each write ends with a flush to disk (fsync), which mostly waits on the
 * disk; several under way together let the disk (and its journal) take them in one go instead of one after another.
 */
const WRITES_AT_ONCE = 64

/** At most `size` writes under way: `add` waits for room, `drain` for all of them. */
class WritingWindow {
  private running = 0
  private readonly waiting: Array<() => void> = []
  private readonly all = new Set<Promise<void>>()

  constructor(private readonly size: number) {}

  async add(write: Promise<void>): Promise<void> {
    this.running++
    const tracked: Promise<void> = write.finally(() => {
      this.running--
      this.all.delete(tracked)
      this.waiting.shift()?.()
    })
    this.all.add(tracked)
    // One waiter per free place, woken by the write that ends: racing every write under way for each note cost O(size) a note.
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve))
  }

  async drain(): Promise<void> {
    await Promise.all(this.all)
  }
}

/** A folder or profile name as a client name: one line, no control characters, at most 300 characters. */
function displayable(name: string): string {
  const clean = name
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, 300)
    .trim()
  return clean || 'Imported client'
}

/**
 * The client.json of an exported profile put back: everything but the new
 * client's own id, format and name. An entry link in a commitment, question
 * or style note follows its entry when that entry's id had to change.
 */
function restoreProfile(data: ClientFile, wanted: NewClient, idByClaimed: ReadonlyMap<string, string>): void {
  if (!wanted.profile) return
  const { id: _id, format: _format, name: _name, ...profile } = structuredClone(wanted.profile)
  const own = data as Record<string, unknown>
  for (const key of Object.keys(own)) if (key !== 'id' && key !== 'format' && key !== 'name') delete own[key]
  Object.assign(own, profile)
  for (const list of [data.commitments, data.questions, data.styleNotes]) {
    for (const item of list ?? []) if (typeof item.entry === 'string') item.entry = idByClaimed.get(item.entry) ?? item.entry
  }
}
