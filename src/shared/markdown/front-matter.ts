/**
 * Where a file's YAML front matter is: the one rule for where it ends and the
 * body starts, used by the entry file reader (which then parses the YAML) and
 * by the indexes that only need the body (search, mentions), which skip the
 * YAML parse because 10,000 of them would double the cost of opening a vault.
 *
 *   ---            ← opening line (a byte order mark may come first)
 *   id: e_01JDX…   ← the YAML
 *   ---            ← closing line, `---` or `...`
 *                  ← blank lines: the gap, kept as it was on a rewrite
 *   The body.
 */

export interface FrontMatterBounds {
  /** Where the YAML starts: after the opening line. */
  readonly yamlStart: number
  /** Where the YAML ends: the start of the closing line. */
  readonly yamlEnd: number
  /** Where the gap of blank lines after the closing line starts. */
  readonly gapStart: number
  /** Where the body starts, after the gap. */
  readonly bodyStart: number
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/
const GAP = /(?:[ \t]*\r?\n)*/y

/**
 * The front matter's bounds; `null` for a file that has none (all of it is
 * body), `'unclosed'` for one that opens a front matter and never closes it.
 */
export function frontMatterBounds(text: string): FrontMatterBounds | 'unclosed' | null {
  const opening = OPENING.exec(text)
  if (!opening) return null
  // Line by line, so a `---` inside the body (a thematic break) is never taken for the closing line.
  let offset = opening[0].length
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset)
    const lineEnd = newline === -1 ? text.length : newline
    if (CLOSING.test(text.slice(offset, lineEnd).replace(/\r$/, ''))) {
      const gapStart = newline === -1 ? text.length : newline + 1
      GAP.lastIndex = gapStart
      return { yamlStart: opening[0].length, yamlEnd: offset, gapStart, bodyStart: gapStart + (GAP.exec(text)?.[0].length ?? 0) }
    }
    if (newline === -1) break
    offset = newline + 1
  }
  return 'unclosed'
}

/** Where a file's body starts: after its front matter and the blank lines that follow; 0 when it has none or an unclosed one. */
export function bodyStart(text: string): number {
  const bounds = frontMatterBounds(text)
  return bounds === null || bounds === 'unclosed' ? 0 : bounds.bodyStart
}
