import { useEditor } from '@tiptap/react'
import type { Editor } from '@tiptap/react'
import { useRef, useState } from 'react'
import type { Entry } from '@shared/domain'
import { markdownToDoc } from '@shared/markdown'
import { isRapportHref } from '@shared/mentions'
import { isMac } from '@renderer/platform/commands/shortcuts'
import { MentionMenuStore, mentionSuggestion, openRapportLink } from '@renderer/mentions'
import { entryExtensions } from './entry-images'
import { scrollCaretIntoView } from './scroll-caret'
import { TemplatePrompts, isPromptSetup } from './template-prompts'
import { typeIntoDocument } from './type-into-document'

interface EntryEditorOptions {
  entry: Entry
  readOnly: boolean
  /** A real edit of the text (not a template's prompts being laid out). */
  onEdit: () => void
  /** Ctrl/Cmd+L: add or change a link. */
  onLinkKey: (editor: Editor) => void
  /** Ctrl/Cmd+click on a web link. */
  onOpenExternal: (url: string) => void
  /** A pasted or dropped file could not be kept. */
  onAttachmentProblem: (text: string) => void
  /** A pasted or dropped file was kept beside the entry. */
  onAttachmentAdded: () => void
}

const modKey = (event: MouseEvent | KeyboardEvent) => (isMac ? event.metaKey : event.ctrlKey)

/**
 * The events each typed key fires, ended at the editor once ProseMirror has
 * handled them. No React handler sits between the editor and the page's root,
 * yet React's root listener looks each event up through the whole component
 * tree twice: on its way down (capture, which cannot be stopped from here) and
 * again as it bubbles up, which ending it here saves (profiled in
 * e2e/typing-latency.spec.ts: three events for a plain character, which
 * type-into-document.ts inserts; seven when the browser inserts the text,
 * as it does for composed, pasted or corrected text). App shortcuts are
 * unaffected: they listen on the window in the capture phase, before the
 * editor sees the key.
 */
const typingStaysInTheEditor = Object.fromEntries(
  ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'compositionstart', 'compositionupdate', 'compositionend'].map((type) => [
    type,
    (_view: unknown, event: Event) => {
      event.stopPropagation()
      return false
    }
  ])
)

/**
 * The TipTap editor for one entry, made once per mounted entry: its
 * extensions (the `@` menu and a template's prompts among them), how links are
 * clicked, and which transactions count as edits. Also the `@` popup's state.
 */
export function useEntryEditor(options: EntryEditorOptions): { editor: Editor; mentionMenu: MentionMenuStore } {
  const latest = useRef(options)
  latest.current = options
  const { entry, readOnly } = options
  // Parsed once per mounted entry: useEditor reads its options on every render, and parsing a long entry is not cheap.
  const [initialContent] = useState(() => markdownToDoc(entry.body))
  // The `@` popup's state, one per editor (see mention-suggestion.ts).
  const [mentionMenu] = useState(() => new MentionMenuStore())
  // Images shown through the app's own origin, and files pasted or dropped kept beside the entry (entry-images.ts).
  const [withImages] = useState(() =>
    entryExtensions(entry.id, {
      onProblem: (text) => latest.current.onAttachmentProblem(text),
      onAdded: () => latest.current.onAttachmentAdded()
    })
  )

  const editor = useEditor(
    {
      extensions: [...withImages, TemplatePrompts, mentionSuggestion(mentionMenu, { entryId: entry.id })],
      content: initialContent,
      editable: !readOnly,
      // The CSP forbids injected <style> tags; ProseMirror's base rules are in editor.css.
      injectCSS: false,
      // Typing must not re-render React: the toolbar and status subscribe to exactly what they show.
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          'aria-label': 'Entry text',
          role: 'textbox',
          'aria-multiline': 'true',
          class: 'prose',
          spellcheck: 'true'
        },
        // Runs before any extension's click handler: a plain click on a link only places the cursor,
        // and Ctrl/Cmd+click opens it in the browser through the core, which vets the address.
        handleClick: (view, _pos, event) => {
          const link = event.target instanceof Element ? event.target.closest('a[href]') : null
          if (!link || !view.dom.contains(link)) return false
          event.preventDefault()
          const href = link.getAttribute('href') ?? ''
          // A mention or entry link opens inside the app, like a web link with Ctrl/Cmd+click (or any click while read-only); never in the browser.
          if (isRapportHref(href)) {
            if (modKey(event) || !view.editable) openRapportLink(href)
          } else if (modKey(event)) latest.current.onOpenExternal(href)
          return true
        },
        handleDOMEvents: {
          // Never let the page itself follow a link (e.g. while read-only, when the DOM is not editable).
          click: (_view, event) => {
            if (event.target instanceof Element && event.target.closest('a[href]')) event.preventDefault()
            return false
          },
          ...typingStaysInTheEditor
        },
        // Only the entry's scroll box (EntryEditor's .editor-scroll) and what scrolls inside it can move to show the caret.
        handleScrollToSelection: (view) => scrollCaretIntoView(view, view.dom.closest<HTMLElement>('.editor-scroll')),
        // A typed character goes into the document here rather than through the browser's editing (see type-into-document.ts).
        handleKeyPress: typeIntoDocument,
        handleKeyDown: (view, event) => {
          if (modKey(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'l') {
            if (view.editable && editorRef.current) latest.current.onLinkKey(editorRef.current)
            return true
          }
          return false
        }
      },
      // setEditable() also emits `update`, without a change, and making room for a template's prompts is no edit: only real edits count.
      onUpdate: ({ transaction }) => {
        if (transaction.docChanged && !isPromptSetup(transaction)) latest.current.onEdit()
      }
    },
    []
  )
  const editorRef = useRef<Editor>(editor)
  editorRef.current = editor
  return { editor, mentionMenu }
}
