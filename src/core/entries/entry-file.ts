import { Document, isMap, parseDocument } from 'yaml'
import { frontMatterBounds } from '../../shared/markdown'

/**
 * An entry on disk: Markdown with YAML front matter.
 *
 *   ---
 *   id: e_01JDX…
 *   client: c_01JDX…
 *   title: Scope call went sideways
 *   created: 2026-11-22T10:30:00.000Z
 *   updated: 2026-11-22T11:02:13.000Z
 *   template: after-difficult-meeting
 *   tags: [scope]
 *   ---
 *
 *   The body, in Markdown.
 *
 * Fields Rapport does not know (a person's own, or a newer version's) are
 * kept, with their comments and order, whenever the file is rewritten.
 */
export interface EntryFile {
  /** The front matter as plain values; empty when the file has none. */
  fields: Record<string, unknown>
  /** The parsed YAML, kept so a rewrite preserves what Rapport does not know. */
  yaml: Document | null
  /** Blank lines between the front matter and the body, kept as they were. */
  gap: string
  body: string
  /** Why the front matter could not be read; such a file is shown but never rewritten. */
  problem?: string
}

export function parseEntryFile(text: string, memory?: WrittenFrontMatter): EntryFile {
  const bounds = frontMatterBounds(text)
  if (bounds === null) return { fields: {}, yaml: null, gap: '', body: text }
  if (bounds === 'unclosed') {
    return { fields: {}, yaml: null, gap: '', body: text, problem: 'the front matter has no closing "---" line' }
  }
  const gap = text.slice(bounds.gapStart, bounds.bodyStart)
  const body = text.slice(bounds.bodyStart)
  const source = text.slice(bounds.yamlStart, bounds.yamlEnd)
  const yaml = memory?.recall(source) ?? parseDocument(source, { uniqueKeys: false })
  if (yaml.errors.length > 0) {
    const first = yaml.errors[0]
    return { fields: {}, yaml: null, gap, body, problem: `the front matter is not valid YAML (${first?.message.split('\n')[0]})` }
  }
  const value: unknown = yaml.toJS()
  if (value !== null && value !== undefined && !isMap(yaml.contents)) {
    return { fields: {}, yaml: null, gap, body, problem: 'the front matter is not a list of "key: value" fields' }
  }
  return { fields: (value as Record<string, unknown> | null) ?? {}, yaml, gap, body }
}

/**
 * Writes an entry back: the given fields are set (in the order given, for a
 * new file), every other field of the original front matter stays as it was.
 * A field set to `undefined` is removed.
 */
export function serializeEntryFile(
  original: Pick<EntryFile, 'yaml' | 'gap' | 'fields'> | null,
  fields: Record<string, unknown>,
  body: string,
  memory?: WrittenFrontMatter
): string {
  return serializeFrontMatter(original, fields, memory) + body
}

/** What `serializeEntryFile` writes before the body: the front matter between its `---` lines, and the gap after it. */
export function serializeFrontMatter(
  original: Pick<EntryFile, 'yaml' | 'gap' | 'fields'> | null,
  fields: Record<string, unknown>,
  memory?: WrittenFrontMatter
): string {
  return writeFrontMatter(original?.yaml?.clone() ?? new Document({}), original, fields, memory)
}

/**
 * `serializeFrontMatter` into `yaml` itself, which it changes: for a caller
 * that has no further use for the original's document (an import writes each
 * note once), sparing a copy of it.
 */
export function writeFrontMatter(
  yaml: Document,
  original: Pick<EntryFile, 'gap' | 'fields'> | null,
  fields: Record<string, unknown>,
  memory?: WrittenFrontMatter
): string {
  for (const [key, value] of Object.entries(fields)) {
    // Leave unchanged fields alone, so their quoting and comments stay exactly as written.
    if (original && JSON.stringify(original.fields[key]) === JSON.stringify(value)) continue
    if (value === undefined) yaml.delete(key)
    // A fresh node, so a changed value is written in the plain style YAML allows for it (not the quotes an empty title had).
    else yaml.set(key, yaml.createNode(value))
  }
  const gap = original?.gap || '\n'
  const frontMatter = yaml.toString({ lineWidth: 0 })
  memory?.remember(frontMatter, yaml)
  return `---\n${frontMatter}---\n${gap}`
}

/**
 * Front matter Rapport wrote, by its exact text, with the document it was
 * written from. A save reads the file back first (to see that no one else
 * changed it), and parsing YAML was most of a save's own work: the text it
 * finds is, byte for byte, what the last save wrote, so that document is
 * taken again (a copy: callers may change theirs). Only exact text matches.
 * Owned by the entry store, so it goes when the vault is closed or locked.
 */
export class WrittenFrontMatter {
  private readonly written = new Map<string, Document>()

  /** `size`: entries saved recently enough to be saved again soon; older ones are parsed as any file is. */
  constructor(private readonly size = 16) {}

  remember(frontMatter: string, yaml: Document): void {
    this.written.delete(frontMatter)
    this.written.set(frontMatter, yaml)
    if (this.written.size > this.size) this.written.delete(this.written.keys().next().value as string)
  }

  recall(frontMatter: string): Document | undefined {
    return this.written.get(frontMatter)?.clone()
  }
}
