/**
 * What a person typed, as terms to look up: words match by prefix and with
 * typos; "a quoted phrase" matches its words exactly and in that order.
 */
import type { InvertedIndex, QueryTerm } from './inverted-index'
import { termsOf } from './words'

/** A query longer than this is a paste, not a search: the rest is ignored. */
const MAX_QUERY_TERMS = 12
/** A word of one letter matches only itself: as a prefix it would match a twenty-sixth of the dictionary. */
const MIN_PREFIX_LENGTH = 2
const MAX_PREFIX_EXPANSIONS = 48

export interface ParsedQuery {
  /** Every distinct term, phrase words included. */
  terms: string[]
  /** Terms of each quoted phrase, in order. */
  phrases: string[][]
  /** Terms typed inside quotes: matched exactly, never by prefix or typo. */
  exact: Set<string>
}

export function parseQuery(text: string): ParsedQuery {
  const phrases: string[][] = []
  const loose = text.replace(/"([^"]*)"?/g, (_, inside: string) => {
    const words = termsOf(inside)
    if (words.length > 0) phrases.push(words)
    return ' '
  })
  const exact = new Set(phrases.flat())
  const terms = [...new Set([...phrases.flat(), ...termsOf(loose)])].slice(0, MAX_QUERY_TERMS)
  return { terms, phrases, exact }
}

/**
 * Typos allowed for a word of this length: none up to three letters, one up
 * to five, two beyond — so a swapped pair of letters (two edits: `budgte`)
 * is forgiven in a word of six.
 */
export function typosAllowed(term: string): number {
  return term.length <= 3 ? 0 : term.length <= 5 ? 1 : 2
}

export function queryTerms(parsed: ParsedQuery, index: InvertedIndex): QueryTerm[] {
  return parsed.terms.map((text) => {
    const exact = parsed.exact.has(text)
    return {
      text,
      variants: index.variantsOf(text, {
        prefix: !exact && text.length >= MIN_PREFIX_LENGTH,
        fuzzy: exact ? 0 : typosAllowed(text),
        maxPrefixExpansions: MAX_PREFIX_EXPANSIONS
      })
    }
  })
}
