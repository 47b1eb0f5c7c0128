/** The text of a parsed Markdown node, in the two ways Rapport needs it. */
import type * as Mdast from 'mdast'

/** The words of a node without Markdown, spaces collapsed: `**Send** the [deck](…)` → `Send the deck`. */
export function plainText(node: Mdast.Nodes): string {
  const parts: string[] = []
  const walk = (n: Mdast.Nodes): void => {
    if (n.type === 'text' || n.type === 'inlineCode') parts.push(n.value)
    else if (n.type === 'break') parts.push(' ')
    else if (n.type === 'image') parts.push(n.alt ?? '')
    else if ('children' in n) n.children.forEach((child) => walk(child as Mdast.Nodes))
  }
  walk(node)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/**
 * The text values of a node exactly as written, HTML left out and spaces
 * kept: what a heading's anchor is made from, as other Markdown tools make it.
 */
export function literalText(node: Mdast.Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value
  return 'children' in node ? node.children.map((child) => literalText(child)).join('') : ''
}
