/**
 * How text becomes search terms — the one place for it, used by indexing,
 * queries and snippets alike so they always agree.
 *
 * A word is a run of letters and digits. Terms are lower case with accents
 * folded (`Café` → `cafe`), so a person need not type them. The character
 * class below is written out rather than `\p{L}` because a Unicode-aware
 * regular expression is several times slower over a 10,000-entry vault; it
 * covers Latin, Greek, Cyrillic, Hebrew, Arabic, Indic and CJK letters, and
 * leaves punctuation and symbols (U+2000–U+2BFF, the Latin-1 signs) out.
 */
const WORD =
  /[0-9a-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2c00-\u2dff\u3040-\ud7ff\uf900-\ufdff\ufe70-\ufefe\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff66-\uffdc]+/g
const WORD_ANY_CASE = new RegExp(WORD.source, 'gi')
const NON_ASCII = /[^\x00-\x7f]/
const MARKS = /[\u0300-\u036f]/g

/** Longer runs are identifiers, hashes or pasted data, never words a person searches for. */
export const MAX_TERM_LENGTH = 40

/** The term for one word: lower case, accents folded. */
export function termOf(word: string): string {
  const lower = word.toLowerCase()
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '').normalize('NFC') : lower
}

/**
 * Calls `visit` for every word of `text` with its term and where it is
 * (`start`, `end`: offsets in `text`). Stops early when `visit` returns false.
 */
export function forEachWord(text: string, visit: (term: string, start: number, end: number) => boolean | void): void {
  // Lower-casing the whole text at once is much faster than word by word; it keeps offsets only when it keeps the length (it almost always does).
  const lower = text.toLowerCase()
  const aligned = lower.length === text.length
  const source = aligned ? lower : text
  const ascii = !NON_ASCII.test(source)
  const pattern = aligned ? WORD : WORD_ANY_CASE
  pattern.lastIndex = 0
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    const word = match[0]
    if (word.length > MAX_TERM_LENGTH) continue
    const term = ascii ? word : termOf(word)
    if (term === '') continue
    if (visit(term, match.index, match.index + word.length) === false) return
  }
}

/** The terms of `text`, in order, repeats included. */
export function termsOf(text: string): string[] {
  const terms: string[] = []
  forEachWord(text, (term) => void terms.push(term))
  return terms
}

const LETTER = WORD.source.slice(0, -1)
const NOT_LETTER = `[^${WORD.source.slice(1, -2)}]`

/**
 * A test for `terms` one after another in a text, whatever punctuation or
 * line breaks come between. Text that is all ASCII (nearly every entry) is
 * checked with one regular expression instead of being split into words.
 */
export function phraseTest(terms: readonly string[]): (text: string) => boolean {
  if (terms.length === 0) return () => true
  const ascii = terms.every((t) => !NON_ASCII.test(t))
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = ascii ? new RegExp(`(?<!${LETTER})${escaped.join(`${NOT_LETTER}+`)}(?!${LETTER})`) : null
  return (text) => {
    const lower = text.toLowerCase()
    if (pattern && !NON_ASCII.test(lower)) return pattern.test(lower)
    const recent: string[] = []
    let found = false
    forEachWord(text, (term) => {
      recent.push(term)
      if (recent.length > terms.length) recent.shift()
      found = recent.length === terms.length && recent.every((t, i) => t === terms[i])
      return !found
    })
    return found
  }
}
