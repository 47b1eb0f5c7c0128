import { describe, expect, it } from 'vitest'
import { rewriteObsidianLinks } from './obsidian-links'

const targets = {
  link: (name: string) => ({ 'Priya Raman': 'rapport://person/p_1', Northwind: 'rapport://client/c_1', 'Scope call': 'rapport://entry/e_9' })[name] ?? null,
  attachment: async (name: string) =>
    name.endsWith('whiteboard.png')
      ? { href: '../attachments/whiteboard.png', image: true }
      : name === 'plan v2.pdf'
        ? { href: '../attachments/plan-v2.pdf', image: false }
        : null
}

describe('Obsidian links and embeds', () => {
  it('turns wikilinks into mentions and entry links, and embeds into kept files, leaving code and the unknown alone', async () => {
    const md = [
      'Met [[Priya Raman]] and [[Priya Raman|Priya]] from [[Northwind]]; see [[Scope call#Next steps]].',
      '![[whiteboard.png|300]] ![[plan v2.pdf]] ![[missing.png]] [[Nobody]]',
      '![board](img/whiteboard.png) [plan](plan%20v2.pdf) [web](https://x.example/a.pdf)',
      '`[[Priya Raman]]` \\[[not a link]]',
      '| a | [[Priya Raman\\|P]] |',
      '|---|---|',
      '```',
      '![[whiteboard.png]]',
      '```',
      ''
    ].join('\n')
    expect(await rewriteObsidianLinks(md, targets)).toBe(
      [
        'Met [Priya Raman](rapport://person/p_1) and [Priya](rapport://person/p_1) from [Northwind](rapport://client/c_1); see [Scope call › Next steps](rapport://entry/e_9).',
        '![whiteboard](../attachments/whiteboard.png) [plan v2.pdf](../attachments/plan-v2.pdf) ![[missing.png]] [[Nobody]]',
        '![board](../attachments/whiteboard.png) [plan](../attachments/plan-v2.pdf) [web](https://x.example/a.pdf)',
        '`[[Priya Raman]]` \\[[not a link]]',
        '| a | [P](rapport://person/p_1) |',
        '|---|---|',
        '```',
        '![[whiteboard.png]]',
        '```',
        ''
      ].join('\n')
    )
  })

  it('leaves text without links byte for byte', async () => {
    const md = 'Plain *text* with [a link](https://x.example) and no wikilinks.\n'
    expect(await rewriteObsidianLinks(md, targets)).toBe(md)
  })
})
