/**
 * The people at a client, mentions and backlinks (issue #12).
 *
 * People live in client.json's documented `people` array (see DESIGN.md);
 * each has the client's shape for contact, style, the person and trust.
 * `defaultTemplate` (on the client and on a person) is the template a new
 * entry for them starts from. Mentions are Markdown links, see
 * `../mentions.ts`; backlinks are derived from the entry files.
 *
 * Types and schemas only: the renderer imports this file.
 */
import { z } from 'zod'
import type { MentionKind } from '../mentions'
import type { Entry, stakeholderSchema } from '../domain'
import { displayName, relations, trustLevels } from '../domain'
import { id, returns } from './define'
import { contactPatch, note, personPatch, stylePatch } from './relationship'

export type Person = z.output<typeof stakeholderSchema>

/** The field may be set (to a valid value), removed (`null`) or left alone (absent). */
const settable = <T extends z.ZodType>(schema: T) => schema.nullable().optional()

export const personPatchSchema = z.strictObject({
  name: displayName.optional(),
  role: settable(z.string().max(2_000)),
  relation: settable(z.enum(relations)),
  contact: contactPatch.optional(),
  style: stylePatch.optional(),
  person: personPatch.optional(),
  notes: settable(z.string().max(20_000)),
  /** The template a new entry about this person starts from. */
  defaultTemplate: settable(id)
})
export type PersonPatch = z.output<typeof personPatchSchema>

/** One entry that mentions someone (or links to an entry), with the sentence around the mention. */
export interface Backlink {
  entryId: string
  clientId: string | null
  title: string
  created: string
  /** Vault-relative path of the entry's file. */
  path: string
  kind: MentionKind
  /** The link's text as written (the name at the time). */
  text: string
  sentence: string
}

/** Someone or something that can be mentioned: offered when `@` is typed. */
export interface MentionCandidate {
  /** `entry`: a link to another entry, offered from the search index as one types. */
  kind: 'client' | 'person' | 'entry'
  id: string
  /** The name, or an entry's title. */
  name: string
  /** The client the person (or entry) is at, for a client itself; '' for an entry of the vault's own journal. */
  clientId: string
  clientName: string
  role?: string
  relation?: Person['relation']
}

/** What a mention's id names now: its current name, and where to open it. Null name: it no longer exists. */
export interface ResolvedTarget {
  kind: MentionKind
  id: string
  name: string | null
  clientId: string | null
}

const clientId = id
const people = returns<{ person: Person; people: Person[] }>()

export const peopleContract = {
  'people:list': { input: z.object({ clientId }), output: returns<Person[]>() },
  'people:add': {
    input: z.object({ clientId, name: displayName, role: z.string().max(2_000).optional(), relation: z.enum(relations).optional() }),
    output: people
  },
  'people:update': { input: z.object({ clientId, id, patch: personPatchSchema }), output: people },
  /** Moves the person's trust and records it in their history with the date and the note. */
  'people:trust': { input: z.object({ clientId, id, trust: z.enum(trustLevels), note: note.optional() }), output: people },
  'people:remove': { input: z.object({ clientId, id }), output: returns<Person[]>() },
  /** Starts an entry about a person: from their default template (else the client's), beginning with a mention of them. */
  'people:new-entry': { input: z.object({ clientId, id }), output: returns<Entry>() },
  /** Every client and person, for the `@` suggestions. */
  'mentions:candidates': { input: z.void(), output: returns<MentionCandidate[]>() },
  /** What a mention's target is called now (a renamed person shows their current name). */
  'mentions:resolve': { input: z.object({ kind: z.enum(['person', 'client', 'entry']), id }), output: returns<ResolvedTarget>() },
  /** Entries that mention a client, a person or an entry, newest first. */
  'backlinks:of': { input: z.object({ target: id }), output: returns<Backlink[]>() },
  /** The template new entries for this client start from; null: a blank entry. */
  'clients:set-default-template': { input: z.object({ clientId, template: id.nullable() }), output: returns<{ defaultTemplate: string | null }>() }
} as const
