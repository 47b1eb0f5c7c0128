import { describe, expect, it } from 'vitest'
import { markdownToDoc } from '../../../shared/markdown'
import { getSchema } from '@tiptap/core'
import { editorExtensions } from '../../../shared/editor-schema'
import { findText } from './find-text'

const schema = getSchema(editorExtensions)
const docOf = (markdown: string) => schema.nodeFromJSON(markdownToDoc(markdown))

describe('findText', () => {
  it('finds words in a later paragraph, across bold text, ignoring case', () => {
    const doc = docOf('# Spring review\n\nShe said the **Budget** was tight.\n')
    const range = findText(doc, 'budget was')
    expect(range).not.toBeNull()
    expect(doc.textBetween(range!.from, range!.to)).toBe('Budget was')
  })

  it('finds text inside list items', () => {
    const doc = docOf('- first\n- send the revised scope\n')
    const range = findText(doc, 'revised')
    expect(doc.textBetween(range!.from, range!.to)).toBe('revised')
  })

  it('says null for text that is not there or spans two paragraphs', () => {
    const doc = docOf('one two\n\nthree\n')
    expect(findText(doc, 'cucumber')).toBeNull()
    expect(findText(doc, 'two three')).toBeNull()
    expect(findText(doc, '  ')).toBeNull()
  })
})
