/**
 * Mentions in search: an entry that mentions a person or client is found by
 * that person's or client's name as it is now, not only by the link text
 * written at the time (which may be "P." or a name since changed).
 *
 * `MentionNames` is the current name of every client and person, by id,
 * kept up to date from the vault's change reports; the search service puts
 * those names in a field of each mentioning entry's document, and indexes
 * the entry again when one of them changes. Links to entries are left out:
 * a title is not a name someone searches an entry by, and titles change
 * far more often than names.
 */
import { parseMentionHref } from '../../shared/mentions'
import type { FoundMention } from '../mentions/find-mentions'
import { mayHaveMentions } from '../mentions/find-mentions'
import type { Vault } from '../vault/vault'

/** The people and clients an entry's body mentions (as `findMentions` found them), by id, each once, in reading order. */
export function mentionedIdsIn(mentions: readonly FoundMention[]): string[] {
  const ids = new Set<string>()
  for (const mention of mentions) if (mention.kind !== 'entry') ids.add(mention.id)
  return [...ids]
}

export class MentionNames {
  /** Id of a client or person → its name and the client it belongs to (a client to itself). */
  private readonly names = new Map<string, { name: string; clientId: string }>()
  /** Client id → the ids it names: itself and its people. */
  private readonly byClient = new Map<string, string[]>()
  private loaded = false

  constructor(private readonly vault: Vault) {}

  /** The current name of a client or person; null when nobody has that id (removed, or never was). */
  nameOf(id: string): string | null {
    this.ensure()
    return this.names.get(id)?.name ?? null
  }

  /** Reads every client again (the vault was reloaded, or a full reconcile is about to compare signatures). */
  reload(): void {
    this.names.clear()
    this.byClient.clear()
    for (const client of this.vault.clients.list()) this.take(client.id)
    this.loaded = true
  }

  /**
   * Takes in one client's client.json as it is now. Returns every id whose
   * name may have changed with it: the client, its people now, and its
   * people before (one removed no longer names anyone).
   */
  refreshClient(clientId: string): string[] {
    if (!this.loaded) {
      // Nothing was read yet: the first use reads every client as it is then, this one included.
      return [clientId, ...this.peopleOf(clientId)]
    }
    const before = this.byClient.get(clientId) ?? []
    for (const id of before) if (this.names.get(id)?.clientId === clientId) this.names.delete(id)
    this.byClient.delete(clientId)
    const after = this.take(clientId)
    return [...new Set([clientId, ...before, ...after])]
  }

  private ensure(): void {
    if (!this.loaded) this.reload()
  }

  /** Records a client's names; returns the ids recorded. */
  private take(clientId: string): string[] {
    const data = this.data(clientId)
    if (!data) return []
    const ids: string[] = []
    const put = (id: string, name: string): void => {
      // Ids are unique; should a copied folder repeat one, the first client read keeps it, so the name does not flip between them.
      const known = this.names.get(id)
      if (known && known.clientId !== clientId) return
      this.names.set(id, { name, clientId })
      ids.push(id)
    }
    put(clientId, data.name)
    for (const person of data.people ?? []) if (typeof person.id === 'string' && typeof person.name === 'string') put(person.id, person.name)
    this.byClient.set(clientId, ids)
    return ids
  }

  private peopleOf(clientId: string): string[] {
    return (this.data(clientId)?.people ?? []).map((p) => p.id)
  }

  private data(clientId: string) {
    try {
      return this.vault.clients.get(clientId).data ?? null
    } catch {
      return null
    }
  }
}

/** Where a mention's link text is in an entry's Markdown (the same offsets as its plain text). */
export interface MentionSpan {
  id: string
  start: number
  end: number
}

/** `[text](rapport:…)` with the text's brackets balanced one level deep and escapes allowed, or `<rapport:…>`. */
const INLINE_MENTION = /\[((?:\\.|[^[\]\\\n]|\[(?:\\.|[^[\]\\\n])*\])*)\]\(\s*<?(rapport:[^)\s>]+)>?[^)]*\)|<(rapport:[^>\s]+)>/gi

/**
 * The mentions of people and clients in a Markdown body, with where their
 * text is: for the snippet of an entry found by a mentioned name alone. A
 * scan rather than a parse (it runs for results being shown, on bodies that
 * may be long): inline links and autolinks, the forms the editor writes and
 * people type; a reference-style mention is not placed, and the snippet then
 * starts at the beginning as for any other match outside the body.
 */
export function mentionSpans(markdown: string): MentionSpan[] {
  if (!mayHaveMentions(markdown)) return []
  const spans: MentionSpan[] = []
  INLINE_MENTION.lastIndex = 0
  for (let match = INLINE_MENTION.exec(markdown); match !== null; match = INLINE_MENTION.exec(markdown)) {
    const target = parseMentionHref(match[2] ?? match[3] ?? '')
    if (!target || target.kind === 'entry') continue
    // Past the `[` (or, for an autolink, which shows its address as its text, the `<`).
    const start = match.index + 1
    const end = match[1] !== undefined ? start + match[1].length : match.index + match[0].length - 1
    spans.push({ id: target.id, start, end })
  }
  return spans
}
