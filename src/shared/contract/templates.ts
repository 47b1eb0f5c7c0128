import { z } from 'zod'
import { id, returns } from './define'

/**
 * Templates (issue #6): the built-ins shipped in `resources/templates/`, the
 * user's own and edited copies in `<vault>/templates/`, turning what a person
 * wrote under marked sections into items of the client record, and the
 * history of reflections over time.
 */

/** What a marked section of a template offers to add to the client record. */
export const extractKinds = ['style-note', 'commitment-mine', 'commitment-theirs', 'question'] as const
export type ExtractKind = (typeof extractKinds)[number]

/** A value a template records in the entry's own front matter (for example `mood`). */
export interface TemplateField {
  /** The front-matter key in the entry. */
  key: string
  /** The question, as the person sees it. */
  label: string
  /** A numeric scale (for example 1–5): its values are charted over time. */
  scale?: { min: number; max: number }
  /** Written into a new entry's front matter when given. */
  default?: string | number | boolean
}

/** A section whose items can be added to the client record: `heading` as written in the template. */
export interface ExtractMarker {
  heading: string
  kind: ExtractKind
}

/** One template as the picker shows it. */
export interface TemplateSummary {
  /** The file name without `.md`; also what an entry's `template` field holds. */
  id: string
  name: string
  /** When to use it, in one sentence. */
  description: string
  order: number
  /** Shipped with Rapport (possibly edited: see `isEdited`). */
  isBuiltIn: boolean
  /** A built-in the person changed: their copy lives in the vault's `templates/` and can be reverted. */
  isEdited: boolean
  /** Where it is read from: vault-relative (`templates/x.md`) for the vault's, absolute for a built-in's original. */
  source: string
  /** Why it cannot be used (broken front matter…); it is still listed so it can be fixed or removed. */
  problem?: string
  /** Set on the templates put first for this client, saying why in plain words. */
  suggested?: string
}

/** A whole template, for editing and for starting an entry. */
export interface Template extends TemplateSummary {
  /** The Markdown prompts, placeholders unfilled; for a broken file, whatever text could be read. */
  body: string
  fields: TemplateField[]
  extract: ExtractMarker[]
  /** Things worth fixing that do not stop it working (an unknown placeholder, a marker that matches no heading). */
  warnings: string[]
  /** Fingerprint of the file as read; pass it back to `templates:save` so a change made elsewhere is not overwritten. */
  version: string
}

/** An item found under a marked section of an entry, offered to the person before anything is added. */
export interface ExtractProposal {
  kind: ExtractKind
  text: string
  /** ISO date read from the item ("by Friday", "by 2026-11-30"), commitments only. */
  due?: string
  /** The entry's heading it was found under. */
  heading: string
}

export interface ExtractResult {
  entryId: string
  template?: string
  proposals: ExtractProposal[]
  /** Why nothing could be offered (the template is gone or broken); not an error, so saving an entry never fails on it. */
  problem?: string
}

/** What `templates:apply` wrote into client.json. */
export interface AppliedItem {
  kind: ExtractKind
  text: string
  due?: string
  /** The id of the new commitment or question; style notes have none. */
  id?: string
}

export interface ApplyResult {
  added: AppliedItem[]
  /** Items not added because the client record already has them. */
  skipped: { kind: ExtractKind; text: string }[]
}

/** Reflections (entries started from a template) over time, for one client or the whole vault. */
export interface ReflectionSummary {
  clientId: string | null
  total: number
  /** Every template used, with its count; the name is the template's current one, or the id if it is gone. */
  templates: { id: string; name: string; count: number }[]
  /** Every month from the first reflection to the last (`2026-11`), gaps included, with counts per template id. */
  months: { month: string; total: number; byTemplate: Record<string, number> }[]
  /** Which reflections were written when, newest first. */
  timeline: { entryId: string; clientId: string | null; title: string; created: string; template: string }[]
  /** Numeric scale fields (such as `mood`) over time, oldest first. */
  series: {
    field: string
    label: string
    scale: { min: number; max: number }
    points: { entryId: string; created: string; template: string; value: number }[]
  }[]
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date must look like 2026-11-30.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'That date does not exist.')

const templateName = z
  .string()
  .trim()
  .min(1, 'A template needs a name.')
  .max(200, 'A template name can be at most 200 characters.')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'A template name cannot contain control characters.')

const fieldSchema = z.object({
  key: z.string().regex(/^[A-Za-z][\w-]{0,63}$/, 'A field key is a word like "mood" (letters, digits, - and _).'),
  label: z.string().trim().min(1, 'A field needs a question to ask.').max(300),
  scale: z.object({ min: z.number().int(), max: z.number().int() }).optional(),
  default: z.union([z.string().max(1000), z.number(), z.boolean()]).optional()
})

export const templatesContract = {
  /** Every template; with a client, the most likely first for them (see `suggested`); `filter` matches name or description. */
  'templates:list': {
    input: z.object({ clientId: id.nullable().optional(), filter: z.string().max(200).optional() }),
    output: returns<TemplateSummary[]>()
  },
  'templates:get': { input: z.object({ id }), output: returns<Template>() },
  /**
   * Without `id`: a new template of the person's own. With the id of a
   * built-in: an edited copy in the vault. With the id of their own: that file.
   * `extract` and `fields`, when left out, stay as they were.
   */
  'templates:save': {
    input: z.object({
      id: id.optional(),
      name: templateName,
      description: z.string().trim().max(1000, 'A description can be at most 1000 characters.'),
      body: z.string().max(200_000, 'A template can be at most 200,000 characters.'),
      extract: z.array(z.object({ heading: z.string().trim().min(1).max(300), kind: z.enum(extractKinds) })).optional(),
      fields: z.array(fieldSchema).optional(),
      version: z.string().optional()
    }),
    output: returns<Template>()
  },
  /** Drops the edited copy of a built-in (to the vault's trash) and returns the original. */
  'templates:revert': { input: z.object({ id }), output: returns<Template>() },
  /** Moves one of the person's own templates to the vault's trash; built-ins can only be reverted. */
  'templates:delete': { input: z.object({ id }), output: returns<void>() },
  /** What the entry's marked sections offer to add to its client's record; nothing is written. */
  'templates:extract': { input: z.object({ entryId: id }), output: returns<ExtractResult>() },
  /** Adds the items the person accepted to the entry's client record, each linked back to the entry. */
  'templates:apply': {
    input: z.object({
      entryId: id,
      items: z
        .array(
          z.object({
            kind: z.enum(extractKinds),
            text: z.string().trim().min(1, 'An item cannot be empty.').max(20_000),
            due: isoDay.optional()
          })
        )
        .max(500)
    }),
    output: returns<ApplyResult>()
  },
  /** Which reflections were written when, and how a template's scale changes: for one client, or all when no client is given. */
  'reflections:summary': { input: z.object({ clientId: id.nullable().optional() }), output: returns<ReflectionSummary>() }
} as const
