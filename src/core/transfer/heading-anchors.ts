import type * as Mdast from 'mdast'
import { literalText, parseMarkdown } from '../../shared/markdown'

/**
 * Heading anchors as GitHub (github-slugger) and most renderers that follow
 * it make them: the heading's text in lower case, punctuation and symbols
 * (emoji too) dropped, spaces as `-`; a slug seen before in the same document
 * gets `-1`, `-2`…, skipping any suffix a literal heading already took, so
 * every anchor of a document is distinct. Exported links to sections (a
 * dossier's entries, a person on a profile page) rely on this rule matching
 * the reader's tool, so there is one copy of it.
 */
export class HeadingSlugger {
  private readonly taken = new Map<string, number>()

  slug(text: string): string {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-')
    let slug = base
    while (this.taken.has(slug)) {
      const count = (this.taken.get(base) ?? 0) + 1
      this.taken.set(base, count)
      slug = `${base}-${count}`
    }
    this.taken.set(slug, 0)
    return slug
  }
}

export function headingsOf(node: Mdast.Nodes, found: Mdast.Heading[] = []): Mdast.Heading[] {
  if (node.type === 'heading') found.push(node)
  else if ('children' in node) for (const child of node.children) headingsOf(child, found)
  return found
}

export interface AnchoredHeading {
  depth: number
  text: string
  anchor: string
}

/** Every heading of a Markdown document in order, with the anchor a renderer gives it. */
export function headingAnchors(markdown: string): AnchoredHeading[] {
  const slugger = new HeadingSlugger()
  return headingsOf(parseMarkdown(markdown)).map((node) => {
    const text = literalText(node)
    return { depth: node.depth, text, anchor: slugger.slug(text) }
  })
}
