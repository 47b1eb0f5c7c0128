import { describe, expect, it } from 'vitest'
import { parseEntryFile } from '../entries/entry-file'
import { bodyStart } from '../entries/entry-body'
import { plainText } from './plain-text'

describe('plainText', () => {
  it('keeps the words, blanks the syntax, and keeps every offset', () => {
    const markdown = '## Call with **Dana**\n\n> She said [the plan](https://example.com/a_(b)) is `late`.\n<b>bold</b> ![chart](c.png) snake_case\n'
    const plain = plainText(markdown)
    expect(plain).toHaveLength(markdown.length)
    expect(plain.split(/\s+/).filter(Boolean)).toEqual([
      'Call',
      'with',
      'Dana',
      'She',
      'said',
      'the',
      'plan',
      'is',
      'late',
      '.',
      'bold',
      'chart',
      'snake',
      'case'
    ])
    expect(plain.indexOf('Dana')).toBe(markdown.indexOf('Dana'))
    expect(plain.indexOf('late')).toBe(markdown.indexOf('late'))
  })
})

describe('bodyStart', () => {
  const files = [
    '---\nid: e_1\ntitle: A\n---\n\nBody\n',
    '---\r\nid: e_1\r\n---\r\n\r\n\r\nBody with CRLF\r\n',
    '\uFEFF---\ntitle: BOM\n...\nBody after a YAML end marker\n',
    '---\ntitle: no gap\n---\nBody\n---\nA thematic break is not front matter\n',
    '---  \ntitle: spaces\n---   \n  \n\t\nBody after blank lines with spaces\n',
    '---\ntitle: [broken\n---\n\nBody of a file whose YAML is broken\n',
    '---\ntitle: never closed\nBody?\n',
    'No front matter at all\n---\n',
    '---\n---\n',
    ''
  ]
  it.each(files)('splits %j exactly as parseEntryFile does', (text) => {
    expect(text.slice(bodyStart(text))).toBe(parseEntryFile(text).body)
  })
})
