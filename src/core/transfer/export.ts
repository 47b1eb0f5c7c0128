import { join, posix } from 'node:path'
import { readFile } from '../fs/vault-files'
import type { ExportOptions, ExportReport, ExportScope, TransferProblem } from '../../shared/contract/transfer'
import type { EntrySummary } from '../../shared/domain'
import type { MentionTarget } from '../../shared/mentions'
import type { ClientRecord } from '../clients/client-store'
import { parseEntryFile } from '../entries/entry-file'
import { fileError } from '../errors'
import type { Vault } from '../vault/vault'
import { clientProfileMarkdown, profileAnchors } from './client-profile'
import type { ProfileAnchors } from './client-profile'
import { dossierMarkdown } from './dossier'
import type { DossierEntry } from './dossier'
import { entryUrl, mayHaveLinks, rewriteEntryLinks } from './entry-links'
import type { LinkResolver } from './entry-links'
import { UNTITLED, readableEntry, readableVersion } from './entry-markdown'
import { exportAttachments } from './export-attachments'
import { exportLinkResolver, linkedEntry } from './export-links'
import type { MentionPlace } from './export-links'
import { heading, inline, printMarkdown } from './markdown-blocks'
import type { ExportLayout, PlannedFile } from './export-plan'
import { clientName, planExport } from './export-plan'
import { DOSSIER_MARK, PROFILE_MARK, withClientFrontMatter } from './profile-file'
import type { InsidePath } from './target-folder'
import { TargetFolder } from './target-folder'

export interface ExportRun {
  overwrite: boolean
  signal?: AbortSignal
  onProgress?: (progress: { done: number; total: number }) => void
  /** The user's time zone, for the dates people read. */
  timeZone: string
}

export interface ExportOutcome {
  cancelled: boolean
  written: number
  skipped: TransferProblem[]
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The whole export: plan, check the folder, write. Without `overwrite`,
 * files already in the folder stop it before anything is written
 * (`needs-overwrite`, with the list), so the person can be asked.
 */
export async function exportTo(
  vault: Vault,
  input: { scope: ExportScope; options: ExportOptions; target: string; overwrite: boolean },
  run: Omit<ExportRun, 'overwrite'>
): Promise<Omit<ExportReport, 'jobId'>> {
  const layout = await planExport(vault, input.scope, input.options)
  const target = await TargetFolder.open(input.target, vault.root, { create: true })
  const report: Omit<ExportReport, 'jobId'> = {
    target: target.root,
    status: 'done',
    planned: layout.files.length,
    written: 0,
    entries: layout.entries,
    clients: layout.clients,
    snapshots: layout.snapshots,
    existing: [],
    skipped: []
  }
  if (!input.overwrite) {
    const existing = await existingFiles(target, layout)
    if (existing.length > 0) return { ...report, status: 'needs-overwrite', existing }
  }
  const outcome = await runExport(vault, layout, target, input.options, { ...run, overwrite: input.overwrite })
  return { ...report, status: outcome.cancelled ? 'cancelled' : 'done', written: outcome.written, skipped: outcome.skipped }
}

/** The paths of the plan that are already there in the export folder. */
export async function existingFiles(target: TargetFolder, layout: ExportLayout): Promise<InsidePath[]> {
  if (await target.isEmpty()) return []
  const found: InsidePath[] = []
  for (const file of layout.files) if (await target.exists(file.path)) found.push(file.path)
  return found
}

/**
 * Writes the planned files one by one. Cancelling stops between two files:
 * what was written stays, and the outcome says how much. A file is never
 * replaced without `overwrite` (see TargetFolder.write); one that cannot be
 * read is skipped with the reason, and the export goes on.
 */
export async function runExport(vault: Vault, layout: ExportLayout, target: TargetFolder, options: ExportOptions, run: ExportRun): Promise<ExportOutcome> {
  const writer = new ExportWriter(vault, layout, options, run.timeZone)
  const outcome: ExportOutcome = { cancelled: false, written: 0, skipped: [] }
  const total = layout.files.length
  for (const [done, file] of layout.files.entries()) {
    if (run.signal?.aborted) {
      outcome.cancelled = true
      break
    }
    let data: string | Uint8Array
    try {
      data = await writer.render(file)
    } catch (error) {
      outcome.skipped.push({ path: file.path, reason: `${describe(file)} was not exported: ${(error as Error).message}` })
      run.onProgress?.({ done: done + 1, total })
      continue
    }
    if ((await target.write(file.path, data, run.overwrite)) === 'written') outcome.written++
    else outcome.skipped.push({ path: file.path, reason: 'a file with this name appeared in the export folder after the plan was made; it was not replaced' })
    run.onProgress?.({ done: done + 1, total })
  }
  // The pictures and files the entries link go out with them (issue #18).
  if (!outcome.cancelled) {
    const attachments = await exportAttachments(vault, layout, target, run.overwrite)
    outcome.written += attachments.written
    outcome.skipped.push(...attachments.skipped)
  }
  return outcome
}

const describe = (file: PlannedFile): string =>
  file.kind === 'entry' || file.kind === 'history' ? `The entry ${file.entry.path}` : `The client ${clientName(file.client)}`

const folderOf = (vaultPath: string): string => posix.dirname(vaultPath)

/** Turns each planned file into its bytes. */
class ExportWriter {
  private readonly idByVaultPath = new Map<string, string>()
  private readonly titles = new Map<string, string>()
  /** Each exported client's page (profile.md or dossier), by client id; and the client of each person, by person id. */
  private readonly pages = new Map<string, { path: InsidePath; client: ClientRecord }>()
  private readonly clientOfPerson = new Map<string, string>()
  private readonly anchors = new Map<string, ProfileAnchors>()

