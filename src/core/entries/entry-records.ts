import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { reservedEntryFields } from '../../shared/contract/entries'
import type { EntrySummary, VaultProblem } from '../../shared/domain'
import type { EntryFile } from './entry-file'
import { excerptOf } from '../../shared/markdown'

/** What the store keeps in memory for one entry file: its summary, and what it knows of the file. */
export interface EntryRecord extends EntrySummary {
  /** The file's version when last read or written by Rapport. */
  version: string
  /** Why the file cannot be saved by Rapport (broken front matter, not UTF-8); it is still shown. */
  problem?: string
  /** The file holds git's conflict markers: shown with both sides to choose from, never saved over until the person chooses. */
  markers?: true
  /** Day One's own id of the entry it was imported from (`dayone-uuid`): how importing that export again knows it. */
  dayOneId?: string
}

export interface SyncConflict {
  /** The conflicting copy. */
  path: string
  /** The file it is a copy of. */
  originalPath: string
  tool: string
}

/**
 * Everything the store knows about the journal. It is replaced whole when the
 * vault is read again, so a request served during a reload sees the old state
 * or the new one, never half of each.
 */
export interface EntryState {
  records: Map<string, EntryRecord>
  /** Copies made by sync tools (or by Rapport on a conflicting save), by the vault path of the file they belong to. */
  conflictCopies: Map<string, SyncConflict[]>
  /** Files that could not be read as entries, with the reason. */
  problems: VaultProblem[]
}

export const emptyState = (): EntryState => ({ records: new Map(), conflictCopies: new Map(), problems: [] })

/** Only this much of a very large entry is read to make its excerpt at start-up. */
export const EXCERPT_BYTES = 16 * 1024

/**
 * The record of an entry file as read. Whether its id is free is for the
 * store to settle when it lists the record (`admit`, id-claims.ts).
 */
export function recordOf(relative: string, clientId: string | null, file: EntryFile, version: string, size: number, markers = false): EntryRecord {
  const f = file.fields
  const claimed = typeof f.id === 'string' && f.id.trim() ? f.id.trim() : null
  const id = claimed ?? derivedId(relative)
  const stamp = (value: unknown): string | null => (typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : null)
  const created = stamp(f.created) ?? dateFromName(relative) ?? new Date(0).toISOString()
  const record: EntryRecord = {
    id,
    clientId,
    title: typeof f.title === 'string' ? f.title : titleFromName(relative),
    created,
    updated: stamp(f.updated) ?? created,
    tags: Array.isArray(f.tags) ? f.tags.filter((t): t is string => typeof t === 'string') : [],
    excerpt: excerptOf(size > EXCERPT_BYTES ? file.body.slice(0, EXCERPT_BYTES) : file.body),
    path: relative,
    version
  }
  if (typeof f.template === 'string') record.template = f.template
  if (file.problem) record.problem = file.problem
  if (markers) record.markers = true
  if (typeof f['dayone-uuid'] === 'string' && f['dayone-uuid'] !== '') record.dayOneId = f['dayone-uuid']
  return record
}

/** An id for a file a person added without one: stable while the file stays where it is. */
export const derivedId = (relative: string): string => `e_file:${createHash('sha256').update(relative).digest('hex').slice(0, 16)}`
export const isDerivedId = (id: string): boolean => id.startsWith('e_file:')

function dateFromName(relative: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(basename(relative))
  return match ? `${match[1]}T00:00:00.000Z` : null
}

function titleFromName(relative: string): string {
  return basename(relative, '.md')
    .replace(/^\d{4}-\d{2}-\d{2}-?/, '')
    .replace(/[-_]+/g, ' ')
    .trim()
}

export function toSummary(record: EntryRecord): EntrySummary {
  const { version: _version, problem: _problem, markers: _markers, dayOneId: _dayOneId, ...summary } = record
  return { ...summary, tags: [...summary.tags] }
}

/** Rapport's own front-matter keys; the rest are the entry's fields (a template's `mood`, a person's own). */
const OWN_KEYS: ReadonlySet<string> = new Set(reservedEntryFields)

/** The entry's other front-matter fields that are plain values, for the app to show and edit. */
export function simpleFields(fields: Record<string, unknown>): Record<string, string | number | boolean> {
  const simple: Record<string, string | number | boolean> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (!OWN_KEYS.has(key) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) simple[key] = value
  }
  return simple
}

export function removeProblemsOf(problems: VaultProblem[], path: string): void {
  for (let i = problems.length - 1; i >= 0; i--) if (problems[i]?.path === path) problems.splice(i, 1)
}
