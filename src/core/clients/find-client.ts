import type { ClientSummary } from '../../shared/domain'
import { findByName, foldName } from '../find-by-name'

/**
 * The client a person means by NAME on the command line (every verb that
 * takes one): the id, the exact name, the name ignoring case and accents or
 * the folder name, or a unique beginning of a name — the closest match wins
 * (find-by-name.ts). Ambiguity is an error that lists the candidates' ids.
 */
export function findClient(clients: readonly ClientSummary[], query: string): ClientSummary {
  return findByName(clients, query, {
    aliases: (c) => [c.path.split('/').pop() ?? ''],
    notFound: `No client is called "${query}". "rapport clients" lists them.`
  })
}

/** Clients already called `name` (ignoring case and accents): adding another would make the name ambiguous. */
export function clientsNamed(clients: readonly ClientSummary[], name: string): ClientSummary[] {
  return clients.filter((c) => foldName(c.name) === foldName(name))
}
