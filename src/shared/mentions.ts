/**
 * Mentions and links between entries, as they are written in Markdown.
 *
 * A mention is an ordinary Markdown link whose text is the name as it was
 * when written and whose target names what it points at by id:
 *
 *   [Priya Raman](rapport://person/p_01JDX…)
 *   [Dana Whitfield](rapport://client/c_01JDX…)
 *   [Scope call](rapport://entry/e_01JDX…)
 *
 * The `rapport://entry/<id>` form was already what import and export write for
 * links between entries (see core/transfer/entry-links.ts); people and
 * clients follow the same shape. Any other Markdown tool shows the name as a
 * link; the id keeps it pointing at the same person after a rename. The
 * `rapport:person/<id>` spelling (no slashes) is accepted too, because people
 * type it by hand.
 *
 * This module runs in the renderer and in Node: it builds and reads targets
 * and writes a mention's Markdown safely, whatever the name holds.
 */

export const mentionKinds = ['person', 'client', 'entry'] as const
export type MentionKind = (typeof mentionKinds)[number]

export interface MentionTarget {
  kind: MentionKind
  id: string
}

const TARGET = /^rapport:(?:\/\/)?(person|client|entry)\/([^/?#\s]+)\/?(?:[?#].*)?$/i

/** `rapport://person/p_1`: the link target of a mention. Ids are percent-encoded, so no id can end the link early. */
export function mentionHref(target: MentionTarget): string {
  return `rapport://${target.kind}/${encodeURIComponent(target.id)}`
}

/** What a link target points at, or null when it is not a mention (a web link, a file, anything else). */
export function parseMentionHref(href: string): MentionTarget | null {
  const match = TARGET.exec(href.trim())
  if (!match?.[1] || !match[2]) return null
  let id = match[2]
  try {
    id = decodeURIComponent(id)
  } catch {
    // A stray `%` typed by hand: the id is taken as written.
  }
  return { kind: match[1].toLowerCase() as MentionKind, id }
}

/** True for any `rapport:` link: the app opens it itself, and it never goes to the browser. */
export function isRapportHref(href: string): boolean {
  return /^\s*rapport:/i.test(href)
}

/**
 * A name as the text of a Markdown link: every character that Markdown could
 * read as syntax inside link text (brackets, emphasis, code, HTML, entity,
 * strike, table cell, escape) is backslash-escaped, and line breaks become
 * spaces. Nothing else is, so `Anne-Marie O'Brien` stays readable. The result shows the
 * name exactly, and can never end the link or start another.
 */
export function escapeLinkText(name: string): string {
  const flat = name.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '')
  return flat.replace(/[\\`*_[\]<>&~|]/g, (c) => `\\${c}`)
}

/** The Markdown of a mention, as a person would type it: `[Priya Raman](rapport://person/p_1)`. */
export function mentionMarkdown(name: string, target: MentionTarget): string {
  return `[${escapeLinkText(name)}](${mentionHref(target)})`
}
