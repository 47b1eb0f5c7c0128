import { dirname, resolve } from 'node:path'
import type { ImportReport } from '../../shared/contract/transfer'
import type { ClientFile } from '../../shared/domain'
import { mentionHref, parseMentionHref } from '../../shared/mentions'
import type { EntryAdoption } from '../entries/entry-adoption'
import { layout } from '../fs/layout'
import type { Vault } from '../vault/vault'
import { linkDestination } from '../../shared/markdown'
import { entryIdOfUrl, entryUrl, rewriteEntryLinks } from './entry-links'
import type { LinkResolver } from './entry-links'
import type { NewClient, ProfilePage } from './import-clients'
import type { ImportPlan, ImportRequest, PlanProgress, PlannedNote } from './import-plan'
import { planImport } from './import-plan'
import { mapNoteFields } from './note-fields'
import { ObsidianResolver } from './obsidian-import'
import { rewriteObsidianLinks } from './obsidian-links'
import { readNoteText } from './note-reader'

export interface ImportRun {
  duplicates: 'skip' | 'keep'
  signal?: AbortSignal | undefined
  onProgress?: ((progress: { done: number; total: number }) => void) | undefined
}

export type ImportOutcome = Omit<ImportReport, 'jobId'>

/** The whole import: plan (scan and read every note), then write. */
export async function importNotes(vault: Vault, request: ImportRequest, run: Omit<ImportRun, 'onProgress'> & PlanProgress): Promise<ImportOutcome> {
  vault.assertWritable()
  const plan = await planImport(vault, request, run)
  const outcome = await runImport(vault, plan, { ...run, onProgress: (p) => run.onProgress?.({ ...p, phase: 'writing' }) })
  return run.signal?.aborted ? { ...outcome, status: 'cancelled' } : outcome
}

/**
 * Writes the planned notes into the vault, through its stores, in the order
 * of the plan. The source files are only ever read. A note that changed
 * since it was planned is skipped (it would not be what the preview showed);
 * cancelling stops between two notes, and what was imported stays.
 */
export async function runImport(vault: Vault, plan: ImportPlan, run: ImportRun): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { status: 'done', imported: 0, duplicatesSkipped: 0, clientsCreated: [], problems: [...plan.problems], notReached: 0 }
  const skips = (note: PlannedNote): boolean => note.duplicateOf !== undefined && run.duplicates === 'skip'

  const clientIds = new Map<string, string>()
  const idByClaimed = new Map(plan.notes.flatMap((n) => (n.claimedId ? [[n.claimedId, skips(n) ? (n.duplicateOf?.id ?? n.id) : n.id] as const] : [])))
  if (plan.request.createClients) {
    for (const wanted of plan.newClients) {
      if (run.signal?.aborted) break
      try {
        const record = await vault.clients.create(displayable(wanted.name))
        if (wanted.profile) await vault.clients.update(record, (data) => restoreProfile(data, wanted, idByClaimed))
        clientIds.set(wanted.key, record.id)
        outcome.clientsCreated.push({ id: record.id, name: record.data?.name ?? wanted.name })
      } catch (error) {
        outcome.problems.push({ path: wanted.name, reason: `the client could not be created (${(error as Error).message}); its notes go to your journal` })
      }
    }
  }

  // Links between the notes point at the entries they become (a skipped duplicate: the entry it duplicates).
  const idBySource = new Map(plan.notes.map((n) => [n.source.absolute, skips(n) ? (n.duplicateOf?.id ?? n.id) : n.id]))
  const mentions = pageMentions(plan.profilePages ?? [], clientIds)
  const obsidian = new ObsidianResolver(vault, plan.notes, outcome.problems)
  const total = plan.notes.length
  // One run of adoptions: the names in use are gathered once, and each folder is flushed once at the end, not after every note.
  const adoption = vault.entries.startAdoption()
  const writing = new WritingWindow(WRITES_AT_ONCE)
  let done = 0
  const noteDone = (): void => run.onProgress?.({ done: ++done, total })
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
      // Read and named in the plan's order; written (and flushed) several at a time.
      const write = await importNote(
        adoption,
        vault,
        note,
        { clientIds, links: importLinks(note, idBySource, idByClaimed, mentions), obsidian, windows1252: plan.request.windows1252 },
        outcome
      )
      await writing.add(write.written.then(noteDone))
    }
  } finally {
    await writing.drain()
    // Before anything is reported as imported, the new names are on disk for good.
    for (const { folder, reason } of await adoption.finish()) {
      outcome.problems.push({ path: folder, reason: `${reason}; the notes imported into it may not survive a power cut` })
    }
  }
  return outcome
}

interface NoteContext {
  clientIds: ReadonlyMap<string, string>
  links: LinkResolver
  obsidian: ObsidianResolver
  windows1252: boolean
}

/**
 * Reads the note again and starts writing it; resolves, once the entry's name is taken, to the write under way
 * (`written`, which never rejects: a failure is one of the outcome's problems).
 */
