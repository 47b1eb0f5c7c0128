import type { Editor } from '@tiptap/react'
import { useEffect, useRef } from 'react'
import type { JSONContent } from '@tiptap/core'
import type { TemplatePrompt } from '@shared/contract/coach'
import type { Entry } from '@shared/domain'
import { docToMarkdown } from '@shared/markdown'
import { withoutEmptySections } from '@shared/template-sections'
import { call } from '@renderer/platform/api'
import { showTemplatePrompts } from './template-prompts'

/**
 * For an entry started from a template: its prompts shown as placeholders,
 * and the Markdown to save, which leaves out the template's sections left
 * empty (unless the user's setting keeps them). Returns that Markdown's
 * maker; until the prompts are read (or for a plain entry) it is the text as
 * it is.
 */
export function useTemplatePrompts(editor: Editor, entry: Pick<Entry, 'id' | 'template'>): (doc: JSONContent) => string {
  const rules = useRef<{ sections: readonly TemplatePrompt[]; keepEmpty: boolean }>({ sections: [], keepEmpty: true })
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
  return (doc) => docToMarkdown(rules.current.keepEmpty ? doc : withoutEmptySections(doc, rules.current.sections))
}