  constructor(
    private readonly vault: Vault,
    private readonly layout: ExportLayout,
    private readonly options: ExportOptions,
    private readonly timeZone: string
  ) {
    for (const file of layout.files) {
      const entries = file.kind === 'entry' ? [file.entry] : file.kind === 'dossier' ? file.entries : []
      for (const entry of entries) {
        this.idByVaultPath.set(entry.path.toLowerCase(), entry.id)
        this.titles.set(entry.id, entry.title)
      }
      if ((file.kind === 'profile' || file.kind === 'dossier') && file.client.data) {
        this.pages.set(file.client.id, { path: file.path, client: file.client })
        // Person ids are unique in practice (they are random); should two clients share one, the first page is linked.
        for (const person of file.client.data.people ?? []) if (!this.clientOfPerson.has(person.id)) this.clientOfPerson.set(person.id, file.client.id)
      }
    }
  }

  async render(file: PlannedFile): Promise<string | Uint8Array> {
    switch (file.kind) {
      case 'entry':
        return this.entry(file.entry, file.path)
      case 'history':
        return this.version(file)
      case 'profile':
        return this.profile(file)
      case 'dossier':
        return this.dossier(file)
    }
  }

  private resolverFor(fromExportPath: InsidePath, fromVaultFolder: string): LinkResolver {
    return exportLinkResolver({
      fromExportPath,
      fromVaultFolder,
      idByVaultPath: this.idByVaultPath,
      exportPathOf: this.layout.entryPaths,
      placeOf: (m) => this.placeOf(m)
    })
  }

  private placeOf(mention: MentionTarget): MentionPlace | null {
    const clientId = mention.kind === 'person' ? this.clientOfPerson.get(mention.id) : mention.id
    const page = clientId === undefined ? undefined : this.pages.get(clientId)
    if (!page) return null
    const anchors = this.anchorsOf(page.client)
    if (mention.kind === 'client') return { path: page.path, anchor: null, top: anchors.top }
    const anchor = anchors.people.get(mention.id)
    return anchor === undefined ? null : { path: page.path, anchor, top: anchors.top }
  }

  /** The anchors of a client's page, worked out once, and only for a client that is mentioned or has people (it takes a parse). */
  private anchorsOf(client: ClientRecord): ProfileAnchors {
    let found = this.anchors.get(client.id)
    if (!found) {
      found = client.data ? profileAnchors(clientProfileMarkdown(client.data, this.timeZone, this.titles), client.data) : { top: '', people: new Map() }
      this.anchors.set(client.id, found)
    }
    return found
  }

  /** `rapport-anchors` for a page's front matter: only a client with people needs one. */
  private personAnchorsOf(client: ClientRecord): ReadonlyMap<string, string> {
    return client.data?.people?.length ? this.anchorsOf(client).people : new Map()
  }

