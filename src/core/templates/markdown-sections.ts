import type { RootContent } from 'mdast'
import { parseMarkdown, plainText } from '../../shared/markdown'

/**
 * A Markdown document seen as its headed sections, and the items a person
 * wrote under each: what template markers and extraction work on.
 */

export interface Section {
  /** The heading's text, as plain text. */
  heading: string
  depth: number
  /** What follows the heading, up to the next heading of the same or a higher level. */
  content: RootContent[]
}

export interface SectionItem {
  text: string
  /** For a task-list item, whether it is ticked; null for anything else. */
  checked: boolean | null
}

export function sectionsOf(markdown: string): Section[] {
  const tree = parseMarkdown(markdown)
  const sections: Section[] = []
  tree.children.forEach((node, index) => {
    if (node.type !== 'heading') return
    const content: RootContent[] = []
    for (const next of tree.children.slice(index + 1)) {
      if (next.type === 'heading' && next.depth <= node.depth) break
      content.push(next)
    }
    sections.push({ heading: plainText(node), depth: node.depth, content })
  })
  return sections
}

/**
 * Each paragraph and each list item under a section is one item; nested
 * lists give items of their own, sub-headings and code are not items.
 * Empty items (a bare `-`) are left out.
 */
export function itemsOf(content: readonly RootContent[]): SectionItem[] {
  const items: SectionItem[] = []
  const visit = (node: RootContent): void => {
    switch (node.type) {
      case 'paragraph':
        return add(plainText(node), null)
      case 'blockquote':
        return node.children.forEach(visit)
      case 'list':
        for (const item of node.children) {
          const own = item.children.filter((child) => child.type === 'paragraph')
          add(own.map(plainText).join(' '), item.checked ?? null)
          item.children.filter((child) => child.type !== 'paragraph').forEach(visit)
        }
        return
      default:
        return
    }
  }
  const add = (text: string, checked: boolean | null): void => {
    if (text) items.push({ text, checked })
  }
  content.forEach(visit)
  return items
}
