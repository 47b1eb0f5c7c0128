/**
 * Turns an entry's document into Markdown away from the window: for a long
 * entry that takes longer than a frame (the whole text is parsed once more to
 * confirm it reads back block for block), and a key pressed meanwhile would
 * wait for it. See markdown-off-thread.ts.
 */
import type { JSONContent } from '@tiptap/core'
import { entryMarkdown } from './entry-markdown'
import type { MarkdownRules } from './entry-markdown'

export interface MarkdownRequest {
  id: number
  doc: JSONContent
  rules: MarkdownRules
}

export type MarkdownReply = { id: number; markdown: string } | { id: number; error: string }

/** The worker's global scope, as far as it is used (the DOM and WebWorker type libraries cannot both be loaded). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<MarkdownRequest>) => void) | null
  postMessage(reply: MarkdownReply): void
}

const scope = self as unknown as WorkerScope
scope.onmessage = (event: MessageEvent<MarkdownRequest>) => {
  const { id, doc, rules } = event.data
  try {
    scope.postMessage({ id, markdown: entryMarkdown(doc, rules) } satisfies MarkdownReply)
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies MarkdownReply)
  }
}
