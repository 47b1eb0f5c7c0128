import { describe, expect, it } from 'vitest'
import { MAX_SLUG_BYTES, safeSlug, truncateToBytes, uniqueName } from './safe-name'

describe('safeSlug', () => {
  it.each([
    ['Dana Whitfield', 'dana-whitfield'],
    ['../x', 'x'],
    ['..\\..\\windows\\system32', 'windows-system32'],
    ['CON', 'con-1'],
    ['nul', 'nul-1'],
    ['LPT9', 'lpt-9'],
    ['com1', 'com1-1'],
    ['Café Ünïcødé', 'cafe-uenicode'],
    ['北京 Partners', '北京-partners'],
    ['🙂🙂🙂', 'fallback'],
    ['   ', 'fallback'],
    ['a.b. ', 'a-b'],
    ['<script>alert(1)</script>', 'script-alert-1-script']
  ])('%j → %j', (input, expected) => {
    expect(safeSlug(input, 'fallback')).toBe(expected)
  })

  it('limits very long names by bytes, never splitting a character or ending in a dash', () => {
    const long = safeSlug('word '.repeat(100), 'x')
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(MAX_SLUG_BYTES)
    expect(long.endsWith('-')).toBe(false)
    const cjk = safeSlug('北'.repeat(300), 'x')
    expect(Buffer.byteLength(cjk)).toBeLessThanOrEqual(MAX_SLUG_BYTES)
    expect(cjk).toBe('北'.repeat(Math.floor(MAX_SLUG_BYTES / 3)))
  })

  it('never produces path separators, dots or Windows-forbidden characters', () => {
    for (const input of ['a/b', 'a\\b', 'a:b', 'a*b?c"d<e>f|g', '.hidden', 'trailing.', 'x\u0000y']) {
      expect(safeSlug(input, 'f')).toMatch(/^[^/\\:*?"<>|.\u0000-\u001f]+$/)
    }
  })
})

describe('truncateToBytes', () => {
  it('keeps whole characters', () => {
    expect(truncateToBytes('aé🙂', 4)).toBe('aé')
    expect(truncateToBytes('aé🙂', 7)).toBe('aé🙂')
  })
})

describe('uniqueName', () => {
  it('suffixes collisions', () => {
    const taken = new Set(['notes.md', 'notes-2.md'])
    expect(uniqueName('notes', (c) => taken.has(c), '.md')).toBe('notes-3.md')
    expect(uniqueName('fresh', (c) => taken.has(c), '.md')).toBe('fresh.md')
  })
})
