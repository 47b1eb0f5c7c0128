import type { ExtractKind, ExtractMarker, TemplateField } from '../../shared/contract/templates'
import { parseEntryFile } from '../entries/entry-file'
import { fold } from './fold'
import { sectionsOf } from './markdown-sections'
import { isKnownPlaceholder, scanPlaceholders } from './placeholders'
import { reservedEntryFields } from '../../shared/contract/entries'

/**
 * A template on disk: Markdown prompts under YAML front matter.
 *
 *   ---
 *   id: before-a-call                # optional; the file name is the id
 *   name: Before a call              # required
 *   description: A few minutes before you talk…
 *   order: 60                        # place in the picker, lowest first
 *   fields:                          # values the entry records in its own front matter
 *     mood: { label: "How did it feel, 1 (rough) to 5 (good)?", scale: [1, 5] }
 *   extract:                         # sections whose items can go into the client record
 *     Questions to ask: questions
 *   ---
 *
 *   ## The goal of this call
 *   _One sentence._
 *
 * Reading a template never throws: whatever is wrong comes back as a
 * `TemplateProblem` with a message for people, so one broken file cannot
 * break the picker.
 */

export interface TemplateDefinition {
  id: string
  name: string
  description: string
  order: number
  fields: TemplateField[]
  extract: ExtractMarker[]
  /** The prompts, placeholders unfilled. */
  body: string
  warnings: string[]
}

export interface TemplateProblem {
  /** Where the file is, for messages: vault-relative or absolute. */
  path: string
  message: string
}

export type ParsedTemplate = { ok: true; template: TemplateDefinition } | { ok: false; problem: TemplateProblem; name?: string; body: string }

/** Templates that declare no order come after the built-ins, by name. */
export const DEFAULT_ORDER = 1000

/** How a template marks a section in its front matter, and what each marker offers. */
export const markerKinds: Record<string, ExtractKind> = {
  'style-notes': 'style-note',
  'commitments-mine': 'commitment-mine',
  'commitments-theirs': 'commitment-theirs',
  questions: 'question'
}
export const markerOf = (kind: ExtractKind): string => Object.keys(markerKinds).find((key) => markerKinds[key] === kind) ?? kind

/** Front-matter keys an entry already uses for itself: a template field cannot take them over. */
const ENTRY_KEYS: ReadonlySet<string> = new Set(reservedEntryFields)

class Problem extends Error {}

export function parseTemplate(text: string, where: { id: string; path: string }): ParsedTemplate {
  const file = parseEntryFile(text)
  const fail = (message: string, name?: string): ParsedTemplate => ({
    ok: false,
    problem: { path: where.path, message },
    body: file.body,
    ...(name === undefined ? {} : { name })
  })
  if (text.trim() === '') return fail('The file is empty. A template needs front matter with at least a name, and its prompts.')
  if (file.problem) return fail(`${capitalise(file.problem)}.`)
  if (!file.yaml)
    return fail('It has no front matter. A template starts with a block between two "---" lines giving at least its name, for example "name: Before a call".')

  const f = file.fields
  const name = typeof f.name === 'string' || typeof f.name === 'number' ? String(f.name).trim() : ''
  if (!name) return fail('It has no name. Add a line such as "name: Before a call" to its front matter.')

  const warnings: string[] = []
  const bodyLine = text.slice(0, text.length - file.body.length).split('\n').length
  try {
    const description = typeof f.description === 'string' ? f.description.trim() : ''
    if (!description) warnings.push('It has no description saying when to use it.')
    if (f.id !== undefined && f.id !== where.id) {
      warnings.push(`Its front matter says id "${String(f.id)}", but its file name makes it "${where.id}"; Rapport goes by the file name.`)
    }
    let order = DEFAULT_ORDER
    if (typeof f.order === 'number' && Number.isFinite(f.order)) order = f.order
    else if (f.order !== undefined) warnings.push(`Its order "${String(f.order)}" is not a number, so it is listed after the others.`)

    const scan = scanPlaceholders(file.body)
    const bad = scan.malformed[0]
    if (bad) {
      throw new Problem(
        `Line ${bad.line + bodyLine - 1} has "${bad.text}", which is not a placeholder Rapport can read. Placeholders look like {{client.name}}.`
      )
    }
    for (const unknown of scan.names.filter((n) => !isKnownPlaceholder(n))) {
      warnings.push(`It uses {{${unknown}}}, which Rapport does not know; it is left in the entry as written.`)
    }
    if (!file.body.trim()) warnings.push('It has no prompts yet.')

    const extract = readExtract(f.extract)
    const headings = new Set(sectionsOf(file.body).map((s) => fold(s.heading)))
    for (const marker of extract) {
      if (!headings.has(fold(marker.heading))) warnings.push(`It marks "${marker.heading}", but none of its headings says that.`)
    }
    return {
      ok: true,
      template: { id: where.id, name, description, order, fields: readFields(f.fields), extract, body: file.body, warnings }
    }
  } catch (error) {
    if (error instanceof Problem) return fail(error.message, name)
    throw error
  }
}

