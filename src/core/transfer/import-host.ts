/**
 * The work of an import on the notes themselves — reading each file,
 * decoding it, parsing its front matter, mapping its fields, rewriting its
 * links, writing its new front matter — behind plain messages, so it runs
 * on a thread of its own (import-worker.ts, started by import-thread.ts)
 * while the process that answers the window only names the files. The
 * entries' files are written here too, by the window's word (fs/new-files.ts).
 *
 * Each note is read and parsed once: `read` keeps what it parsed, and
 * `prepare` takes it from there (and lets it go). Everything that crosses
 * is plain data (structured clone). A note that fails — unreadable, not
 * UTF-8, invalid YAML, or anything thrown while it is worked on — becomes
 * that note's problem, in words; the other notes go on.
 */
import { mapInOrder } from '../map-in-order'
import type { AdoptInput } from '../entries/entry-adoption'
import type { PreparedEntryFile } from '../entries/entry-adoption'
import { adoptedFields, prepareEntryFile } from '../entries/entry-adoption'
import { Document } from 'yaml'
import { writeFrontMatter } from '../entries/entry-file'
import { fileStem } from '../entries/entry-names'
import { rewriteEntryLinks } from './entry-links'
import type { PageProfile } from './import-clients'
import { profileOfPage } from './import-clients'
import { contentKey } from './import-duplicates'
import type { LinkTables } from './import-links'
import { importLinks } from './import-links'
import type { SourceNote } from './import-scan'
import type { NoteFields } from './note-fields'
import { mapNoteFields } from './note-fields'
import type { NoteFiles } from './note-reader'
import { noteFiles } from './note-reader'
import { mayHaveObsidianLinks } from './obsidian-links'
import type { FileIdentity } from '../fs/own-writes'
import type { FileOps, TempFile, TempInPlace, WriteFailure } from '../fs/write-in-two-steps'
import { callbackFileOps, renameIntoPlace, writeTemps } from '../fs/write-in-two-steps'

/**
 * A note read for the plan: only what the plan uses (the rest of what was
 * parsed stays on the thread that read it, for `prepare`), and a key for
 * what it holds. Ten thousand of these are kept by the window's thread until
 * the import ends; the note's whole fields were 2.4 KB each there, and
 * copying them in its young-generation collections blocked it for 20–30 ms.
 */
export interface ReadNote {
  source: SourceNote
  /** The file's bytes when read (sha256). */
  hash: string
  title: string
  created: string
  claimedId?: string
  /** Obsidian's `aliases`, when it has any. */
  aliases?: string[]
  clientHints: readonly string[]
  key: string
  profile?: PageProfile
}

export type ReadResult = ReadNote | { source: SourceNote; problem: string }

/**
 * A read note as it crosses from the import's thread: without its source,
 * which the asking side has already (`withSources`): answers come in the
 * order asked.
 */
export type ReadAnswer = Omit<ReadNote, 'source'> | { problem: string }

/** The answers to a `read` given back their sources, the asking side's own objects (not copies). */
export function withSources(notes: readonly SourceNote[], answers: readonly ReadAnswer[]): ReadResult[] {
  if (answers.length !== notes.length) throw new Error(`${notes.length} notes were asked for, and ${answers.length} answered`)
  return answers.map((answer, at) => Object.assign(answer, { source: notes[at] as SourceNote }))
}

/** A planned note, as it is to be written: its id, and its client (with the client's name, for the note's own `client:` field). */
export interface NoteToWrite {
  source: SourceNote
  hash: string
  id: string
  clientId: string | null
  clientName: string | null
}

/**
 * A note ready to be written: the whole file (`prepared`), or, when it has
 * Obsidian links or local files to keep (which the import does where the
 * vault is), its front matter and its body with its other links rewritten.
 */
export type PreparedNote =
  | { absolute: string; fields: AdoptInput['fields']; stem: string; prepared: PreparedEntryFile }
  | { absolute: string; fields: AdoptInput['fields']; stem: string; frontMatter: string; body: string }
  | { absolute: string; problem: string }

export type ImportThreadRequest =
  | { op: 'read'; notes: readonly SourceNote[]; windows1252: boolean }
  | { op: 'links'; tables: Partial<LinkTables> }
  | { op: 'prepare'; notes: readonly NoteToWrite[]; windows1252: boolean }
  | { op: 'write-temps'; files: readonly TempFile[] }
  | { op: 'rename'; files: readonly TempInPlace[] }
  | { op: 'forget' }

export interface ImportThreadAnswers {
  read: ReadAnswer[]
  links: void
  prepare: PreparedNote[]
  'write-temps': Array<FileIdentity | WriteFailure>
  rename: Array<null | WriteFailure>
  forget: void
}

/** Notes read at once: the disk kept busy without opening thousands of files together. */
const READS_AT_ONCE = 16

interface Parsed {
  source: SourceNote
  hash: string
  /** The file's stamp when read (note-reader.ts), null when it cannot tell a later change. */
  stamp: string | null
  fields: NoteFields
}

/** Why a client dossier is not imported. */
export const DOSSIER_NOT_IMPORTED =
  'it is a client dossier made by Rapport (one page to read); import the client’s folder export to bring the client and its entries back'

/** Why a note is not written when its file changed after the plan read it. */
export const CHANGED_SINCE_PLANNED = 'it changed after the preview, so it was not imported; import it again to see what it holds now'

export class ImportHost {
  private readonly parsed = new Map<string, Parsed>()

