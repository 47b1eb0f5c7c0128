import { describe, expect, it } from 'vitest'
import { highlightsIn, snippetOf } from './snippet'

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
})
