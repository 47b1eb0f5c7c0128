/// <reference lib="dom" />
// What the page under test has on `window`: the app's API, and the harness's bridge to the core.
import type { EventName, RapportApi, Result } from '../src/shared/api'

declare global {
  interface Window {
    rapport: RapportApi
    __rapportInvoke(channel: string, input: unknown): Promise<Result<unknown>>
    __rapportEmit(event: EventName, payload: unknown): void
    /** The bare TipTap page's paragraphs (harness/bare-tiptap.ts). */
    __bareParagraphs: string[]
    /** What the typing measurement records in a page (typing-latency.spec.ts). */
    __typing: {
      keys: Array<{ at: number; latency: number }>
      saves: Array<{ seenAt: number; doneAt: number }>
      changesAround: number
      changesInList: number
      typedByBrowser: number
    }
    /** quiet-while-typing.spec.ts: where the keys typed into an entry were seen. */
    __keysSeen: { atRoot: number; atWindow: number }
  }
}
