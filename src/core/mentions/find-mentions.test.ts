import { describe, expect, it } from 'vitest'
import { chunksWithMentions, findMentions, sentenceAround } from './find-mentions'

describe('finding mentions in an entry', () => {
  it('finds people, clients and entries, with the sentence around each, in reading order', () => {
    const body = [
      '## Call with the team',
      '',
      'It went well. [Priya Raman](rapport://person/p_1) pushed back on the timeline! Then we moved on.',
      '',
      '- Ask [Dana](rapport:client/c_1) about budget',
      '- See [the scope call](rapport://entry/e_1) and [ref][p].',
      '',
      '`[not a mention](rapport://person/p_2)`',
      '',
      '    [indented code](rapport://person/p_3)',
      '',
      '[p]: rapport://person/p_4'
    ].join('\n')
    expect(findMentions(body)).toEqual([
      { kind: 'person', id: 'p_1', text: 'Priya Raman', sentence: 'Priya Raman pushed back on the timeline!' },
      { kind: 'client', id: 'c_1', text: 'Dana', sentence: 'Ask Dana about budget' },
      { kind: 'entry', id: 'e_1', text: 'the scope call', sentence: 'See the scope call and ref.' },
      { kind: 'person', id: 'p_4', text: 'ref', sentence: 'See the scope call and ref.' }
    ])
  })

  it('parses only the paragraphs that hold a mention, and the whole entry when a paragraph alone might mean something else', () => {
    const body =
      'Intro.\n\n```md\n[code](rapport://person/p_0)\n\nstill code\n```\n\nAsk [Dana](rapport://client/c_1)\nabout *budget*.\n\n> Quote of [Sam](rapport://person/p_2).\n'
    expect(chunksWithMentions(body)).toEqual(['Ask [Dana](rapport://client/c_1)\nabout *budget*.', '> Quote of [Sam](rapport://person/p_2).'])
    expect(findMentions(body).map((m) => [m.id, m.sentence])).toEqual([
      ['c_1', 'Ask Dana about budget.'],
      ['p_2', 'Quote of Sam.']
    ])
    expect(chunksWithMentions('- item\n\n    [Priya](rapport://person/p_1) continues it\n')).toBeNull()
    expect(findMentions('- item\n\n    [Priya](rapport://person/p_1) continues it\n').map((m) => m.id)).toEqual(['p_1'])
    expect(findMentions('Text\n\n    [code](rapport://person/p_1)\n')).toEqual([])
  })

  it('ignores ordinary links and text without any, cheaply', () => {
    expect(findMentions('A [web link](https://example.com) and [a file](notes.md).')).toEqual([])
    expect(findMentions('Nothing here.')).toEqual([])
  })

  it('keeps a hostile name as plain text', () => {
    const [found] = findMentions('Met [\\<script>alert(1)\\</script>](rapport://person/p_x). Fine.')
    expect(found).toMatchObject({ id: 'p_x', text: '<script>alert(1)</script>', sentence: 'Met <script>alert(1)</script>.' })
  })

  it('cuts a very long sentence around the mention', () => {
    const text = `${'word '.repeat(100)}Priya ${'more '.repeat(100)}`
    const start = text.indexOf('Priya')
    const sentence = sentenceAround(text, start, start + 5)
    expect(sentence.length).toBeLessThanOrEqual(242)
    expect(sentence).toContain('Priya')
    expect(sentence.startsWith('…')).toBe(true)
    expect(sentence.endsWith('…')).toBe(true)
  })
})
