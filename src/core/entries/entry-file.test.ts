import { parseDocument } from 'yaml'
import { describe, expect, it } from 'vitest'
import { WrittenFrontMatter, parseEntryFile, serializeEntryFile } from './entry-file'

const handEdited = `---
id: e_1
# a comment a person wrote
title: "Scope: call"
mood: 2   # how it felt
custom:
  nested: [1, 2]
created: 2026-11-22T10:30:00.000Z
---

Body line one.

---

After a thematic break.
`

describe('entry files', () => {
  it('reads front matter and body, and does not take a thematic break for the closing line', () => {
    const file = parseEntryFile(handEdited)
    expect(file.problem).toBeUndefined()
    expect(file.fields).toMatchObject({ id: 'e_1', title: 'Scope: call', mood: 2, custom: { nested: [1, 2] } })
    expect(file.body).toBe('Body line one.\n\n---\n\nAfter a thematic break.\n')
    expect(file.gap).toBe('\n')
  })

  it('keeps unknown fields, their comments and order when rewriting', () => {
    const file = parseEntryFile(handEdited)
    const text = serializeEntryFile(file, { id: 'e_1', title: 'Scope: call', updated: '2026-11-23T00:00:00.000Z' }, file.body)
    expect(text).toContain('# a comment a person wrote')
    expect(text).toContain('mood: 2 # how it felt')
    expect(text).toContain('title: "Scope: call"')
    expect(text).toMatch(/custom:\n {2}nested: \[ 1, 2 \]/)
    expect(text.indexOf('mood')).toBeLessThan(text.indexOf('created'))
    expect(text.endsWith('\n---\n\nBody line one.\n\n---\n\nAfter a thematic break.\n')).toBe(true)
    expect(parseEntryFile(text).fields.updated).toBe('2026-11-23T00:00:00.000Z')
  })

  it('round-trips titles that YAML would otherwise misread', () => {
    for (const title of ['yes', '123', 'a: b', '- dash', '#hash', 'quote\'s "both"', '@mention', '北京 🙂', '']) {
      const text = serializeEntryFile(null, { id: 'e', title }, 'x')
      expect(parseEntryFile(text).fields.title).toBe(title)
    }
  })

  it('treats a file without front matter as all body', () => {
    expect(parseEntryFile('# Just notes\n')).toMatchObject({ fields: {}, body: '# Just notes\n' })
  })

  it('reports broken front matter instead of guessing', () => {
    expect(parseEntryFile('---\ntitle: [unclosed\n---\nbody').problem).toMatch(/not valid YAML/)
    expect(parseEntryFile('---\ntitle: x\nno closing line').problem).toMatch(/no closing/)
    expect(parseEntryFile('---\n- a\n- b\n---\nbody').problem).toMatch(/key: value/)
  })

  it('accepts CRLF files', () => {
    const file = parseEntryFile('---\r\nid: e_2\r\ntitle: Win\r\n---\r\n\r\nBody\r\n')
    expect(file.fields).toMatchObject({ id: 'e_2', title: 'Win' })
    expect(file.body).toBe('Body\r\n')
  })
})

describe('a changed field', () => {
  it('is written plainly, not in the quotes its old value needed', () => {
    const created = serializeEntryFile(null, { id: 'e', title: '' }, 'x')
    expect(created).toContain('title: ""')
    const renamed = serializeEntryFile(parseEntryFile(created), { title: 'Scope call went sideways' }, 'x')
    expect(renamed).toContain('\ntitle: Scope call went sideways\n')
  })
})

describe('reading back what was just written', () => {
  /** The same file parsed by the YAML library itself, without the memory of what was written. */
  const parsedAfresh = (text: string) => {
    const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)---\n\n([\s\S]*)$/.exec(text) ?? []
    const yaml = parseDocument(frontMatter, { uniqueKeys: false })
    return { fields: yaml.toJS() as Record<string, unknown>, yaml, gap: '\n', body }
  }

  it('gives the same fields, and the next save the same text, as parsing it afresh', () => {
    const memory = new WrittenFrontMatter()
    const original = '---\n# kept comment\nid: e_1\ntitle: "Old"\nmood: 3 # how it felt\ncustom: [a, b]\n---\n\nBody\n'
    const written = serializeEntryFile(parseEntryFile(original), { title: 'New', updated: '2026-03-01T10:00:00.000Z', tags: ['x'] }, 'Body 2\n', memory)
    const frontMatter = written.slice(4, written.indexOf('---\n', 4))
    expect(memory.recall(frontMatter)).toBeDefined()
    const remembered = parseEntryFile(written, memory)
    expect(remembered.fields).toEqual(parsedAfresh(written).fields)
    const next = { title: 'Newer', updated: '2026-03-01T10:00:05.000Z' }
    expect(serializeEntryFile(remembered, next, 'Body 3\n')).toBe(serializeEntryFile(parsedAfresh(written), next, 'Body 3\n'))
  })

  it('hands out a copy: changing one read changes no later one', () => {
    const memory = new WrittenFrontMatter()
    const written = serializeEntryFile(null, { id: 'e_2', title: 'Mine' }, 'x', memory)
    const first = parseEntryFile(written, memory)
    first.yaml?.set('title', 'Changed')
    first.fields.title = 'Changed'
    expect(parseEntryFile(written, memory).fields.title).toBe('Mine')
  })

  it('remembers only the most recent writes', () => {
    const memory = new WrittenFrontMatter(2)
    const texts = ['a', 'b', 'c'].map((title) => serializeEntryFile(null, { id: `e_${title}`, title }, 'x', memory))
    const recalled = texts.map((text) => memory.recall(text.slice(4, text.indexOf('---\n', 4))) !== undefined)
    expect(recalled).toEqual([false, true, true])
  })
})