  private async entry(entry: EntrySummary, path: InsidePath): Promise<string | Uint8Array> {
    const bytes = await this.readVaultFile(entry.path)
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      // Not UTF-8: Rapport cannot rewrite it without damage, so it goes out exactly as it is.
      return bytes
    }
    const links = this.resolverFor(path, folderOf(entry.path))
    if (this.options.frontMatter) {
      if (!mayHaveLinks(text)) return bytes
      const { body } = parseEntryFile(text)
      return text.slice(0, text.length - body.length) + rewriteEntryLinks(body, links)
    }
    return readableEntry(entry, rewriteEntryLinks(parseEntryFile(text).body, links), this.timeZone)
  }

  private async version(file: Extract<PlannedFile, { kind: 'history' }>): Promise<string> {
    const text = await this.vault.history.read(file.entry.id, file.snapshot.id)
    const parsed = parseEntryFile(text)
    const body = rewriteEntryLinks(parsed.body, this.resolverFor(file.path, folderOf(file.entry.path)))
    if (this.options.frontMatter) return text.slice(0, text.length - parsed.body.length) + body
    const f = parsed.fields
    const header = {
      title: typeof f.title === 'string' ? f.title : file.entry.title,
      created: typeof f.created === 'string' ? f.created : file.entry.created,
      updated: typeof f.updated === 'string' ? f.updated : file.snapshot.at,
      tags: Array.isArray(f.tags) ? f.tags.filter((t): t is string => typeof t === 'string') : []
    }
    return readableVersion(header, body, file.snapshot.at, this.timeZone)
  }

  private profileBody(client: Extract<PlannedFile, { kind: 'profile' | 'dossier' }>['client'], links: LinkResolver): string {
    if (!client.data)
      return printMarkdown([
        heading(1, client.slug),
        inline(`This client's client.json could not be read (${client.problem ?? 'for an unknown reason'}), so only its entries are exported.`)
      ])
    return rewriteEntryLinks(clientProfileMarkdown(client.data, this.timeZone, this.titles), links)
  }

  private profile(file: Extract<PlannedFile, { kind: 'profile' }>): string {
    const body = this.profileBody(file.client, this.resolverFor(file.path, ''))
    return this.options.frontMatter && file.client.data ? withClientFrontMatter(file.client.data, body, PROFILE_MARK, this.personAnchorsOf(file.client)) : body
  }

  private async dossier(file: Extract<PlannedFile, { kind: 'dossier' }>): Promise<string> {
    const members = new Set(file.entries.map((e) => e.id))
    /** Links to entries of this dossier stay (or become) rapport://entry links, which dossierMarkdown turns into jumps to their sections. */
    const dossierLinks = (fromVaultFolder: string): LinkResolver => {
      const outside = this.resolverFor(file.path, fromVaultFolder)
      return (target) => {
        const linked = linkedEntry(target, fromVaultFolder, this.idByVaultPath)
        return linked && members.has(linked.id) ? entryUrl(linked.id) : outside(target)
      }
    }
    const entries: DossierEntry[] = []
    for (const entry of file.entries) {
      const text = await this.readEntryText(entry)
      const body =
        text === null ? `*This entry is not UTF-8 text, so it is not in the dossier; it is in the vault at ${entry.path}.*\n` : parseEntryFile(text).body
      entries.push({ id: entry.id, header: { ...entry, title: entry.title || UNTITLED }, body: rewriteEntryLinks(body, dossierLinks(folderOf(entry.path))) })
    }
    const markdown = dossierMarkdown(this.profileBody(file.client, dossierLinks('')), entries, this.timeZone)
    return this.options.frontMatter && file.client.data
      ? withClientFrontMatter(file.client.data, markdown, DOSSIER_MARK, this.personAnchorsOf(file.client))
      : markdown
  }

  /** An entry's text, or null when it is not UTF-8. */
  private async readEntryText(entry: EntrySummary): Promise<string | null> {
    const bytes = await this.readVaultFile(entry.path)
    try {
      return utf8.decode(bytes)
    } catch {
      return null
    }
  }

  private async readVaultFile(path: string): Promise<Buffer> {
    try {
      return await readFile(join(this.vault.root, path))
    } catch (error) {
      throw fileError(error, 'read', path)
    }
  }
}
