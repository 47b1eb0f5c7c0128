import { Extension } from '@tiptap/core'
import { GapCursor } from '@tiptap/pm/gapcursor'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { NodeSelection, Plugin, PluginKey, Selection, TextSelection } from '@tiptap/pm/state'
import { RawBlock, RawInline } from '@shared/editor-schema'
import { isMac } from '@renderer/platform/commands/shortcuts'

/**
 * Writing around Markdown kept as written (tables, HTML, footnotes…), which
 * the editor shows but cannot change. There is always a place to type next
 * to it, and nothing typed is lost or replaces it:
 *
 * - Text typed (or pasted) while a kept block is selected — a click on it
 *   selects it — goes into a new paragraph right after it, and after a kept
 *   inline piece, in the same line. ProseMirror would otherwise replace the
 *   selected node with the text: the kept block gone, silently, at a keystroke.
 *   Chosen over refusing with a message: the person's words land where they
 *   were looking, nothing is retyped, and the kept block stays byte for byte.
 * - Ctrl+Home / Ctrl+End (⌘↑ / ⌘↓ on a Mac) reach the very start and end of
 *   the text even when a kept block is there: a gap cursor before it at the
 *   start (typing there starts a paragraph), a paragraph after it at the end.
 *   The browser's own keys would stop at the first or last editable text.
 *
 * Arrow keys already step across a kept block (it is selected on the way) and
 * into the gap between two of them (StarterKit's gap cursor); StarterKit's
 * trailing node keeps a paragraph after a kept block at the end. An empty
 * paragraph has no Markdown form, so a file is written back unchanged unless
 * something was typed.
 */

const KEPT = new Set([RawBlock.name, RawInline.name])

function selectedKeptNode(state: EditorState): NodeSelection | null {
  const { selection } = state
  return selection instanceof NodeSelection && KEPT.has(selection.node.type.name) ? selection : null
}

/**
 * The caret moved from a selected kept node to just after it: after an inline
 * one in its line; after a block, into the empty paragraph that follows it or
 * a new one. Null when no kept node is selected.
 */
export function stepPastKept(state: EditorState): Transaction | null {
  const selected = selectedKeptNode(state)
  if (!selected) return null
  const tr = state.tr
  if (selected.node.isInline) return tr.setSelection(TextSelection.create(tr.doc, selected.to))
  const paragraph = state.schema.nodes.paragraph
  const $after = tr.doc.resolve(selected.to)
  const next = $after.nodeAfter
  if (next && next.type === paragraph && next.content.size === 0) return tr.setSelection(TextSelection.create(tr.doc, selected.to + 1))
  if (!paragraph || !$after.parent.canReplaceWith($after.index(), $after.index(), paragraph)) return null
  tr.insert(selected.to, paragraph.create())
  return tr.setSelection(TextSelection.create(tr.doc, selected.to + 1))
}

/** The very start of the text: its first text, or a gap cursor before a kept block (or anything else text cannot go in). */
export function caretAtStart(state: EditorState): Transaction {
  const { doc } = state
  const start = Selection.atStart(doc)
  // Anything but text first means a node text cannot go in comes before any text (a list item starts with a paragraph): a gap cursor fits.
  return state.tr.setSelection(start instanceof TextSelection ? start : new GapCursor(doc.resolve(0))).scrollIntoView()
}

/** The very end of the text: its last text, with a paragraph added after a last block text cannot go in. */
export function caretAtEnd(state: EditorState): Transaction {
  const tr = state.tr
  const paragraph = state.schema.nodes.paragraph
  if (!(Selection.atEnd(tr.doc) instanceof TextSelection) && paragraph) tr.insert(tr.doc.content.size, paragraph.create())
  return tr.setSelection(Selection.atEnd(tr.doc)).scrollIntoView()
}

export const WritingAroundKept = Extension.create({
  name: 'writingAroundKept',
  // Before input rules and the mention menu: a key typed on a selected kept node must never reach them as a replacement.
  priority: 1000,

  addKeyboardShortcuts() {
    const move = (to: (state: EditorState) => Transaction) => (): boolean => {
      const { view } = this.editor
      // Read-only text is scrolled by the browser as usual.
      if (!view.editable) return false
      view.dispatch(to(view.state))
      return true
    }
    const toStart = move(caretAtStart)
    const toEnd = move(caretAtEnd)
    return { 'Mod-Home': toStart, 'Mod-End': toEnd, ...(isMac ? { 'Mod-ArrowUp': toStart, 'Mod-ArrowDown': toEnd } : {}) }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('writingAroundKept'),
        props: {
          handleDOMEvents: {
            // ProseMirror selects a kept block when it is clicked, except on the first click into an unfocused editor when the
            // block is the very first: the browser then puts the caret in the first text below it, and what is typed "on"
            // the table lands there. So that click selects the block here, before the browser places anything.
            mousedown: (view, event) => {
              if (view.hasFocus() || !view.editable || event.button !== 0 || !(event.target instanceof Element)) return false
              const block = event.target.closest('.raw-markdown')
              if (!block || !view.dom.contains(block)) return false
              const pos = view.posAtDOM(block, 0)
              if (view.state.doc.nodeAt(pos)?.type.name !== RawBlock.name) return false
              event.preventDefault()
              view.focus()
              view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)))
              return true
            }
          },
          handleTextInput: (view, _from, _to, text) => {
            const moved = stepPastKept(view.state)
            if (!moved) return false
            view.dispatch(moved.insertText(text).scrollIntoView())
            return true
          },
          // Pasting goes where typing would; the paste itself is left to ProseMirror (it reads the state afresh).
          handlePaste: (view) => {
            const moved = stepPastKept(view.state)
            if (moved) view.dispatch(moved)
            return false
          }
        }
      })
    ]
  }
})
