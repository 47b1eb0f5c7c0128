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
  }
  return rows
}
