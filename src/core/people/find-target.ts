import type { MentionCandidate } from '../../shared/contract/people'
import { RapportError } from '../errors'

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim()

/**
 * The client or person a person means by NAME on the command line: an exact
 * id, an exact name (ignoring case and accents), or a unique beginning of a
 * name, of a client or of anyone at one. Ambiguity is an error listing who.
 */
export function findMentionTarget(candidates: readonly MentionCandidate[], query: string): MentionCandidate {
  const wanted = fold(query)
  const exact = candidates.filter((c) => c.id === query || fold(c.name) === wanted)
  const found = exact.length > 0 ? exact : candidates.filter((c) => fold(c.name).startsWith(wanted) || fold(c.name).split(/\s+/).some((word) => word.startsWith(wanted)))
  if (found.length === 1 && found[0]) return found[0]
  if (found.length === 0) throw new RapportError('not-found', `No client or person is called "${query}". "rapport clients" and "rapport people --client NAME" list them.`)
  const names = found.map((c) => (c.kind === 'person' ? `${c.name} at ${c.clientName} (${c.id})` : `${c.name} (${c.id})`)).join(', ')
  throw new RapportError('invalid-input', `"${query}" could mean ${names}. Use the full name or the id.`)
}
