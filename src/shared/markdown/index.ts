/**
 * Rapport's one Markdown layer, used by the core, the CLI and the renderer:
 *
 *   parse.ts         Markdown → mdast, guarded against a GFM parser crash
 *   node-text.ts     the text of a parsed node
 *   to-doc.ts        Markdown → TipTap document, each block keeping its source
 *   to-markdown.ts   TipTap document → Markdown, byte for byte where untouched
 *   canonical.ts     how an edited or new block is written
 *   fingerprint.ts   "is this block still what was parsed?"
 *   front-matter.ts  where an entry's YAML front matter ends and its body starts
 *   excerpt.ts       the first words of an entry, for a list
 *   link-destination.ts  a relative path written as a link's destination
 */
export { parseMarkdown } from './parse'
export { literalText, plainText } from './node-text'
export { markdownToDoc } from './to-doc'
export { docToMarkdown } from './to-markdown'
export { excerptOf, shorten } from './excerpt'
export { bodyStart, frontMatterBounds } from './front-matter'
export type { FrontMatterBounds } from './front-matter'
export { linkDestination } from './link-destination'
