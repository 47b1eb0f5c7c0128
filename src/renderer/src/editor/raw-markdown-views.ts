import type { AnyExtension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { RawBlock, RawInline, editorExtensions } from '@shared/editor-schema'
import { WritingAroundKept } from './writing-around-kept'

const LABEL = 'Kept as written — edit elsewhere'

const sourceOf = (node: PmNode): string => (typeof node.attrs.source === 'string' ? node.attrs.source : '')

/**
 * Markdown the editor has no form for (tables, HTML, footnotes…) is kept
 * byte for byte. It is shown as what it is, clearly not editable here, so
 * nobody wonders why typing into it does nothing.
 */
const RawBlockView = RawBlock.extend({
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('div')
      dom.className = 'raw-markdown'
      dom.contentEditable = 'false'
      const label = document.createElement('span')
      label.className = 'raw-markdown-label'
      label.textContent = LABEL
      const pre = document.createElement('pre')
      pre.textContent = sourceOf(node)
      dom.append(label, pre)
      return {
        dom,
        update: (next) => {
          if (next.type !== node.type) return false
          pre.textContent = sourceOf(next)
          return true
        },
        ignoreMutation: () => true
      }
    }
  }
})

const RawInlineView = RawInline.extend({
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('code')
      dom.className = 'raw-markdown-inline'
      dom.contentEditable = 'false'
      dom.title = LABEL
      dom.textContent = sourceOf(node)
      return {
        dom,
        update: (next) => {
          if (next.type !== node.type) return false
          dom.textContent = sourceOf(next)
          return true
        },
        ignoreMutation: () => true
      }
    }
  }
})

/**
 * The shared schema with the renderer's views for raw Markdown (same node names, so documents are identical), and the
 * keys and input that let a person write around them.
 */
export const rendererExtensions: AnyExtension[] = [
  ...editorExtensions.map((extension) => (extension.name === RawBlock.name ? RawBlockView : extension.name === RawInline.name ? RawInlineView : extension)),
  WritingAroundKept
]
