import { join } from 'node:path'
import { exists, mkdir, readdir, readFile, stat } from '../fs/vault-files'
import type { ExtractMarker, TemplateField } from '../../shared/contract/templates'
import { parseEntryFile, serializeEntryFile } from '../entries/entry-file'
import { RapportError, fileError } from '../errors'
import { isTempFile, writeFileAtomic } from '../fs/atomic-write'
import { fileVersion } from '../fs/file-version'
import { safeSlug, uniqueName } from '../fs/safe-name'
import { parseSyncConflictName } from '../sync-conflicts'
import { layout, toVaultPath } from '../fs/layout'
import { moveToTrash } from '../fs/trash'
import type { ParsedTemplate, TemplateDefinition } from './template-file'
import { DEFAULT_ORDER, parseTemplate, templateFrontMatter } from './template-file'

/** One template file as found, whether or not it could be read as a template. */
export interface StoredTemplate {
  id: string
  isBuiltIn: boolean
  /** A built-in whose edited copy in the vault is what is used. */
  isEdited: boolean
  /** For people: vault-relative for the vault's files, absolute for the built-in originals. */
  source: string
  version: string
  parsed: ParsedTemplate
}

interface TemplateFile {
  id: string
  /** The file's name in its folder (`respect.md`). */
  name: string
  source: string
  text: string
  version: string
  parsed: ParsedTemplate
}

export interface SaveTemplate {
  id?: string
  name: string
  description: string
  body: string
  extract?: ExtractMarker[]
  fields?: TemplateField[]
  /** The version the editor started from; a file changed since is not overwritten. */
  version?: string
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Template files as last read and parsed, by absolute path, with the size and
 * modification time they had then. Templates are listed before every brief,
 * every prompt list and every new entry; only a file that changed since is
 * read and parsed again, so asking for one template costs a folder listing
 * and a stat per file. A save checks its version against a fresh read.
 */
const parsedFiles = new Map<string, { stamp: string; file: TemplateFile }>()

/**
 * The templates a person can start an entry from: the built-ins, read from
 * `<resources>/templates/` (never written), and the vault's `templates/`,
 * which holds their own templates and their edited copies of built-ins (a
 * vault file named like a built-in is its edited copy, and wins).
 * Files are read afresh on every call, so a template edited in another
 * program is seen at once; there are only ever a few dozen.
 */
export class TemplateStore {
  private readonly builtInDir: string

  constructor(
    resourcesDir: string,
    private readonly vaultRoot: string
  ) {
    this.builtInDir = join(resourcesDir, 'templates')
  }

  async list(): Promise<StoredTemplate[]> {
    const { builtIns, own } = await this.readAll()
    const stored: StoredTemplate[] = builtIns.map((original) => {
      const copy = own.find((f) => f.id === original.id)
      const used = copy ?? original
      return { id: original.id, isBuiltIn: true, isEdited: copy !== undefined, source: used.source, version: used.version, parsed: used.parsed }
    })
    for (const file of own) {
      if (builtIns.some((b) => b.id === file.id)) continue
      stored.push({ id: file.id, isBuiltIn: false, isEdited: false, source: file.source, version: file.version, parsed: file.parsed })
    }
    return stored
  }

  async get(id: string): Promise<StoredTemplate> {
    const found = (await this.list()).find((t) => t.id === id)
    if (!found) throw notFound(id)
    return found
  }

  /** A template ready to start an entry from; a broken one is an error that says what to fix. */
  async usable(id: string): Promise<TemplateDefinition> {
    const found = await this.get(id)
    if (found.parsed.ok) return found.parsed.template
    throw new RapportError('broken-file', `The template "${id}" cannot be used: ${found.parsed.problem.message} (${found.source})`, found.source)
  }

  /** Creates a template of the person's own (no id), or saves an edit: of their own, or of a built-in as an edited copy. */
  async save(input: SaveTemplate): Promise<StoredTemplate> {
    // Read afresh: the version compared below must be the file's as it is now, even if it changed within one clock tick.
    const { builtIns, own } = await this.readAll({ fresh: true })
    let id: string
    let current: TemplateFile | undefined
    let original: TemplateFile | undefined
    if (input.id === undefined) {
      const taken = new Set([...builtIns, ...own].map((f) => f.id.toLowerCase()))
      id = uniqueName(safeSlug(input.name, 'template'), (c) => taken.has(c.toLowerCase()) || exists(join(this.ownDir(), `${c}.md`)))
    } else {
      id = input.id
      original = builtIns.find((f) => f.id === id)
      current = own.find((f) => f.id === id) ?? original
      if (!current) throw notFound(id)
      if (input.version !== undefined && input.version !== current.version) {
        throw new RapportError(
          'conflict',
          `The template "${id}" was changed by another program while you were editing it. Nothing was overwritten; reopen it to see the change.`,
          current.source
        )
      }
    }
    const base = current?.parsed.ok ? current.parsed.template : undefined
    const definition = {
      id,
      name: input.name.trim(),
      description: input.description.trim(),
      order: base?.order ?? DEFAULT_ORDER,
      fields: input.fields ?? base?.fields ?? [],
      extract: input.extract ?? base?.extract ?? []
    }
    // Keep what a person wrote in the front matter that Rapport does not know (and its comments), unless the file was unreadable.
    const previous = current ? parseEntryFile(current.text) : null
    const body = input.body === '' || input.body.endsWith('\n') ? input.body : `${input.body}\n`
    const text = serializeEntryFile(previous?.yaml && !previous.problem ? previous : null, templateFrontMatter(definition), body)

    const fileName = current && current !== original ? current.name : `${id}.md`
    const relative = toVaultPath(layout.templatesDir, fileName)
    const checked = parseTemplate(text, { id, path: relative })
    if (!checked.ok) throw new RapportError('invalid-input', checked.problem.message)

    // Saving a built-in unchanged makes no copy; saving anything unchanged writes nothing.
    if (!current?.parsed.ok || !sameTemplate(current.parsed.template, checked.template)) {
      try {
        await mkdir(this.ownDir(), { recursive: true })
        await writeFileAtomic(join(this.vaultRoot, relative), text)
      } catch (error) {
        throw fileError(error, 'save', relative)
      }
    }
    return this.get(id)
  }

