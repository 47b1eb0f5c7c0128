import { describe, expect, it } from 'vitest'
import { bodyStart, frontMatterBounds } from './front-matter'

describe('frontMatterBounds', () => {
  it('finds the YAML, the gap and the body', () => {
    const text = '---\nid: e_1\n---\n\n\nBody\n'
    const bounds = frontMatterBounds(text)
    expect(bounds).not.toBeNull()
    if (bounds === null || bounds === 'unclosed') return
    expect(text.slice(bounds.yamlStart, bounds.yamlEnd)).toBe('id: e_1\n')
    expect(text.slice(bounds.gapStart, bounds.bodyStart)).toBe('\n\n')
    expect(text.slice(bounds.bodyStart)).toBe('Body\n')
  })

  it('tells a file without front matter from one never closed', () => {
    expect(frontMatterBounds('Just text\n---\n')).toBeNull()
    expect(frontMatterBounds('---\ntitle: open\nBody\n')).toBe('unclosed')
    expect(bodyStart('---\ntitle: open\nBody\n')).toBe(0)
  })

  it('takes a thematic break in the body for what it is', () => {
    const text = '\uFEFF---\r\ntitle: A\r\n...\r\nBody\r\n---\r\nMore\r\n'
    expect(text.slice(bodyStart(text))).toBe('Body\r\n---\r\nMore\r\n')
  })
})
