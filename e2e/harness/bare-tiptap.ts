/// <reference path="../page-globals.d.ts" />
/**
 * The baseline the typing measurement compares Rapport's editor with: a bare
 * TipTap editor (StarterKit only, nothing saved, no React) holding the same
 * document, in a page of its own. Bundled by the harness (bare-tiptap-page.ts).
 */
import { Editor } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
const mount = document.createElement('div')
mount.className = 'column'
document.body.append(mount)
new Editor({
  element: mount,
  extensions: [StarterKit],
  content: window.__bareParagraphs.map((text) => `<p>${escape(text)}</p>`).join(''),
  editorProps: { attributes: { 'aria-label': 'Bare text', role: 'textbox', class: 'prose' } }
})
