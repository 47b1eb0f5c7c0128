import type { Node as ProseMirrorNode } from '@tiptap/pm/model'

/**
 * Where `needle` first appears in the document's text, as a ProseMirror
 * range, ignoring case; null when it does not. Searched block by block, so a
 * match never spans two paragraphs, as a person reading would expect.
 */
export function findText(doc: ProseMirrorNode, needle: string): { from: number; to: number } | null {
  const wanted = needle.trim().toLowerCase()
  if (!wanted) return null
  let found: { from: number; to: number } | null = null
  doc.descendants((node, pos) => {
    if (found) return false
    if (!node.isTextblock) return true
    // Text positions inside the block: each character of its text content, in order.
    const starts: number[] = []
    let text = ''
    node.forEach((child, offset) => {
      if (!child.isText || !child.text) return
      for (let i = 0; i < child.text.length; i++) starts.push(pos + 1 + offset + i)
      text += child.text
    })
    const at = text.toLowerCase().indexOf(wanted)
    if (at >= 0) {
      const from = starts[at]
      const last = starts[at + wanted.length - 1]
      if (from !== undefined && last !== undefined) found = { from, to: last + 1 }
    }
    return false
  })
  return found
}
