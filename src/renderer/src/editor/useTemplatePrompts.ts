import type { Editor } from '@tiptap/react'
import { useEffect, useRef } from 'react'
import type { Entry } from '@shared/domain'
import { call } from '@renderer/platform/api'
import { PLAIN_ENTRY } from './entry-markdown'
import type { MarkdownRules } from './entry-markdown'
import { showTemplatePrompts } from './template-prompts'

/**
 * For an entry started from a template: its prompts shown as placeholders,
 * and the rules for the Markdown to save, which leaves out the template's
 * sections left empty (unless the user's setting keeps them). Returns the
 * rules as they stand; until the prompts are read (or for a plain entry) the
 * text is saved as it is.
 */
export function useTemplatePrompts(editor: Editor, entry: Pick<Entry, 'id' | 'template'>): () => MarkdownRules {
  const rules = useRef<MarkdownRules>(PLAIN_ENTRY)
  useEffect(() => {
    if (!entry.template) return
    let live = true
    Promise.all([call('templates:prompts', { entryId: entry.id }), call('settings:get', undefined)]).then(
      ([sections, settings]) => {
        if (!live || editor.isDestroyed) return
        rules.current = { sections, keepEmpty: settings.keepEmptySections }
        showTemplatePrompts(editor, sections)
      },
      () => undefined // A courtesy: without them the entry works as a plain one.
    )
    return () => {
      live = false
    }
  }, [editor, entry.id, entry.template])
  return () => rules.current
}
