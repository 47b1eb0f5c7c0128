import { TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * A typed character goes straight into the document, as ProseMirror itself
 * types over a selected node: the same transaction its reading of the page
 * would make (`insertText` at the selection, after the input rules and other
 * `handleTextInput` props have had their say), and the key's default action
 * is prevented, so the browser does not insert it too.
 *
 * Why: left to the browser, the character is inserted by an editing command
 * that then fires `input`, and React listens for `input` at the app's root,
 * so ProseMirror reads and redraws the change inside that event, while the
 * command is still under way, and each key costs the window's thread more.
 * Measured in e2e/typing-latency.spec.ts with each task counted whole:
 * Rapport's keys cost 1.21–1.24× bare TipTap's without this, 1.03–1.19×
 * with it (about 0.5 ms a key at 2,000 words). (An earlier count, which
 * missed the microtask where bare TipTap does that work, put it at 1.2 ms.)
 * Inserted here, no `input` event fires: the spec checks that too.
 *
 * ProseMirror calls this (its `handleKeyPress` prop) only for a plain
 * character key while the editor is editable and no input method is
 * composing; Enter, pastes, drops, spelling fixes and composed text still take
 * the browser's path. Returns false, leaving the key to it, for a selection
 * that is not text within one block.
 */
export function typeIntoDocument(view: EditorView, event: KeyboardEvent): boolean {
  const text = String.fromCodePoint(event.charCode)
  const { selection } = view.state
  if (/[\r\n]/.test(text) || !(selection instanceof TextSelection) || !selection.$from.sameParent(selection.$to) || !selection.$from.parent.inlineContent) {
    return false
  }
  // ProseMirror learns of a caret moved by a click or an arrow key a moment later (the browser's selectionchange comes
  // after the key), so a key pressed at once would land where the caret was: then the browser, which knows, types it.
  if (!caretAgreesWithPage(view)) return false
  const { from, to } = selection
  const insert = () => view.state.tr.insertText(text, from, to).scrollIntoView()
  if (!view.someProp('handleTextInput', (handle) => handle(view, from, to, text, insert))) view.dispatch(insert())
  return true
}

/** Whether the page's selection is where the editor's state says it is. */
function caretAgreesWithPage(view: EditorView): boolean {
  const onPage = (view.root as Document).getSelection?.()
  if (!onPage?.anchorNode || !onPage.focusNode || !view.dom.contains(onPage.anchorNode) || !view.dom.contains(onPage.focusNode)) return false
  const { anchor, head } = view.state.selection
  return view.posAtDOM(onPage.anchorNode, onPage.anchorOffset) === anchor && view.posAtDOM(onPage.focusNode, onPage.focusOffset) === head
}
