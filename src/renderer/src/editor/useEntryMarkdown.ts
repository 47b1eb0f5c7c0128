import type { Editor } from '@tiptap/react'
import type { Entry } from '@shared/domain'
import { useTemplatePrompts } from './useTemplatePrompts'

/**
 * The one place the editor's document becomes the Markdown that is saved and
 * compared: a template's prompts are never in it, and its sections left empty
 * are left out (see useTemplatePrompts). Read only when needed: turning a long
 * document into Markdown is not free.
 */
export function useEntryMarkdown(editor: Editor, entry: Pick<Entry, 'id' | 'template'>): () => string {
  const markdownOf = useTemplatePrompts(editor, entry)
  return () => markdownOf(editor.getJSON())
}
