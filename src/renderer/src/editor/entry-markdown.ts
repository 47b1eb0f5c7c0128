import type { JSONContent } from '@tiptap/core'
import type { TemplatePrompt } from '../../../shared/contract/coach'
// Relative, not @shared: unit tests (and the worker) load this module as it is.
import { docToMarkdown } from '../../../shared/markdown'
import { withoutEmptySections } from '../../../shared/template-sections'

/** What decides an entry's Markdown besides its document: a template's sections, and whether empty ones are kept. */
export interface MarkdownRules {
  readonly sections: readonly TemplatePrompt[]
  readonly keepEmpty: boolean
}

export const PLAIN_ENTRY: MarkdownRules = { sections: [], keepEmpty: true }

/**
 * The Markdown saved for an entry's document: a template's prompts are never
 * in it (they are decorations), and its sections left empty are left out
 * unless the person's setting keeps them. Runs in the window (rarely) and in
 * the Markdown worker (every autosave): see useEntryMarkdown.
 */
export function entryMarkdown(doc: JSONContent, rules: MarkdownRules): string {
  return docToMarkdown(rules.keepEmpty ? doc : withoutEmptySections(doc, rules.sections))
}