async function importNote(
  adoption: EntryAdoption,
  vault: Vault,
  note: PlannedNote,
  { clientIds, links, obsidian, windows1252 }: NoteContext,
  outcome: ImportOutcome
): Promise<{ written: Promise<void> }> {
  const failed = (reason: string): void => void outcome.problems.push({ path: note.source.absolute, reason })
  const fail = (reason: string): { written: Promise<void> } => {
    failed(reason)
    return { written: Promise.resolve() }
  }
  const text = await readNoteText(note.source.absolute, { windows1252 })
  if ('problem' in text) return fail(text.problem)
  if (text.hash !== note.hash) return fail('it changed after the preview, so it was not imported; import it again to see what it holds now')
  const fields = mapNoteFields(text.text, note.source)
  if ('problem' in fields) return fail(fields.problem)

  const d = note.destination
  const clientId = d.kind === 'client' ? d.clientId : d.kind === 'new' ? (clientIds.get(d.key) ?? null) : null
  const extra = { ...fields.extra }
  // `client` is Rapport's own field (the client's id in this vault); a name written there by a person is kept.
  const ownClient = fields.original.fields.client
  if (typeof ownClient === 'string' && !ownClient.startsWith('c_') && (clientId === null || vault.clients.get(clientId).data?.name !== ownClient))
    extra['imported-client'] = ownClient
  // Obsidian's wikilinks and embeds after the Markdown links: those it makes are final (mentions, entries, kept files).
  const body = await rewriteObsidianLinks(rewriteEntryLinks(fields.body, links), obsidian.targetsFor(note, clientId))
  // `adopt` takes the entry's name before its first await, so names are given in the plan's order whatever finishes first.
  const written = adoption
    .adopt({
      clientId,
      folder: clientId === null ? layout.journalDir : vault.clients.journalOf(clientId),
      original: fields.original,
      fields: { id: note.id, title: fields.title, created: fields.created, updated: fields.updated, template: fields.template, tags: fields.tags, ...extra },
      body
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
  private readonly running = new Set<Promise<void>>()

  constructor(private readonly size: number) {}

  async add(write: Promise<void>): Promise<void> {
    const tracked: Promise<void> = write.finally(() => this.running.delete(tracked))
    this.running.add(tracked)
    while (this.running.size >= this.size) await Promise.race(this.running)
  }

  async drain(): Promise<void> {
    await Promise.all(this.running)
  }
}

/**
 * Links from one note to another note of the import — by a path relative to
 * the note (or to the folder that was chosen), or a `rapport://entry/<id>`
 * whose id had to change — become `rapport://entry/<id>` links to the new
 * entries, which stay right however the files are renamed later.
 */
function importLinks(
  note: PlannedNote,
  idBySource: ReadonlyMap<string, string>,
  idByClaimed: ReadonlyMap<string, string>,
  mentions: PageMentions
): LinkResolver {
  return (target) => {
    const hash = target.indexOf('#')
    const fragment = hash === -1 ? '' : linkDestination(target.slice(hash))
    const claimed = entryIdOfUrl(target)
    if (claimed !== null) {
      const id = idByClaimed.get(claimed)
      return id && id !== claimed ? entryUrl(id) + fragment : null
    }
    const mentioned = parseMentionHref(target)
    if (mentioned?.kind === 'client') {
      // A mention of a client whose profile came with the import, by the id it had where it was exported from.
      const id = mentions.clientIds.get(mentioned.id)
      return id && id !== mentioned.id ? mentionHref({ kind: 'client', id }) : null
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('#')) return null
    const path = target.split(/[?#]/)[0] ?? ''
    if (!path) return null
    // `/x.md` is from the top of the chosen folder (as Obsidian writes it); `x.md` from the note's folder, else from the top.
    const candidates = path.startsWith('/')
      ? [resolve(note.source.root, path.replace(/^\/+/, ''))]
      : [resolve(dirname(note.source.absolute), path), resolve(note.source.root, path)]
    for (const absolute of candidates) {
      const id = idBySource.get(absolute) ?? idBySource.get(`${absolute}.md`)
      if (id) return entryUrl(id) + fragment
      const mention = mentions.atPage(absolute, hash === -1 ? null : target.slice(hash + 1))
      if (mention) return mention
    }
    return null
  }
}

interface PageMentions {
  /** The mention a link to an exported profile page stands for: the page itself is its client, an anchor on it a person. */
  atPage: (absolute: string, anchor: string | null) => string | null
  /** The client's id in this vault, by the id it had in the export. */
  clientIds: ReadonlyMap<string, string>
}

/**
 * Export turned mentions into links to `profile.md` (`#anchor` for a
 * person); the ids in that page's front matter turn them back. A client is
 * the vault's own client of that name or the one just created from the page
 * (its id is new); a person keeps the id in client.json, which the created
 * client keeps too. A page whose client was not created, or an anchor the
 * page does not name, leaves the link as written: nothing is guessed.
 */
function pageMentions(pages: readonly ProfilePage[], created: ReadonlyMap<string, string>): PageMentions {
  const byPath = new Map<string, { clientId: string; people: ReadonlyMap<string, string> }>()
  const clientIds = new Map<string, string>()
  for (const page of pages) {
    const clientId = page.existing?.id ?? created.get(page.key)
    if (clientId === undefined) continue
    byPath.set(page.absolute, { clientId, people: page.people })
    if (!clientIds.has(page.exportedId)) clientIds.set(page.exportedId, clientId)
  }
  return {
    clientIds,
    atPage: (absolute, anchor) => {
      const page = byPath.get(absolute)
      if (!page) return null
      if (anchor === null) return mentionHref({ kind: 'client', id: page.clientId })
      const person = page.people.get(anchor)
      return person === undefined ? null : mentionHref({ kind: 'person', id: person })
    }
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
