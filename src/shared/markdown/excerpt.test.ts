import { describe, expect, it } from 'vitest'
import { excerptOf } from './excerpt'

describe('excerptOf', () => {
  it.each([
    ['It started well.\n', 'It started well.'],
    ['## What happened\n\nShe **pushed** back on the _timeline_.\n', 'What happened She pushed back on the timeline.'],
    ['- [ ] Send the [scope](https://x.example)\n', 'Send the scope'],
    ['> quoted `code`\n', 'quoted code'],
    ['```js\nconst hidden = 1\n```\nAfter code\n', 'After code'],
    ['---\n\n<div>\n\nText\n', 'Text'],
    ['', ''],
    ['Escaped \\*stars\\*', 'Escaped *stars*']
  ])('%j → %j', (markdown, expected) => {
    expect(excerptOf(markdown)).toBe(expected)
  })

  it('shortens on a word boundary', () => {
    const text = excerptOf('word '.repeat(100), 40)
    expect(text.length).toBeLessThanOrEqual(40)
    expect(text.endsWith('word…')).toBe(true)
  })
})
