/**
 * Day One writes Markdown with a backslash before nearly every punctuation
 * mark (`Call went well\.`, `\(see notes\)`), whether or not it could be
 * read as syntax. An escape is undone where the mark means nothing at that
 * place, so the text reads as typed and renders the same; where it would
 * start a list, a heading, a quote, emphasis, a link or code, it is kept.
 */
const ALWAYS_MEANINGFUL = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&'])

export function undoDayOneEscapes(markdown: string): string {
  let fence: string | null = null
  return markdown
    .split('\n')
    .map((line) => {
      const mark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
      if (fence) {
        if (mark && mark[0] === fence[0] && mark.length >= fence.length) fence = null
        return line
      }
      if (mark) {
        fence = mark
        return line
      }
      return undoInLine(line)
    })
    .join('\n')
}

function undoInLine(line: string): string {
  let out = ''
  let inCode = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? ''
    if (c === '`') inCode = !inCode
    if (c !== '\\' || inCode || i + 1 >= line.length) {
      out += c
      continue
    }
    const next = line[i + 1] ?? ''
    if (!/[!-/:-@[-`{-~]/.test(next) || ALWAYS_MEANINGFUL.has(next) || startsSyntax(out, next, line.slice(i + 2))) {
      out += c + next
    } else out += next
    i++
  }
  return out
}

/** Whether `mark`, written after `before` and followed by `after`, would be read as Markdown syntax without its backslash. */
function startsSyntax(before: string, mark: string, after: string): boolean {
  const atLineStart = /^\s*$/.test(before)
  if (atLineStart && (mark === '-' || mark === '+' || mark === '#' || mark === '=')) return true
  if ((mark === '.' || mark === ')') && /^\s*\d{1,9}$/.test(before)) return true // `1\.` would start a numbered list
  if (mark === '!' && after.startsWith('[')) return true // an image
  if (mark === '(' && before.endsWith(']')) return true // a link's destination
  if (mark === ':' && before.endsWith(']')) return true // a link reference definition
  return false
}
