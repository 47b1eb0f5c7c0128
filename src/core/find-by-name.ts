import { RapportError } from './errors'

/** Case and accents ignored: "dana whitfield" and "Dána Whitfield" are the same name to a person typing. */
export const foldName = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim()

const exactName = (s: string): string => s.normalize('NFC').trim()

export interface NameRules<T> {
  /** Other spellings that count as exact, such as a client's folder name. */
  aliases?: (item: T) => readonly string[]
  /** Whether a folded query names the item in part (by default: a name that begins with it). */
  partly?: (item: T, folded: string) => boolean
  /** How the item is named in a list of candidates, with its id. */
  describe?: (item: T) => string
  /** The message when nothing matches. */
  notFound: string
}

/**
 * The one rule for what a person means by a name on the command line, for
 * clients, people and anything else with an id and a name. The closest kind
 * of match wins, so a name given in full is never ambiguous because another
 * one begins with it or differs only in case:
 *   1. the id itself;
 *   2. the name exactly as written;
 *   3. the name ignoring case and accents, or an alias (a folder name);
 *   4. a unique beginning of a name.
 * When the closest kind matches more than one, the error lists each with the
 * id to use instead.
 */
export function findByName<T extends { id: string; name: string }>(items: readonly T[], query: string, rules: NameRules<T>): T {
  const wanted = query.trim()
  const folded = foldName(query)
  const partly = rules.partly ?? ((item: T, f: string) => foldName(item.name).startsWith(f))
  const tiers: Array<(item: T) => boolean> = [
    (item) => item.id === wanted,
    (item) => exactName(item.name) === exactName(query),
    (item) => foldName(item.name) === folded || (rules.aliases?.(item) ?? []).includes(wanted),
    (item) => folded !== '' && partly(item, folded)
  ]
  for (const [tier, matches] of tiers.entries()) {
    const found = items.filter(matches)
    if (found.length === 1 && found[0]) return found[0]
    if (found.length > 1) {
      const describe = rules.describe ?? ((item: T) => `${item.name} (${item.id})`)
      // Names that are the same in full can only be told apart by their ids.
      const advice = tier === tiers.length - 1 ? 'Use the full name or the id.' : 'Use the id instead of the name.'
      throw new RapportError('invalid-input', `"${query}" could mean ${found.map(describe).join(', ')}. ${advice}`)
    }
  }
  throw new RapportError('not-found', rules.notFound)
}
