import type { ClientSummary } from '../../shared/domain'
import { RapportError } from '../errors'

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim()

/**
 * The client a person means by NAME on the command line: an exact id, an
 * exact name (ignoring case and accents), the folder name, or a unique
 * beginning of a name. Ambiguity is an error that lists the candidates.
 */
export function findClient(clients: readonly ClientSummary[], query: string): ClientSummary {
  const wanted = fold(query)
  const exact = clients.filter((c) => c.id === query || fold(c.name) === wanted || c.path.split('/').pop() === query)
  if (exact.length === 1 && exact[0]) return exact[0]
  const candidates = exact.length > 1 ? exact : clients.filter((c) => fold(c.name).startsWith(wanted))
  if (candidates.length === 1 && candidates[0]) return candidates[0]
  if (candidates.length === 0) throw new RapportError('not-found', `No client is called "${query}". "rapport clients" lists them.`)
  const names = candidates.map((c) => `${c.name} (${c.id})`).join(', ')
  throw new RapportError('invalid-input', `"${query}" could mean ${names}. Use the full name or the id.`)
}
