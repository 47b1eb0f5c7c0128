import type { RootContent } from 'mdast'
import type { BriefGistPart } from '../../shared/contract/brief'
import { parseMarkdown, plainText, shorten } from '../../shared/markdown'
import { isPrompt } from '../templates/prompts'

/**
 * The first words of an entry with their structure kept, for the brief: a
 * heading starts a part, each paragraph and list item is an item of it. So a
 * reflection reads "What I promised: Send the revised scope — Ask next time:
 * How does…", never as one run of words. A template's prompt left in an older
 * entry (an italic paragraph right under a heading) is guidance, not a point,
 * and is passed over, as are bare list items and code.
 */

/** Only the start of a long entry is looked at: the gist is two printed lines. */
const READ_CHARS = 8192

export function gistParts(markdown: string, maxChars: number): BriefGistPart[] {
  const tree = parseMarkdown(markdown.slice(0, READ_CHARS))
  const parts: BriefGistPart[] = []
  let current: BriefGistPart = { items: [] }
  let used = 0
  let full = false
  let underHeading = false

  const add = (text: string): void => {
    const words = text.replace(/\s+/g, ' ').trim()
    if (full || !/[\p{L}\p{N}]/u.test(words)) return
    const room = maxChars - used
    if (room < 12) {
      full = true
      return
    }
    const item = shorten(words, room)
    current.items.push(item)
    used += item.length + 3
    if (item.endsWith('…')) full = true
  }
  const visit = (node: RootContent): void => {
    switch (node.type) {
      case 'paragraph':
        if (!(underHeading && isPrompt(node))) add(plainText(node))
        underHeading = false
        return
      case 'blockquote':
        return node.children.forEach(visit)
      case 'list':
        for (const item of node.children) {
          add(
            item.children
              .filter((c) => c.type === 'paragraph')
              .map(plainText)
              .join(' ')
          )
          item.children.filter((c) => c.type !== 'paragraph').forEach(visit)
        }
        return
      default:
        return
    }
  }
  for (const node of tree.children) {
    if (full) break
    if (node.type === 'heading') {
      if (current.items.length > 0) parts.push(current)
      const heading = plainText(node)
      current = heading ? { heading, items: [] } : { items: [] }
      // A heading costs its words on the line too.
      used += heading.length + 2
      underHeading = true
      continue
    }
    visit(node)
  }
  if (current.items.length > 0) parts.push(current)
  return parts
}

/** The parts as one line of plain text: "What worked: A · B — What did not: C". */
export const gistLine = (parts: readonly BriefGistPart[]): string => parts.map((p) => `${p.heading ? `${p.heading}: ` : ''}${p.items.join(' · ')}`).join(' — ')
