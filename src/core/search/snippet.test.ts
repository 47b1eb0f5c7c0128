import { describe, expect, it } from 'vitest'
import { highlightsIn, snippetAt, snippetOf } from './snippet'

const wanted = (...groups: string[][]) => new Map(groups.flatMap((terms, word) => terms.map((t): [string, number] => [t, word])))
const marked = (text: string, ranges: Array<[number, number]>) => ranges.map(([s, e]) => text.slice(s, e))

describe('snippets', () => {
  it('show the window with the most query words, folded, with highlights that point at the words', () => {
    const text = `${'Filler words here. '.repeat(20)}The budget\n\n  for   spring is tight. ${'More filler. '.repeat(30)}Budget again at the end.`
    const snippet = snippetOf(text, wanted(['budget'], ['spring']))
    expect(snippet.text.startsWith('…')).toBe(true)
    expect(snippet.text.endsWith('…')).toBe(true)
    expect(snippet.text).toContain('The budget for spring is tight.')
    expect(marked(snippet.text, snippet.highlights)).toEqual(['budget', 'spring'])
    expect(text.slice(snippet.offset, snippet.offset + 6)).toBe('budget')
    expect(snippet.text.length).toBeLessThanOrEqual(162)
  })

  it('start at the beginning when only the title matched, and mark every match in a title', () => {
    expect(snippetOf('Short text.', wanted(['absent']))).toEqual({ text: 'Short text.', highlights: [], offset: 0 })
    expect(highlightsIn('Budget, budgets and BUDGET', wanted(['budget', 'budgets']))).toEqual([
      [0, 6],
      [8, 15],
      [20, 26]
    ])
  })

  it('around a mention matched by a name it does not show: from its sentence, or a little before it in a long one', () => {
    const text = 'First line.\n\nWe met. Then P. raised the budget. More text follows here.'
    const start = text.indexOf('P.')
    const near = snippetAt(text, start, start + 2)
    expect(near.text).toBe('…Then P. raised the budget. More text follows here.')
    expect(marked(near.text, near.highlights)).toEqual(['P.'])
    expect(near.offset).toBe(start)

    const long = `${'word '.repeat(60)}P. said so.`
    const at = long.indexOf('P.')
    const cut = snippetAt(long, at, at + 2)
    expect(cut.text.startsWith('…word')).toBe(true)
    expect(cut.text.length).toBeLessThan(80)
    expect(marked(cut.text, cut.highlights)).toEqual(['P.'])
  })
})
