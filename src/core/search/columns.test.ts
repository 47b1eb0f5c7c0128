import { describe, expect, it } from 'vitest'
import { joinColumn, joinListColumn, splitColumn, splitListColumn } from './columns'

describe('columns', () => {
  it('hold any string, newlines, tabs and backslashes included, and refuse a wrong count', () => {
    const values = ['plain', '', 'two\nlines', 'tab\there', 'back\\slash\\n', '\\']
    expect(splitColumn(joinColumn(values), values.length, 'test')).toEqual(values)
    expect(splitColumn(joinColumn([]), 0, 'test')).toEqual([])
    expect(() => splitColumn(joinColumn(values), 5, 'test')).toThrow(/test column has 6 values for 5/)
    const lists = [['a', 'b'], [], ['with\ttab', 'new\nline'], ['']]
    expect(splitListColumn(joinListColumn(lists), lists.length, 'tags')).toEqual([['a', 'b'], [], ['with\ttab', 'new\nline'], []])
  })
})
