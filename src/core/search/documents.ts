/**
 * What is searched: each entry, client profile, commitment and interaction
 * becomes one document of five weighted fields. The weights are the
 * ranking's one rule of relevance between fields: a word in a title counts
 * more than in tags, tags more than names and labels, and those more than
 * the body text. `mentions` holds the current names of the people and
 * clients an entry mentions (see mention-names.ts): a little above the body,
 * like the entry's client's name, so "Priya" finds the entries that mention
 * her whatever their link text says, and one that names her in its text too
 * comes first.
 */
import type { EntrySummary } from '../../shared/domain'
import type { SearchKind } from '../../shared/contract/search'
import type { StoredClient, StoredCommitment, StoredInteraction } from '../relationship/stored-client'
import { plainText } from './plain-text'

export const FIELD_WEIGHTS = { title: 5, tags: 3, keywords: 2, mentions: 2, body: 1 } as const
export type FieldName = keyof typeof FIELD_WEIGHTS
export const FIELD_NAMES = Object.keys(FIELD_WEIGHTS) as FieldName[]

/** What the index keeps of each document, for filters and for building results. */
export interface DocInfo {
  kind: SearchKind
  /** The entry's, client's, commitment's or interaction's own id. */
  id: string
  /** The entry or client the document was made from (`entry:<id>`, `client:<id>`): what is indexed again when it changes. */
  source: string
  clientId: string | null
  /** ISO 8601: an entry's or client's creation, when a commitment was made, when an interaction happened. */
  date?: string
  template?: string
  /** Lower case. */
  tags: string[]
}

export interface SearchDoc extends DocInfo {
  /** Plain text by field; the body's offsets are the Markdown's (see plainText). */
  fields: Record<FieldName, string>
  /**
   * An entry's document on its way to the index: its body is still Markdown, made plain text where it is indexed
   * (`indexedDoc`, on the index's thread), not on the thread that answers the window.
   */
  bodyIsMarkdown?: true
}

export const entrySource = (id: string): string => `entry:${id}`
export const clientSource = (id: string): string => `client:${id}`

/** Very large entries are indexed up to here: enough for any real journal entry, and a pasted log cannot stall indexing. */
export const MAX_INDEXED_CHARS = 1_000_000

/** `mentionNames`: the current names of the people and clients the body mentions. */
export function entryDoc(
  entry: Pick<EntrySummary, 'id' | 'clientId' | 'title' | 'created' | 'template' | 'tags'>,
  body: string,
  clientName: string | null,
  mentionNames: readonly string[] = []
): SearchDoc {
  return {
    kind: 'entry',
    id: entry.id,
    source: entrySource(entry.id),
    clientId: entry.clientId,
    date: entry.created,
    ...(entry.template ? { template: entry.template } : {}),
    tags: entry.tags.map((t) => t.toLowerCase()),
    fields: {
      title: entry.title,
      tags: entry.tags.join(' '),
      keywords: [entry.template, clientName].filter(Boolean).join(' '),
      mentions: mentionNames.join('\n'),
      body: body.length > MAX_INDEXED_CHARS ? body.slice(0, MAX_INDEXED_CHARS) : body
    },
    bodyIsMarkdown: true
  }
}

/** The document as indexed: an entry's body made plain text (same length, so offsets stay the Markdown's). */
export function indexedDoc(doc: SearchDoc): SearchDoc {
  if (!doc.bodyIsMarkdown) return doc
  const { bodyIsMarkdown: _markdown, ...plain } = doc
  return { ...plain, fields: { ...doc.fields, body: plainText(doc.fields.body) } }
}

/** The client's profile, then one document per commitment and per interaction. */
export function clientDocs(clientId: string, client: StoredClient): SearchDoc[] {
  return [
    profileDoc(clientId, client),
    ...(client.commitments ?? []).map((k) => commitmentDoc(clientId, client, k)),
    ...(client.interactions ?? []).map((i) => interactionDoc(clientId, client, i))
  ]
}

