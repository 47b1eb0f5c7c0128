import { describe, expect, it } from 'vitest'
import { joinColumn, joinListColumn, splitColumn, splitListColumn } from './columns'

describe('columns', () => {
  it('hold any string, newlines, tabs and backslashes included, and refuse a wrong count', () => {
    const values = ['plain', '', 'two\nlines', 'tab\there', 'back\\slash\\n', '\\']
    expect(splitColumn(joinColumn(values), values.length, 'test')).toEqual(values)
    expect(splitColumn(joinColumn([]), 0, 'test')).toEqual([])
    // One value alone with a newline, and the common case, where nothing needs escaping and the column is the values joined.
    expect(splitColumn(joinColumn(['two\nlines']), 1, 'test')).toEqual(['two\nlines'])
    expect(splitColumn(joinColumn(['only\tone tab']), 1, 'test')).toEqual(['only\tone tab'])
    expect(joinColumn(['entry:e_1', 'client:c_2', ''])).toBe('entry:e_1\nclient:c_2\n')
    expect(() => splitColumn(joinColumn(values), 5, 'test')).toThrow(/test column has 6 values for 5/)
    const lists = [['a', 'b'], [], ['with\ttab', 'new\nline'], ['']]
    expect(splitListColumn(joinListColumn(lists), lists.length, 'tags')).toEqual([['a', 'b'], [], ['with\ttab', 'new\nline'], []])
  })
})
