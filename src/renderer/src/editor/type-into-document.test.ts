import { InputRule, inputRules } from '@tiptap/pm/inputrules'
import type { Plugin, Transaction } from '@tiptap/pm/state'
import { EditorState, NodeSelection, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { describe, expect, it } from 'vitest'
import { editorSchema } from '../../../shared/editor-schema'
import { markdownToDoc } from '../../../shared/markdown'
import { typeIntoDocument } from './type-into-document'

/**
 * What typeIntoDocument uses of a view: its state, its plugins' props as
 * ProseMirror's `someProp` asks them (first to answer wins), and dispatch.
 * No DOM here; e2e/typing-latency.spec.ts types through the real editor.
 */
function viewOf(markdown: string, plugins: Plugin[] = []) {
  let state = EditorState.create({ schema: editorSchema, doc: editorSchema.nodeFromJSON(markdownToDoc(markdown)), plugins })
  // The page's caret as positions in the document (a stand-in for DOM points): where the state's is, unless a test moves it.
  const text = { nodeType: 3 }
  let pageCaret: { anchor: number; head: number } | null = null
  const view = {
    get state() {
      return state
    },
    movePageCaret(to: number) {
      pageCaret = { anchor: to, head: to }
    },
    dom: { contains: (node: unknown) => node === text },
    root: {
      getSelection: () => ({
        anchorNode: text,
        anchorOffset: pageCaret?.anchor ?? state.selection.anchor,
        focusNode: text,
        focusOffset: pageCaret?.head ?? state.selection.head
      })
    },
    posAtDOM: (_node: unknown, offset: number) => offset,
    someProp(name: 'handleTextInput', ask: (handle: (...args: never[]) => boolean) => boolean): boolean {
      return state.plugins.some((plugin) => {
        const handle = plugin.props[name]
        return typeof handle === 'function' && ask(handle.bind(plugin) as (...args: never[]) => boolean)
      })
    },
    dispatch(tr: Transaction) {
      state = state.apply(tr)
      pageCaret = null
    }
  }
  return view
}

const key = (char: string) => ({ charCode: char.codePointAt(0) ?? 0 }) as KeyboardEvent
const type = (view: ReturnType<typeof viewOf>, text: string) => [...text].map((char) => typeIntoDocument(view as unknown as EditorView, key(char)))
const select = (view: ReturnType<typeof viewOf>, from: number, to = from) =>
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)))

describe('typeIntoDocument', () => {
  it('puts each typed character at the caret, emoji whole, and keeps the caret after it', () => {
    const view = viewOf('We met.\n')
    select(view, 1 + 'We met'.length)
    expect(type(view, ' for lunch 🙂')).toEqual(Array(' for lunch 🙂'.length - 1).fill(true))
    expect(view.state.doc.textContent).toBe('We met for lunch 🙂.')
    expect(view.state.selection.from).toBe(1 + 'We met for lunch 🙂'.length)
  })

  it('types over selected text, and with the marks of the text it continues', () => {
    const view = viewOf('She wants **the numbers** first.\n')
    select(view, 1 + 'She wants the num'.length)
    type(view, 'b')
    expect(view.state.doc.child(0).child(1).text).toBe('the numbbers')
    select(view, 1 + 'She wants the numbbers '.length, 1 + 'She wants the numbbers first'.length)
    type(view, 'later')
    expect(view.state.doc.textContent).toBe('She wants the numbbers later.')
  })

  it('lets input rules (and any other handleTextInput) take the character first', () => {
    const arrow = new InputRule(/->$/, '→')
    const view = viewOf('Next\n', [inputRules({ rules: [arrow] })])
    select(view, 1 + 'Next'.length)
    type(view, ' -')
    expect(type(view, '>')).toEqual([true])
    expect(view.state.doc.textContent).toBe('Next →')
  })

  it('leaves the key to the browser while the page has a caret the state has not caught up with', () => {
    const view = viewOf('We met.\n')
    select(view, 3)
    view.movePageCaret(5)
    expect(type(view, 'x')).toEqual([false])
    expect(view.state.doc.textContent).toBe('We met.')
  })

  it('leaves Enter, a selected node and a selection across blocks to the browser and ProseMirror', () => {
    const view = viewOf('One\n\nTwo\n\n---\n')
    select(view, 2)
    const before = view.state.doc
    expect(type(view, '\r')).toEqual([false])
    select(view, 2, 8)
    expect(type(view, 'x')).toEqual([false])
    const rule = view.state.doc.content.size - 1
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, rule)))
    expect(type(view, 'x')).toEqual([false])
    expect(view.state.doc.eq(before)).toBe(true)
  })
})
