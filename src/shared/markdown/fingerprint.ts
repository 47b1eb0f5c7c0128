/** Fingerprints: "is this block still what was parsed?" */
import type { Node as PMNode } from '@tiptap/pm/model'
import { FORMAT_ATTRS } from '../editor-schema'

/**
 * The attributes that change what a block looks like in Markdown. Others
 * (link target/rel, an ordered list's `type`, ids or alignment another
 * extension might add) must not make an untouched block count as edited.
 */
const MARKDOWN_NODE_ATTRS = ['level', 'language', 'start', 'checked', 'source', FORMAT_ATTRS.loose, FORMAT_ATTRS.codeMeta]
const MARKDOWN_MARK_ATTRS = ['href', 'title']

/**
 * A 64-bit hash of everything of a block that shows in Markdown: types,
 * attributes above, marks, text. Computed on ProseMirror nodes so defaults
 * filled in by the schema and text nodes merged by it make no difference.
 */
export function fingerprintOf(node: PMNode): string {
  return hash64(describeForFingerprint(node))
}

function describeAttrs(attrs: Record<string, unknown>, names: readonly string[]): string {
  let description = ''
  for (const name of names) {
    const value = attrs[name]
    // JSON quotes strings, so no two different structures describe alike.
    if (value !== undefined && value !== null) description += ` ${name}=${JSON.stringify(value)}`
  }
  return description
}

function describeForFingerprint(node: PMNode): string {
  let description = `(${node.type.name}${describeAttrs(node.attrs, MARKDOWN_NODE_ATTRS)}`
  for (const mark of node.marks) description += ` @${mark.type.name}${describeAttrs(mark.attrs, MARKDOWN_MARK_ATTRS)}`
  if (node.isText) description += ` ${JSON.stringify(node.text ?? '')}`
  node.forEach((child) => {
    description += describeForFingerprint(child)
  })
  return `${description})`
}

/** cyrb53-style hash widened to two 32-bit lanes. */
function hash64(text: string): string {
  let h1 = 0xdeadbeef ^ text.length
  let h2 = 0x41c6ce57 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0')
}
