import type { JSONContent } from '@tiptap/core'
import { editorSchema } from '../src/shared/editor-schema'
import { docToMarkdown, markdownToDoc } from '../src/shared/markdown'
import type { BenchContext } from './run'
import { median, time } from './measure'
import type { Row } from './measure'
import { entryBody } from './synthetic-vault'

export async function markdownBench(_: BenchContext): Promise<Row[]> {
  const rows: Row[] = []
  for (const words of [2000, 10000]) {
    let seed = 1
    const markdown = entryBody(() => (seed = (seed * 48271) % 2147483647) / 2147483647, words)
    const parse = await time(() => markdownToDoc(markdown), 10)
    const doc = markdownToDoc(markdown)
    const serialize = await time(() => docToMarkdown(doc), 10)
    rows.push({ area: 'markdown', measure: `open a ${words.toLocaleString('en')}-word entry in the editor (markdownToDoc)`, value: median(parse), unit: 'ms' })
    rows.push({ area: 'markdown', measure: `save a ${words.toLocaleString('en')}-word entry (docToMarkdown, unedited)`, value: median(serialize), unit: 'ms' })
    // An autosave after typing: the window now only copies the document to the Markdown worker (useEntryMarkdown), where it used to make the Markdown itself.
    const edited = editorSchema.nodeFromJSON({
      ...doc,
      content: [...(doc.content ?? []), { type: 'paragraph', content: [{ type: 'text', text: 'Typed just now.' }] }]
    })
    const inWindow = await time(() => docToMarkdown(edited.toJSON() as JSONContent), 5)
    const handOff = await time(() => structuredClone(edited.toJSON()), 10)
    rows.push({
      area: 'markdown',
      measure: `autosave after typing in a ${words.toLocaleString('en')}-word entry: the window's part (toJSON + copy to the worker)`,
      value: median(handOff),
      unit: 'ms',
      baseline: { label: 'docToMarkdown in the window', value: median(inWindow) },
      goal: '≤ 16 ms (a frame)'
    })
  }
  return rows
}
