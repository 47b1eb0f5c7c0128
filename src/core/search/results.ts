/**
 * Ranked documents made into results a person reads: the title, a snippet
 * around the best match with highlight ranges, and where to open it. Text
 * comes from the vault as it is now (entries from their files, read only
 * for the results shown, and kept a while: refining a query brings the same
 * entries back), so a snippet is never out of date.
 */
import type { SearchResult, SearchTarget } from '../../shared/contract/search'
import type { Vault } from '../vault/vault'
import type { DocInfo } from './documents'
import { clientDoc } from './documents'
import type { QueryTerm, RankedDoc } from './inverted-index'
import { plainText } from './plain-text'
import type { MentionNames, MentionSpan } from './mention-names'
import { mentionSpans } from './mention-names'
import { highlightsIn, snippetAt, snippetOf } from './snippet'
import { clientData, clientName, readEntryBodyNow } from './sources'
import { forEachWord, phraseTest } from './words'

interface Body {
  version: string
  plain: string
  /** Where the body mentions people and clients (offsets in `plain`). */
  mentions: MentionSpan[]
}

/** Entry bodies recently shown, as plain text, by entry id: typing a query refines it, and the same entries come back. */
export class RecentBodies {
  private readonly bodies = new Map<string, Body>()

  constructor(private readonly capacity = 1000) {}

  get(vault: Vault, entryId: string): Body | null {
    const known = this.bodies.get(entryId)
    if (known && known.version === vault.entries.withVersion(entryId)?.version) {
      this.bodies.delete(entryId)
      this.bodies.set(entryId, known)
      return known
    }
    const file = readEntryBodyNow(vault, entryId)
    if (!file) return null
    // Mentions are placed now, while the Markdown is at hand: its plain text has lost the link targets.
    const body: Body = { version: file.version, plain: plainText(file.body), mentions: mentionSpans(file.body) }
    this.bodies.set(entryId, body)
    if (this.bodies.size > this.capacity) this.bodies.delete(this.bodies.keys().next().value ?? '')
    return body
  }
}

interface Shown {
  title: string
  /** Plain text with the Markdown's offsets (for entries) or the document's body. */
  body: string
  date?: string
  mentions?: readonly MentionSpan[]
}

/**
 * Results for the ranked documents, in order, at most `limit`. With quoted
 * phrases, documents are checked in order until `limit` hold them all
 * (`confirmed` counts those found).
 */
export function resultsFor(
  vault: Vault,
  ranked: readonly RankedDoc[],
  query: readonly QueryTerm[],
  phrases: readonly string[][],
  limit: number,
  bodies: RecentBodies,
  names: Pick<MentionNames, 'nameOf'>
): { results: SearchResult[]; confirmed: number } {
  const wanted = new Map<string, number>()
  query.forEach((term, word) => {
    for (const variant of term.variants) if (!wanted.has(variant.term)) wanted.set(variant.term, word)
  })
  const phraseTests = phrases.map(phraseTest)
  const results: SearchResult[] = []
  let confirmed = 0
  for (let at = 0; at < ranked.length && results.length < limit; at += limit) {
    const batch = ranked.slice(at, at + limit)
    const shown = batch.map(({ doc }) => textOf(vault, doc, bodies))
    batch.forEach(({ doc, score }, i) => {
      const text = shown[i]
      if (!text) return
      if (phraseTests.length > 0) {
        // A mention stands for the name it points at now: "Priya Raman" in quotes finds an entry whose link says "P.".
        const named = (text.mentions ?? []).map((m) => names.nameOf(m.id) ?? '').join('\n')
        if (!phraseTests.every((holds) => holds(`${text.title}\n${text.body}\n${named}`))) return
      }
      confirmed++
      if (results.length < limit) results.push(resultOf(vault, doc, score, text, wanted, names))
    })
  }
  return { results, confirmed }
}

function resultOf(
  vault: Vault,
  doc: DocInfo,
  score: number,
  text: Shown,
  wanted: ReadonlyMap<string, number>,
  names: Pick<MentionNames, 'nameOf'>
): SearchResult {
  let snippet = snippetOf(text.body, wanted)
  if (snippet.highlights.length === 0) {
    // Nothing in the body matched: if a mentioned name did, the snippet is the sentence around that mention.
    const mention = text.mentions?.find((m) => nameMatches(names.nameOf(m.id), wanted))
    if (mention) snippet = snippetAt(text.body, mention.start, mention.end)
  }
  const name = clientName(vault, doc.clientId)
  const date = text.date ?? doc.date
  return {
    kind: doc.kind,
    open: targetOf(doc, snippet.offset),
    title: text.title,
    titleHighlights: highlightsIn(text.title, wanted),
    snippet: snippet.text,
    highlights: snippet.highlights,
    clientId: doc.clientId,
    ...(name !== null ? { clientName: name } : {}),
    ...(date ? { date } : {}),
    score: Math.round(score * 1000) / 1000
  }
}

function nameMatches(name: string | null, wanted: ReadonlyMap<string, number>): boolean {
  let found = false
  if (name) forEachWord(name, (term) => !(found = wanted.has(term)))
  return found
}

function targetOf(doc: DocInfo, offset: number): SearchTarget {
  const clientId = doc.clientId ?? ''
  switch (doc.kind) {
    case 'entry':
      return { kind: 'entry', entryId: doc.id, offset }
    case 'client':
      return { kind: 'client', clientId: doc.id }
    case 'commitment':
      return { kind: 'commitment', clientId, commitmentId: doc.id }
    case 'interaction':
      return { kind: 'interaction', clientId, interactionId: doc.id }
  }
}

/** The document's text as it is now; null when it is gone (the index hears of it in a moment). */
function textOf(vault: Vault, doc: DocInfo, bodies: RecentBodies): Shown | null {
  if (doc.kind === 'entry') {
    const entry = vault.entries.withVersion(doc.id)
    const body = entry ? bodies.get(vault, doc.id) : null
    return entry && body !== null ? { title: entry.title || 'Untitled', body: body.plain, date: entry.created, mentions: body.mentions } : null
  }
  const data = doc.clientId === null ? null : clientData(vault, doc.clientId)
  const found = data && doc.clientId !== null ? clientDoc(doc.clientId, data, doc.kind, doc.id) : null
  return found ? { title: found.fields.title, body: found.fields.body, ...(found.date ? { date: found.date } : {}) } : null
}