/** One document of a client, by kind and id (for showing a result); null when it is no longer there. */
export function clientDoc(clientId: string, client: StoredClient, kind: SearchKind, id: string): SearchDoc | null {
  if (kind === 'client') return profileDoc(clientId, client)
  if (kind === 'commitment') {
    const commitment = (client.commitments ?? []).find((k) => k.id === id)
    return commitment ? commitmentDoc(clientId, client, commitment) : null
  }
  const interaction = kind === 'interaction' ? (client.interactions ?? []).find((i) => i.id === id) : undefined
  return interaction ? interactionDoc(clientId, client, interaction) : null
}

function profileDoc(clientId: string, client: StoredClient): SearchDoc {
  return {
    kind: 'client',
    id: clientId,
    source: clientSource(clientId),
    clientId,
    ...(client.createdAt ? { date: client.createdAt } : {}),
    tags: (client.tags ?? []).map((t) => t.toLowerCase()),
    fields: {
      title: client.name,
      tags: (client.tags ?? []).join(' '),
      keywords: [client.organisation, client.role, client.stage?.current, client.trust?.current].filter(Boolean).join(' '),
      mentions: '',
      body: profileText(client)
    }
  }
}

function commitmentDoc(clientId: string, client: StoredClient, k: StoredCommitment): SearchDoc {
  return {
    kind: 'commitment',
    id: k.id,
    source: clientSource(clientId),
    clientId,
    date: k.createdAt,
    tags: [],
    fields: {
      title: k.what,
      tags: '',
      keywords: [k.by === 'me' ? 'I promised' : `${client.name} promised`, k.status, client.name].join(' '),
      mentions: '',
      body: [k.due ? `Due ${k.due}` : '', ...notesOf(k.history)].filter(Boolean).join('\n')
    }
  }
}

function interactionDoc(clientId: string, client: StoredClient, i: StoredInteraction): SearchDoc {
  return {
    kind: 'interaction',
    id: i.id,
    source: clientSource(clientId),
    clientId,
    date: i.at,
    tags: [],
    fields: {
      title: interactionTitle(i),
      tags: '',
      keywords: [i.direction === 'in' ? 'from them' : 'reached out', client.name].join(' '),
      mentions: '',
      body: i.note ?? ''
    }
  }
}

/** "Phone, no reply": how an interaction is named in results. */
export function interactionTitle(interaction: { channel: string; outcome: string }): string {
  const words = (s: string) => s.replace(/-/g, ' ')
  const channel = words(interaction.channel)
  return `${channel.charAt(0).toUpperCase()}${channel.slice(1)}, ${words(interaction.outcome)}`
}

/** The profile as lines a person can read in a snippet: "Dislikes: cucumber". */
function profileText(client: StoredClient): string {
  const line = (label: string, value: string | undefined | null) => (value?.trim() ? `${label}: ${value.trim()}` : '')
  const list = (values: readonly string[] | undefined) => (values ?? []).join(', ')
  const style = client.style
  const people = (client.people ?? []).map((p) =>
    [
      line('Person', [p.name, p.role, p.relation].filter(Boolean).join(', ')),
      line('Likes', list(p.person?.likes)),
      line('Dislikes', list(p.person?.dislikes)),
      line('Notes', p.notes),
      line('Style notes', p.style?.notes)
    ].filter(Boolean)
  )
  return [
    line('Organisation', client.organisation),
    line('Role', client.role),
    line('Likes', list(client.person?.likes)),
    line('Dislikes', list(client.person?.dislikes)),
    line('Important dates', (client.person?.dates ?? []).map((d) => `${d.label} ${d.date}`).join(', ')),
    line('About them', client.person?.notes),
    line('Best times', style?.bestTimes),
    line('Replies expected', style?.replyWithin),
    line('Style notes', style?.notes),
    line('Goals', client.business?.goals),
    line('Pressures', client.business?.pressures),
    line('Success looks like', client.business?.success),
    ...people.flat()
  ]
    .filter(Boolean)
    .join('\n')
}

function notesOf(history: unknown): string[] {
  if (!Array.isArray(history)) return []
  return history.flatMap((h: unknown) => (h && typeof h === 'object' && 'note' in h && typeof h.note === 'string' && h.note.trim() ? [h.note] : []))
}
