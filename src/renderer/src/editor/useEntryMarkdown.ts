import type { Editor } from '@tiptap/react'
import type { Node as PmNode } from '@tiptap/pm/model'
import { useRef } from 'react'
import type { Entry } from '@shared/domain'
import { entryMarkdown } from './entry-markdown'
import type { MarkdownRules } from './entry-markdown'
import { offThreadMarkdown } from './markdown-off-thread'
import { useTemplatePrompts } from './useTemplatePrompts'

/** The editor's text as Markdown, read in one of two ways. */
export interface EntryMarkdown {
  /** Now, in the window: for the rare moments that need it at once (a reload from disk, a restored version). */
  now(): string
  /** Made in a worker while the person types on: what autosave uses, so no key waits for it. */
  soon(): Promise<string>
}

interface Made {
  doc: PmNode
  rules: MarkdownRules
  markdown: string | Promise<string>
}

/**
 * The one place the editor's document becomes the Markdown that is saved and
 * compared: a template's prompts are never in it, and its sections left empty
 * are left out (entry-markdown.ts). Turning a long document into Markdown
 * takes longer than a frame, so it is made only when needed, off the window
 * when it can wait, and never twice for the same document: ProseMirror's
 * documents never change in place, so the last one made is kept by identity
 * (after an autosave, comparing the text on disk with the editor's is free).
 */
export function useEntryMarkdown(editor: Editor, entry: Pick<Entry, 'id' | 'template'>): EntryMarkdown {
  const rules = useTemplatePrompts(editor, entry)
  const lastRef = useRef<Made | null>(null)
  const reuse = (doc: PmNode, current: MarkdownRules) => {
    const made = lastRef.current
    return made && made.doc === doc && made.rules === current ? made.markdown : null
  }
  const now = (): string => {
    const doc = editor.state.doc
    const current = rules()
    const made = reuse(doc, current)
    if (typeof made === 'string') return made
    const markdown = entryMarkdown(doc.toJSON() as Parameters<typeof entryMarkdown>[0], current)
    lastRef.current = { doc, rules: current, markdown }
    return markdown
  }
  const soon = (): Promise<string> => {
    const doc = editor.state.doc
    const current = rules()
    const made = reuse(doc, current)
    if (made !== null) return Promise.resolve(made)
    const markdown = offThreadMarkdown.toMarkdown(doc.toJSON() as Parameters<typeof entryMarkdown>[0], current)
    const making: Made = { doc, rules: current, markdown }
    lastRef.current = making
    markdown.then(
      (text) => {
        if (lastRef.current === making) lastRef.current = { doc, rules: current, markdown: text }
      },
      () => {
        if (lastRef.current === making) lastRef.current = null
      }
    )
    return markdown
  }
  return { now, soon }
}