  /**
   * How notes are read (`files`) and the entries written (`fileOps`, see
   * fs/write-in-two-steps.ts): here, without blocking; on a thread of its
   * own, where blocking costs no one, `noteFilesSync` and `blockingFileOps`.
   */
  constructor(
    private readonly files: NoteFiles = noteFiles,
    private readonly fileOps: FileOps = callbackFileOps
  ) {}

  private readonly tables: LinkTables = { idBySource: new Map(), idByClaimed: new Map(), pages: new Map(), clientIds: new Map() }

  async handle<R extends ImportThreadRequest>(request: R): Promise<ImportThreadAnswers[R['op']]> {
    return (await this.answer(request)) as ImportThreadAnswers[R['op']]
  }

  private async answer(request: ImportThreadRequest): Promise<ImportThreadAnswers[keyof ImportThreadAnswers]> {
    switch (request.op) {
      case 'read':
        return mapInOrder(request.notes, READS_AT_ONCE, (source) => this.readOne(source, request.windows1252))
      case 'links':
        // Sent in parts, so no one message is long to copy on the window's side.
        for (const key of ['idBySource', 'idByClaimed', 'pages', 'clientIds'] as const) {
          for (const [k, v] of request.tables[key] ?? []) (this.tables[key] as Map<string, unknown>).set(k, v)
        }
        return undefined
      case 'prepare':
        return mapInOrder(request.notes, READS_AT_ONCE, (note) => this.prepareOne(note, request.windows1252))
      case 'write-temps':
        return writeTemps(request.files, this.fileOps)
      case 'rename':
        return renameIntoPlace(request.files, this.fileOps)
      case 'forget':
        this.parsed.clear()
        for (const table of Object.values(this.tables)) table.clear()
        return undefined
    }
  }

  private async readOne(source: SourceNote, windows1252: boolean): Promise<ReadAnswer> {
    try {
      const parsed = await this.parse(source, windows1252)
      if ('problem' in parsed) return parsed
      const f = parsed.fields
      if (f.kind === 'client-dossier') return { problem: DOSSIER_NOT_IMPORTED }
      const note: ReadAnswer = { hash: parsed.hash, title: f.title, created: f.created, clientHints: f.clientHints, key: contentKey(f.title, f.body) }
      if (f.claimedId !== undefined) note.claimedId = f.claimedId
      if (f.aliases.length > 0) note.aliases = f.aliases
      if (f.kind === 'client-profile') note.profile = profileOfPage(f.original.fields)
      // Only notes that can become entries are kept for `prepare`.
      else this.parsed.set(source.absolute, parsed)
      return note
    } catch (error) {
      return { problem: unexpected(error) }
    }
  }

  private async parse(source: SourceNote, windows1252: boolean): Promise<Parsed | { problem: string }> {
    const text = await this.files.read(source.absolute, { windows1252 })
    if ('problem' in text) return text
    const fields = mapNoteFields(text.text, source)
    if ('problem' in fields) return fields
    return { source, hash: text.hash, stamp: text.stamp, fields }
  }

  /**
   * The note as planned, or why it is not written: the one rule for a note
   * changed since the plan, whichever thread read it for the plan. Its bytes
   * must be those the plan read (`hash`). A note this thread read and kept
   * is taken as parsed when its file's stamp is still the one it had then
   * (a stat, not a read); otherwise it is read again and its hash compared.
   */
  private async asPlanned(note: NoteToWrite, windows1252: boolean): Promise<Parsed | { problem: string }> {
    const absolute = note.source.absolute
    const kept = this.parsed.get(absolute)
    this.parsed.delete(absolute)
    if (kept?.stamp && kept.hash === note.hash && (await this.files.stamp(absolute)) === kept.stamp) return kept
    const now = await this.parse(note.source, windows1252)
    if ('problem' in now) return now
    return now.hash === note.hash ? now : { problem: CHANGED_SINCE_PLANNED }
  }

  private async prepareOne(note: NoteToWrite, windows1252: boolean): Promise<PreparedNote> {
    const absolute = note.source.absolute
    try {
      const parsed = await this.asPlanned(note, windows1252)
      if ('problem' in parsed) return { absolute, problem: parsed.problem }
      const f = parsed.fields
      const extra = { ...f.extra }
      // `client` is Rapport's own field (the client's id in this vault); a name written there by a person is kept.
      const ownClient = f.original.fields.client
      if (typeof ownClient === 'string' && !ownClient.startsWith('c_') && (note.clientId === null || note.clientName !== ownClient))
        extra['imported-client'] = ownClient
      const fields: AdoptInput['fields'] = { id: note.id, title: f.title, created: f.created, updated: f.updated, template: f.template, tags: f.tags, ...extra }
      // The note is written once: its parsed front matter is written into, not copied first.
      const frontMatter = writeFrontMatter(f.original.yaml ?? new Document({}), f.original, adoptedFields({ clientId: note.clientId, fields }))
      const body = rewriteEntryLinks(f.body, importLinks(note.source, this.tables))
      const ready = { absolute, fields, stem: fileStem(f.created, f.title) }
      return mayHaveObsidianLinks(body) ? { ...ready, frontMatter, body } : { ...ready, prepared: prepareEntryFile(frontMatter, body) }
    } catch (error) {
      return { absolute, problem: unexpected(error) }
    }
  }
}

const unexpected = (error: unknown): string => `it could not be read: ${error instanceof Error ? error.message : String(error)}`

/** The bytes of prepared files in an answer: handed over to the other thread, not copied. */
export function transferables(answer: unknown): ArrayBuffer[] {
  if (!Array.isArray(answer)) return []
  return answer.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && 'prepared' in item ? [(item as { prepared: PreparedEntryFile }).prepared.bytes.buffer as ArrayBuffer] : []
  )
}
