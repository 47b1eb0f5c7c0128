import type { JSONContent } from '@tiptap/core'
import { entryMarkdown } from './entry-markdown'
import type { MarkdownRules } from './entry-markdown'
import type { MarkdownReply, MarkdownRequest } from './markdown.worker'

/** What is used of a Worker, so a test can stand in for one. */
export interface MarkdownPort {
  postMessage(request: MarkdownRequest): void
  onmessage: ((event: MessageEvent<MarkdownReply>) => void) | null
  onerror: ((event: Event) => void) | null
}

interface Waiting {
  request: MarkdownRequest
  resolve: (markdown: string) => void
  reject: (error: Error) => void
}

/**
 * Entries' Markdown made in a worker (markdown.worker.ts), so an autosave
 * never holds up a key: the window only copies the document to it. Where no
 * worker can be started (or it fails to load) the same function runs here,
 * as before: slower for a long entry, never wrong.
 */
export class OffThreadMarkdown {
  private port: MarkdownPort | null | undefined
  private nextId = 1
  private readonly waiting = new Map<number, Waiting>()

  constructor(private readonly startWorker: () => MarkdownPort | null) {}

  toMarkdown(doc: JSONContent, rules: MarkdownRules): Promise<string> {
    const port = this.started()
    const request: MarkdownRequest = { id: this.nextId++, doc, rules }
    if (!port) return inThread(request)
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { request, resolve, reject })
      port.postMessage(request)
    })
  }

  private started(): MarkdownPort | null {
    if (this.port !== undefined) return this.port
    try {
      this.port = this.startWorker()
    } catch {
      this.port = null
    }
    if (this.port) {
      this.port.onmessage = (event) => this.answer(event.data)
      this.port.onerror = (event) => {
        const reason = 'message' in event && typeof event.message === 'string' && event.message ? event.message : 'it did not load'
        console.warn(`The Markdown worker stopped (${reason}); entries are now turned into Markdown in the window.`)
        this.giveUpOnWorker()
      }
    }
    return this.port
  }

  private answer(reply: MarkdownReply): void {
    const waiting = this.waiting.get(reply.id)
    if (!waiting) return
    this.waiting.delete(reply.id)
    if ('markdown' in reply) waiting.resolve(reply.markdown)
    else waiting.reject(new Error(reply.error))
  }

  /** The worker could not load or crashed: what it was asked is answered here, and so is everything after. */
  private giveUpOnWorker(): void {
    this.port = null
    const waiting = [...this.waiting.values()]
    this.waiting.clear()
    for (const { request, resolve, reject } of waiting) inThread(request).then(resolve, reject)
  }
}

const inThread = (request: MarkdownRequest): Promise<string> => new Promise((resolve) => resolve(entryMarkdown(request.doc, request.rules)))

/** The one worker the window's editors share, started when the first entry is saved. */
export const offThreadMarkdown = new OffThreadMarkdown(() =>
  typeof Worker === 'undefined' ? null : (new Worker(new URL('./markdown.worker.ts', import.meta.url), { type: 'module' }) as MarkdownPort)
)
