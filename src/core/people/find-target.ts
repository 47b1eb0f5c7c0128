import type { MentionCandidate } from '../../shared/contract/people'
import { findByName, foldName } from '../find-by-name'

/**
 * The client or person a person means by NAME on the command line: the id,
 * the exact name, the name ignoring case and accents, or a unique beginning
 * of a name or of one of its words, of a client or of anyone at one — the
 * closest match wins (find-by-name.ts). Ambiguity is an error listing who.
 */
export function findMentionTarget(candidates: readonly MentionCandidate[], query: string): MentionCandidate {
  return findByName(candidates, query, {
    partly: (c, wanted) =>
      foldName(c.name).startsWith(wanted) ||
      foldName(c.name)
        .split(/\s+/)
        .some((word) => word.startsWith(wanted)),
    describe: (c) => (c.kind === 'person' ? `${c.name} at ${c.clientName} (${c.id})` : `${c.name} (${c.id})`),
    notFound: `No client or person is called "${query}". "rapport clients" and "rapport people --client NAME" list them.`
  })
}
