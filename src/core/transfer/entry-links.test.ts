import { describe, expect, it } from 'vitest'
import { linkDestination } from '../../shared/markdown'
import { entryIdOfUrl, rewriteEntryLinks } from './entry-links'
import { linkedEntry } from './export-links'

const toX = (target: string): string | null => (entryIdOfUrl(target) ? `x/${entryIdOfUrl(target)}.md` : null)

describe('rewriteEntryLinks', () => {
  it('rewrites inline links, angle-bracket destinations and reference definitions, and nothing else', () => {
    const source = [
      'A [link](rapport://entry/e_1 "title kept") and [another](<rapport://entry/e_2>).',
      '[*emphasised* text](rapport://entry/e_3#part) and [](rapport://entry/e_4)',
      '[web](https://example.com) and ![image](rapport://entry/e_5)',
      '`[code](rapport://entry/e_6)`',
      '',
      '    [indented code](rapport://entry/e_7)',
      '',
      '[ref]: rapport://entry/e_8',
      '[other]:',
      '  rapport://entry/e_9 "on the next line"',
      '',
      'Autolink <rapport://entry/e_10>.',
      ''
    ].join('\n')
    expect(rewriteEntryLinks(source, toX)).toBe(
      [
        'A [link](x/e_1.md "title kept") and [another](<x/e_2.md>).',
        '[*emphasised* text](x/e_3.md) and [](x/e_4.md)',
        '[web](https://example.com) and ![image](rapport://entry/e_5)',
        '`[code](rapport://entry/e_6)`',
        '',
        '    [indented code](rapport://entry/e_7)',
        '',
        '[ref]: x/e_8.md',
        '[other]:',
        '  x/e_9.md "on the next line"',
        '',
        'Autolink [rapport://entry/e\\_10](x/e_10.md).',
        ''
      ].join('\n')
    )
  })

  it('leaves text without links untouched without parsing it, and text whose links it does not know byte for byte', () => {
    const plain = '# Title\r\n\r\nNo links here.\r\n'
    expect(rewriteEntryLinks(plain, () => 'never')).toBe(plain)
    const other = 'See [site](https://example.com/(a)) and [x]( y.md )\n'
    expect(rewriteEntryLinks(other, () => null)).toBe(other)
  })

  it('handles parentheses and escapes inside a destination', () => {
    expect(rewriteEntryLinks('[a](notes/(draft)\\).md)\n', () => 'new.md')).toBe('[a](new.md)\n')
  })

  it('encodes what would end a destination early, and keeps letters readable', () => {
    expect(linkDestination('../Café notes/a (1).md#sec')).toBe('../Café%20notes/a%20%281%29.md#sec')
  })
})

describe('linkedEntry', () => {
  const byPath = new Map([
    ['clients/dana/journal/2026-01-01-a.md', 'e_a'],
    ['journal/b.md', 'e_b']
  ])
  it('knows rapport://entry links, paths relative to the entry and paths from the top of the vault', () => {
    expect(linkedEntry('rapport://entry/e_z#x', 'journal', byPath)).toEqual({ id: 'e_z', fragment: '#x' })
    expect(linkedEntry('../clients/dana/journal/2026-01-01-A.md', 'journal', byPath)).toEqual({ id: 'e_a', fragment: '' })
    expect(linkedEntry('/journal/b.md#top', 'clients/dana/journal', byPath)).toEqual({ id: 'e_b', fragment: '#top' })
    expect(linkedEntry('b.md', 'journal', byPath)).toEqual({ id: 'e_b', fragment: '' })
    expect(linkedEntry('https://example.com/journal/b.md', 'journal', byPath)).toBeNull()
    expect(linkedEntry('../../../../etc/b.md', 'journal', byPath)).toBeNull()
    expect(linkedEntry('image.png', 'journal', byPath)).toBeNull()
  })
})
