/**
 * The first meaningful line of an entry as plain text, for the entry list.
 * Deliberately a few regular expressions rather than a Markdown parse: it runs
 * for every entry when a vault opens (10,000 of them in a big vault), and a
 * preview line does not need a syntax tree.
 */
export function excerptOf(markdown: string, maxChars = 160): string {
  const lines = markdown.slice(0, 8192).split(/\r?\n/)
  let inFence = false
  const kept: string[] = []
  for (const raw of lines) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence
      continue
    }
    if (inFence) continue
    const line = plainLine(raw)
    if (line) kept.push(line)
    if (kept.join(' ').length >= maxChars) break
  }
  return shorten(kept.join(' '), maxChars)
}

function plainLine(line: string): string {
  if (/^\s*([-*_]\s*){3,}$/.test(line)) return '' // thematic break
  if (/^\s*(=+|-+)\s*$/.test(line)) return '' // setext underline
  if (/^\s*\[[^\]]+\]:\s/.test(line)) return '' // link reference definition
  if (/^\s*<\/?[a-z][^>]*>\s*$/i.test(line)) return '' // a line of raw HTML
  if (/^\s*\|?\s*:?-{2,}/.test(line)) return '' // table delimiter row
  // Escaped characters are set aside first, so `\*` stays a star instead of being taken for emphasis.
  const escaped: string[] = []
  return line
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, (_match, char: string) => `\u0000${escaped.push(char) - 1}\u0000`)
    .replace(/^\s{0,3}#{1,6}\s+/, '') // heading
    .replace(/^\s*(>\s*)+/, '') // quote
    .replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/, '') // list item, task
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // image
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // link
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1') // reference link
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/(\*\*|__|~~|\*|_|`)/g, '') // emphasis, strike, code
    .replace(/\u0000(\d+)\u0000/g, (_match, index: string) => escaped[Number(index)] ?? '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Cuts text to `maxChars` at a word where one is near, marking the cut with an ellipsis. */
export function shorten(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const cut = text.slice(0, maxChars - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