  /** Puts a built-in back as it shipped: the edited copy goes to the vault's trash, so it can still be found. */
  async revert(id: string): Promise<StoredTemplate> {
    const found = await this.get(id)
    if (!found.isBuiltIn) {
      throw new RapportError(
        'invalid-input',
        `"${displayNameOf(found)}" is your own template, so there is no original to go back to. You can delete it instead.`
      )
    }
    if (found.isEdited) await this.trash(found.source, `Template “${displayNameOf(found)}” (your edited copy)`)
    return this.get(id)
  }

  /** Moves one of the person's own templates to the vault's trash. */
  async delete(id: string): Promise<void> {
    const found = await this.get(id)
    if (found.isBuiltIn) {
      throw new RapportError(
        'invalid-input',
        `"${displayNameOf(found)}" comes with Rapport and cannot be deleted.${found.isEdited ? ' You can revert it to the original.' : ''}`
      )
    }
    await this.trash(found.source, `Template “${displayNameOf(found)}”`)
  }

  private async trash(relative: string, label: string): Promise<void> {
    try {
      await moveToTrash(this.vaultRoot, relative, { kind: 'template', label })
    } catch (error) {
      throw fileError(error, 'move to the trash', relative)
    }
  }

  private ownDir(): string {
    return join(this.vaultRoot, layout.templatesDir)
  }

  private async readAll({ fresh = false } = {}): Promise<{ builtIns: TemplateFile[]; own: TemplateFile[] }> {
    const [builtIns, own] = await Promise.all([
      this.readFolder(this.builtInDir, (name) => join(this.builtInDir, name), fresh),
      this.readFolder(this.ownDir(), (name) => toVaultPath(layout.templatesDir, name), fresh)
    ])
    return { builtIns, own }
  }

  /** Every template file of a folder; one that cannot be read is returned with its problem, never thrown. */
  private async readFolder(folder: string, sourceOf: (name: string) => string, fresh: boolean): Promise<TemplateFile[]> {
    let names: string[]
    try {
      names = (await readdir(folder, { withFileTypes: true }))
        .filter((d) => d.isFile() && d.name.toLowerCase().endsWith('.md') && !d.name.startsWith('.') && !isTempFile(d.name) && !parseSyncConflictName(d.name))
        .map((d) => d.name)
        .sort()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw fileError(error, 'read the templates in', sourceOf(''))
    }
    return Promise.all(
      names.map(async (name): Promise<TemplateFile> => {
        const absolute = join(folder, name)
        const stamp = await stat(absolute).then(
          (s) => `${s.size}:${s.mtimeMs}:${s.ino}`,
          () => null
        )
        const cached = parsedFiles.get(absolute)
        // A copy: what a caller does with a template never changes the one kept here.
        if (!fresh && stamp !== null && cached?.stamp === stamp) return structuredClone(cached.file)
        const file = await this.readTemplateFile(absolute, name, sourceOf(name))
        if (stamp === null) parsedFiles.delete(absolute)
        else parsedFiles.set(absolute, { stamp, file: structuredClone(file) })
        return file
      })
    )
  }

  /** One template file; one that cannot be read is returned with its problem, never thrown. */
  private async readTemplateFile(absolute: string, name: string, source: string): Promise<TemplateFile> {
    const id = name.slice(0, -'.md'.length)
    const broken = (message: string, text = '', version = ''): TemplateFile => ({
      id,
      name,
      source,
      text,
      version,
      parsed: { ok: false, problem: { path: source, message }, body: text }
    })
    let bytes: Buffer
    try {
      bytes = await readFile(absolute)
    } catch (error) {
      return broken(fileError(error, 'read', source).message)
    }
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      return broken('It is not UTF-8 text, so Rapport cannot read it. Save it as UTF-8 in a text editor.', '', fileVersion(bytes))
    }
    return { id, name, source, text, version: fileVersion(bytes), parsed: parseTemplate(text, { id, path: source }) }
  }
}

/** Same prompts, fields and markers: what the file says, whatever its YAML layout. */
const sameTemplate = (a: TemplateDefinition, b: TemplateDefinition): boolean =>
  JSON.stringify({ ...a, warnings: [] }) === JSON.stringify({ ...b, warnings: [] })

const notFound = (id: string): RapportError => new RapportError('not-found', `There is no template called "${id}". "rapport templates" lists them.`)

const displayNameOf = (t: StoredTemplate): string => (t.parsed.ok ? t.parsed.template.name : (t.parsed.name ?? t.id))
