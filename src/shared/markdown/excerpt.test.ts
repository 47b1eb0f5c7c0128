import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { excerptOf } from './excerpt'

describe('excerptOf', () => {
  it.each([
    ['It started well.\n', 'It started well.'],
    ['## What happened\n\nShe **pushed** back on the _timeline_.\n', 'What happened · She pushed back on the timeline.'],
    ['- [ ] Send the [scope](https://x.example)\n', 'Send the scope'],
    ['> quoted `code`\n', 'quoted code'],
    ['```js\nconst hidden = 1\n```\nAfter code\n', 'After code'],
    ['---\n\n<div>\n\nText\n', 'Text'],
    ['', ''],
    ['Escaped \\*stars\\*', 'Escaped *stars*'],
    ['One line\nwrapped on to the next\n', 'One line wrapped on to the next'],
    ['First.\n\nSecond.\n', 'First. · Second.'],
    ['Title\n=====\nText\n', 'Title · Text'],
    ['# Heading\nText right under it\n- one\n- two\n', 'Heading · Text right under it · one · two'],
    ['<!-- c -->\n\n```\ncode\n```\n\n- [ ] Call **Anna** about [the deal](x)\n', 'Call Anna about the deal'],
    ['   \n\n', '']
  ])('%j → %j', (markdown, expected) => {
    expect(excerptOf(markdown)).toBe(expected)
  })

  it('reads the words of a deeply nested quote or list, never its markers', () => {
    expect(excerptOf(`${'> '.repeat(200)}deep quote\n`)).toBe('deep quote')
    expect(excerptOf(`${'- '.repeat(100)}deep list\n`)).toBe('deep list')
    expect(excerptOf(`${'> - '.repeat(60)}quoted in a list in a quote\n`)).toBe('quoted in a list in a quote')
    expect(excerptOf('> 1. > * [x] done and quoted\n')).toBe('done and quoted')
    // Not markers: a minus sign, emphasis, a number in a sentence.
    expect(excerptOf('-5% on the quarter\n')).toBe('-5% on the quarter')
    expect(excerptOf('> *Really* late\n')).toBe('Really late')
  })

  it('shortens on a word boundary', () => {
    const text = excerptOf('word '.repeat(100), 40)
    expect(text.length).toBeLessThanOrEqual(40)
    expect(text.endsWith('word…')).toBe(true)
  })

  it('keeps a heading apart from the text after it, and cuts on a word', () => {
    const meeting = readFileSync(new URL('../fixtures/markdown/journal-client-meeting.md', import.meta.url), 'utf8')
    expect(excerptOf(meeting, 80)).toBe('Lunch with Dana Whitfield (Northwind) · Met at the usual place near their…')
  })

  it('never ends on a separator or half an emoji', () => {
    expect(excerptOf('# Plan\n\nnext', 9)).toBe('Plan…')
    expect(excerptOf(`${'a'.repeat(8)}🎓 and more`, 10)).toBe(`${'a'.repeat(8)}…`)
  })
})
