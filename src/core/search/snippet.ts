/**
 * The few lines shown under a result: the window of text with the most of
 * the query's words, whitespace folded, with where each match is as
 * `[start, end)` offsets in the snippet (never markup: the renderer marks
 * them safely).
 */
import type { HighlightRange } from '../../shared/contract/search'
import { forEachWord } from './words'

export const SNIPPET_LENGTH = 160
/** How much text comes before the first match, so it is read in context. */
const LEAD = 40
/** A document with more matches than this is past needing more to pick its window. */
const MAX_HITS = 2000

interface Hit {
  start: number
  end: number
  /** Which query word it matches. */
  word: number
}

export interface Snippet {
  text: string
  highlights: HighlightRange[]
  /** Where the best match is in the original text; 0 when nothing in it matched. */
  offset: number
}

/** `wanted`: every dictionary term a query word stands for, with that word's number. */
export function snippetOf(text: string, wanted: ReadonlyMap<string, number>, length = SNIPPET_LENGTH): Snippet {
  const hits = hitsIn(text, wanted, true)
  if (hits.length === 0) return { ...excerpt(text, 0, Math.min(text.length, length), []), offset: 0 }
  const first = bestWindow(hits, length)
  const anchor = hits[first] ?? { start: 0, end: 0, word: 0 }
  const start = wordStartBefore(text, Math.max(0, anchor.start - LEAD), anchor.start)
  const end = wordEndBefore(text, Math.min(text.length, start + length), anchor.end)
  return {
    ...excerpt(
      text,
      start,
      end,
      hits.filter((h) => h.start >= start && h.end <= end)
    ),
    offset: anchor.start
  }
}

/**
 * The snippet for a match the text does not show: a mention whose link text
 * ("P.") is not the name that was searched ("Priya"). It starts at the
 * mention's sentence when that is near, else a little before the mention,
 * which is highlighted and is where the result opens.
 */
export function snippetAt(text: string, start: number, end: number, length = SNIPPET_LENGTH): Snippet {
  const sentence = sentenceStart(text, start)
  const from = start - sentence <= 2 * LEAD ? sentence : wordStartBefore(text, Math.max(0, start - LEAD), start)
  const to = wordEndBefore(text, Math.min(text.length, from + length), end)
  return { ...excerpt(text, from, to, [{ start, end, word: 0 }]), offset: start }
}

/** Where the sentence (or line: a list item, a heading) holding `at` begins, past any whitespace. */
function sentenceStart(text: string, at: number): number {
  let from = at
  while (from > 0) {
    const c = text.charAt(from - 1)
    if (c === '\n') break
    if (isSpace(c.charCodeAt(0)) && /[.!?…]/.test(text.charAt(from - 2))) break
    from--
  }
  while (from < at && isSpace(text.charCodeAt(from))) from++
  return from
}

/** Every match in a short text such as a title, in its own offsets. */
export function highlightsIn(text: string, wanted: ReadonlyMap<string, number>): HighlightRange[] {
  return hitsIn(text, wanted).map((h): HighlightRange => [h.start, h.end])
}

function hitsIn(text: string, wanted: ReadonlyMap<string, number>, stopWhenComplete = false): Hit[] {
  const hits: Hit[] = []
  const all = new Set(wanted.values()).size
  forEachWord(text, (term, start, end) => {
    const word = wanted.get(term)
    if (word === undefined) return true
    hits.push({ start, end, word })
    // Once every query word has been met within one snippet's length nothing better can come: a long entry is read no further.
    if (stopWhenComplete && hits.length >= all) {
      const recent = hits.slice(-all)
      if (end - (recent[0]?.start ?? 0) <= SNIPPET_LENGTH && new Set(recent.map((h) => h.word)).size === all) return false
    }
    return hits.length < MAX_HITS
  })
  return hits
}

/** The first hit of the window (of `length` characters) holding the most distinct query words, then the most hits; the earliest wins a tie. */
function bestWindow(hits: readonly Hit[], length: number): number {
  let best = 0
  let bestDistinct = 0
  let bestCount = 0
  for (let i = 0; i < hits.length; i++) {
    const from = hits[i]?.start ?? 0
    const distinct = new Set<number>()
    let count = 0
    for (let j = i; j < hits.length && (hits[j]?.end ?? 0) - from <= length; j++) {
      distinct.add(hits[j]?.word ?? 0)
      count++
    }
    if (distinct.size > bestDistinct || (distinct.size === bestDistinct && count > bestCount)) {
      best = i
      bestDistinct = distinct.size
      bestCount = count
    }
  }
  return best
}

/** Backs up from `from` to the start of its word, never past `limit`. */
function wordStartBefore(text: string, from: number, limit: number): number {
  let at = from
  while (at > 0 && at < limit && !isSpace(text.charCodeAt(at - 1))) at--
  return at
}

/** Backs up from `to` to the end of the previous word, never before `limit`. */
function wordEndBefore(text: string, to: number, limit: number): number {
  if (to >= text.length) return text.length
  let at = to
  while (at > limit && !isSpace(text.charCodeAt(at))) at--
  return at
}

/** Whitespace as `\s` knows it, without a regular expression per character. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** `text[start, end)` with runs of whitespace folded to one space, and `…` where it is cut; hit offsets follow. */
function excerpt(text: string, start: number, end: number, hits: readonly Hit[]): { text: string; highlights: HighlightRange[] } {
  const parts: string[] = start > 0 ? ['…'] : []
  let length = parts.length
  /** Where each character of the window lands in the snippet. */
  const at = new Int32Array(end - start + 1)
  let space = length > 0
  for (let i = start; i < end; i++) {
    at[i - start] = length
    if (isSpace(text.charCodeAt(i))) {
      if (!space && length > 0) {
        parts.push(' ')
        length++
      }
      space = true
    } else {
      parts.push(text.charAt(i))
      length++
      space = false
    }
  }
  at[end - start] = length
  let out = parts.join('').trimEnd()
  const highlights = hits.map((h): HighlightRange => [at[h.start - start] ?? 0, Math.min(out.length, at[h.end - start] ?? out.length)])
  if (end < text.length && out.length > 0) out += '…'
  return { text: out, highlights }
}
