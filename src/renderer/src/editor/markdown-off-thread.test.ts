import { describe, expect, it } from 'vitest'
import { markdownToDoc } from '../../../shared/markdown'
import { PLAIN_ENTRY, entryMarkdown } from './entry-markdown'
import { OffThreadMarkdown } from './markdown-off-thread'
import type { MarkdownPort } from './markdown-off-thread'
import type { MarkdownRequest } from './markdown.worker'

/** A worker stand-in that keeps what it was asked and answers when the test says so. */
class FakeWorker implements MarkdownPort {
  readonly asked: MarkdownRequest[] = []
  onmessage: MarkdownPort['onmessage'] = null
  onerror: MarkdownPort['onerror'] = null
  postMessage(request: MarkdownRequest): void {
    this.asked.push(structuredClone(request))
  }
  answer(request: MarkdownRequest): void {
    this.onmessage?.(new MessageEvent('message', { data: { id: request.id, markdown: entryMarkdown(request.doc, request.rules) } }))
  }
}

const text = 'Kept *as written*  \nand   spaced.\n\n- one\n* two\n'

describe('OffThreadMarkdown', () => {
  it('sends the document to the worker and answers with what it made, byte for byte what the window would make', async () => {
    const worker = new FakeWorker()
    const markdown = new OffThreadMarkdown(() => worker)
    const doc = markdownToDoc(text)
    const answer = markdown.toMarkdown(doc, PLAIN_ENTRY)
    expect(worker.asked).toHaveLength(1)
    const [asked] = worker.asked
    if (asked) worker.answer(asked)
    expect(await answer).toBe(text)
  })

  it('answers every pending request in the window when the worker fails to load, and everything after', async () => {
    const worker = new FakeWorker()
    let started = 0
    const markdown = new OffThreadMarkdown(() => {
      started++
      return worker
    })
    const pending = markdown.toMarkdown(markdownToDoc(text), PLAIN_ENTRY)
    worker.onerror?.(new Event('error'))
    expect(await pending).toBe(text)
    expect(await markdown.toMarkdown(markdownToDoc('later\n'), PLAIN_ENTRY)).toBe('later\n')
    expect(started).toBe(1)
    expect(worker.asked).toHaveLength(1)
  })

  it('makes the Markdown in the window where no worker can be started', async () => {
    const markdown = new OffThreadMarkdown(() => null)
    expect(await markdown.toMarkdown(markdownToDoc(text), PLAIN_ENTRY)).toBe(text)
  })
})
