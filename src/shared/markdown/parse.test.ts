import { describe, expect, it } from 'vitest'
import { parseMarkdown } from './parse'

describe('parseMarkdown', () => {
  it('reads a checkbox that ends up outside a list item instead of throwing (the GFM development build does)', () => {
    const tree = parseMarkdown('-\n[x] foo\n')
    expect(tree.children.map((node) => node.type)).toEqual(['list', 'paragraph'])
  })

  it('still records a real task item as ticked or not', () => {
    const [list] = parseMarkdown('- [x] done\n- [ ] open\n').children
    expect(list?.type === 'list' && list.children.map((item) => item.checked)).toEqual([true, false])
  })
})