function readExtract(value: unknown): ExtractMarker[] {
  if (value === undefined || value === null) return []
  if (!isPlainObject(value)) {
    throw new Problem('Its "extract" is not a list of "Heading: kind" lines, for example "What I promised: commitments-mine".')
  }
  return Object.entries(value).map(([heading, marker]) => {
    const kind = typeof marker === 'string' ? markerKinds[marker.trim()] : undefined
    if (!kind) {
      throw new Problem(`It marks "${heading}" as "${String(marker)}", which Rapport does not know. Use one of: ${Object.keys(markerKinds).join(', ')}.`)
    }
    return { heading: heading.trim(), kind }
  })
}

function readFields(value: unknown): TemplateField[] {
  if (value === undefined || value === null) return []
  if (!isPlainObject(value)) throw new Problem('Its "fields" is not a list of fields, for example "mood: { label: How did it feel?, scale: [1, 5] }".')
  return Object.entries(value).map(([key, spec]): TemplateField => {
    if (!/^[A-Za-z][\w-]{0,63}$/.test(key)) throw new Problem(`The field "${key}" needs a simple name, a word like "mood".`)
    if (ENTRY_KEYS.has(key)) throw new Problem(`A field cannot be called "${key}": every entry uses that name for itself.`)
    if (typeof spec === 'string' && spec.trim()) return { key, label: spec.trim() }
    if (!isPlainObject(spec) || typeof spec.label !== 'string' || !spec.label.trim()) {
      throw new Problem(`The field "${key}" needs a label: the question it asks, for example "label: How did it feel?".`)
    }
    const field: TemplateField = { key, label: spec.label.trim() }
    if (spec.scale !== undefined) {
      const [min, max] = Array.isArray(spec.scale) ? spec.scale : []
      if (!Number.isInteger(min) || !Number.isInteger(max) || (min as number) >= (max as number) || (spec.scale as unknown[]).length !== 2) {
        throw new Problem(`The field "${key}" has a scale Rapport cannot read; write it as two whole numbers, lowest first, like "scale: [1, 5]".`)
      }
      field.scale = { min: min as number, max: max as number }
    }
    if (spec.default !== undefined && spec.default !== null) {
      const d = spec.default
      if (typeof d !== 'string' && typeof d !== 'number' && typeof d !== 'boolean') {
        throw new Problem(`The field "${key}" has a default that is not a single value.`)
      }
      if (field.scale && (typeof d !== 'number' || d < field.scale.min || d > field.scale.max)) {
        throw new Problem(`The field "${key}" has the default ${String(d)}, outside its scale of ${field.scale.min} to ${field.scale.max}.`)
      }
      field.default = d
    }
    return field
  })
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** The front matter that says what a template is, in the file's own words (the reverse of `parseTemplate`). */
export function templateFrontMatter(t: Pick<TemplateDefinition, 'id' | 'name' | 'description' | 'order' | 'fields' | 'extract'>): Record<string, unknown> {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    order: t.order,
    fields: t.fields.length
      ? Object.fromEntries(
          t.fields.map((f) => [
            f.key,
            { label: f.label, ...(f.scale ? { scale: [f.scale.min, f.scale.max] } : {}), ...(f.default === undefined ? {} : { default: f.default }) }
          ])
        )
      : undefined,
    extract: t.extract.length ? Object.fromEntries(t.extract.map((m) => [m.heading, markerOf(m.kind)])) : undefined
  }
}
