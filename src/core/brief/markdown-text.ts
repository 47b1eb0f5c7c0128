/**
 * Text a person typed, made safe to put inside Markdown: it shows exactly as
 * written, on one line, and can never start a block, close a heading, open a
 * link, an image, emphasis, code or raw HTML. Deliberately minimal, so the
 * Markdown still reads well as plain text (pasted into an email): only what
 * Markdown would take for syntax is escaped.
 */
export function inlineText(text: string): string {
  return (
    text
      // One line: a line break inside a commitment or a name must not start a new block.
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      // Emphasis, code, links and images, raw HTML and autolinks, tables, strikethrough; the backslash itself first.
      // (`>` is syntax only at the start, below: escaped inside a typed web address, which GFM links as typed, it would show its backslash.)
      .replace(/[\\`*[\]<|~]/g, '\\$&')
      // An entity (`&lt;`) would show as the character it names.
      .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
      // `_` inside a word (snake_case, Los_Angeles) is never emphasis; elsewhere it can be.
      .replace(/_/g, (underscore: string, at: number, all: string) => (isWordChar(all[at - 1]) && isWordChar(all[at + 1]) ? underscore : '\\_'))
      // At the start of a line: a heading, a list item, a thematic break or a setext underline ("+1 212…" and "-5%" are none).
      .replace(/^(#{1,6}|[-+=])(?=[\s\-=]|$)/, '\\$1')
      // A quote.
      .replace(/^>/, '\\>')
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
      // At the end of a heading, `#` would be taken for its closing sequence.
      .replace(/#$/, '\\#')
  )
}

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char)

/**
 * A vault-relative path as a link destination: each segment percent-encoded
 * (spaces, `<`, parentheses), so no file name can end the link early or
 * make it point anywhere but at that file.
 */
export function pathHref(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/')
}
