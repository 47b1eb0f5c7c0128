import { basename } from 'node:path'
import { isRealIsoDate } from '../../shared/contract/relationship'
import type { EntryFile } from '../entries/entry-file'
import { parseEntryFile } from '../entries/entry-file'
import { cleanTags } from '../relationship/profile'
import { clientPageKind } from './profile-file'

/**
 * How a Markdown note from another tool becomes an entry: its front matter
 * mapped onto Rapport's fields where it fits, everything else kept.
 *
 *   title        `title`, else the first `# heading` (taken out of the text when it opens it), else the file name
 *   created      `created`, `date`, `created_at`, `createdAt`; else a date at the start of the file name; else the file's time
 *   updated      `updated`, `modified`, `updated_at`, `updatedAt`, `lastmod`; else `created`
 *   tags         `tags` as a list or a comma-separated string (a leading `#` dropped)
 *   template     `template`
 *   id           `id`, kept when it is a plain id (and, later, when no entry has it yet)
 *   client hint  `client`, `company`, `organisation`, `organization`
 *
 * A date is taken only when it is ISO 8601 (`2026-11-22`, `2026-11-22T10:30:00Z`,
 * `2026-11-22 10:30`): `03/04/2026` could be March or April. A value that does
 * not fit one of Rapport's own fields is kept under `imported-<field>`; an alias
 * that was mapped (`date` → `created`) is removed, its value now being `created`.
 */
export interface NoteFields {
  kind: 'note' | 'client-profile' | 'client-dossier'
  original: EntryFile
  title: string
  created: string
  updated: string
  tags: string[]
  /** Obsidian's `aliases` (or `alias`): other names wikilinks may use for this note. */
  aliases: string[]
  template?: string
  claimedId?: string
  /** What the note says about its client (a name, or an id in a Rapport export), strongest first. */
  clientHints: string[]
  /** Changes to the front matter besides Rapport's own fields: removed aliases (`undefined`) and kept values (`imported-…`). */
  extra: Record<string, unknown>
  body: string
}

const CREATED = ['created', 'date', 'created_at', 'createdAt'] as const
const UPDATED = ['updated', 'modified', 'updated_at', 'updatedAt', 'lastmod'] as const
const CLIENT = ['client', 'company', 'organisation', 'organization'] as const
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9_:.-]{0,199}$/
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
/** The contract's limit for a title. */
const MAX_TITLE = 300

/** A date as written when it is a real ISO 8601 date; a YAML timestamp becomes one. */
function isoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (typeof value !== 'string') return null
  const text = value.trim()
  return ISO.test(text) && isRealIsoDate(text) ? text : null
}

function tagsOf(value: unknown): string[] | null {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null
  if (!items || !items.every((t) => typeof t === 'string' || typeof t === 'number')) return null
  return cleanTags(items.map((t) => String(t).trim().replace(/^#/, '')))
}

function aliasesOf(value: unknown): string[] {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : []
  return items
    .filter((a): a is string | number => typeof a === 'string' || typeof a === 'number')
    .map((a) => String(a).trim())
    .filter(Boolean)
    .slice(0, 50)
}

/** The first `# heading` outside code, and whether it is the first thing in the text. */
function firstHeading(body: string): { title: string; opening: boolean; end: number } | null {
  let fence: string | null = null
  let offset = 0
  let seenText = false
  for (const line of body.split('\n')) {
    const next = offset + line.length + 1
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null
    } else if (fenceMark) {
      fence = fenceMark
    } else {
      const heading = /^ {0,3}# +(.*?)(?:\s+#+)?\s*$/.exec(line.replace(/\r$/, ''))
      if (heading?.[1]) return { title: unescapeMarkdown(heading[1]), opening: !seenText, end: Math.min(next, body.length) }
    }
    if (line.trim()) seenText = true
    offset = next
  }
  return null
}

/** `Scope \*call\*` → `Scope *call*`: a heading's text as it reads. */
const unescapeMarkdown = (text: string): string => text.replace(/\\([!-/:-@[-`{-~])/g, '$1').trim()

const clip = (text: string): string => (text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1).trimEnd()}…` : text)

export function mapNoteFields(text: string, source: { relative: string; mtimeMs: number }): NoteFields | { problem: string } {
  const file = parseEntryFile(text)
  if (file.problem) return { problem: `${file.problem}; fix it and import the note again` }
  const f = file.fields
  const extra: Record<string, unknown> = {}
  const keep = (key: string): void => {
    extra[`imported-${key}`] = f[key]
  }

  let body = file.body
  let title: string
  // An empty `title:` is a title too (Rapport's untitled entries); only a missing one is looked for elsewhere.
  if (typeof f.title === 'string') title = f.title.trim()
  else if (typeof f.title === 'number') title = String(f.title)
  else {
    if (f.title !== undefined && f.title !== null && typeof f.title !== 'string') keep('title')
    const heading = firstHeading(body)
    if (heading) {
      title = heading.title
      if (heading.opening) body = body.slice(heading.end).replace(/^(?:[ \t]*\r?\n)+/, '')
    } else
      title = basename(source.relative)
        .replace(/\.(md|markdown)$/i, '')
        .trim()
  }

  const pick = (keys: readonly string[]): string | null => {
    for (const key of keys) {
      if (f[key] === undefined) continue
      const date = isoDate(f[key])
      if (date !== null) {
        if (key !== keys[0]) extra[key] = undefined
        return date
      }
      if (key === keys[0]) keep(key)
    }
    return null
  }
  const fromName = /^(\d{4}-\d{2}-\d{2})/.exec(basename(source.relative))?.[1]
  const created = pick(CREATED) ?? (fromName && isRealIsoDate(fromName) ? fromName : new Date(source.mtimeMs).toISOString())
  const updated = pick(UPDATED) ?? created

  let tags: string[] = []
  if (f.tags !== undefined && f.tags !== null) {
    const mapped = tagsOf(f.tags)
    if (mapped) tags = mapped
    else keep('tags')
  }

  const result: NoteFields = {
    kind: clientPageKind(f) ?? 'note',
    original: file,
    title: clip(title),
    created,
    updated,
    tags,
    aliases: aliasesOf(f.aliases ?? f.alias),
    clientHints: CLIENT.map((key) => f[key])
      .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
      .map((v) => v.trim()),
    extra,
    body
  }
  if (typeof f.template === 'string' && PLAIN_ID.test(f.template)) result.template = f.template
  else if (f.template !== undefined) keep('template')
  if (typeof f.id === 'string' && PLAIN_ID.test(f.id.trim())) result.claimedId = f.id.trim()
  else if (f.id !== undefined) keep('id')
  return result
}
