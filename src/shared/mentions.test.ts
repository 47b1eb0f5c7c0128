import { describe, expect, it } from 'vitest'
import { docToMarkdown, markdownToDoc } from './markdown'
import { escapeLinkText, isRapportHref, mentionHref, mentionMarkdown, parseMentionHref } from './mentions'
import type { JSONContent } from '@tiptap/core'

const hostileNames = [
  '<script>alert(1)</script>',
  '](javascript:alert(1))',
  '@@',
  '[Priya] [Raman]',
  'Priya 🌶️ Raman 👩🏽‍💼',
  'x'.repeat(300),
  'back\\slash `code` *star* _under_ ~strike~ | pipe & amp; &lt;',
  'two\nlines'
]

/** Link marks in a document, with their text. */
function links(doc: JSONContent): Array<{ text: string; href: string }> {
  const out: Array<{ text: string; href: string }> = []
  const walk = (node: JSONContent): void => {
    const link = node.marks?.find((m) => m.type === 'link')
    if (node.type === 'text' && link) {
      const last = out.at(-1)
      const href = String(link.attrs?.href)
      if (last && last.href === href) last.text += node.text ?? ''
      else out.push({ text: node.text ?? '', href })
    }
    for (const child of node.content ?? []) walk(child)
  }
  walk(doc)
  return out
}

describe('mention targets', () => {
  it('names a person, a client or an entry by id, and reads hand-typed forms back', () => {
    expect(mentionHref({ kind: 'person', id: 'p_1' })).toBe('rapport://person/p_1')
    expect(parseMentionHref('rapport://person/p_1')).toEqual({ kind: 'person', id: 'p_1' })
    expect(parseMentionHref('rapport:client/c_2')).toEqual({ kind: 'client', id: 'c_2' })
    expect(parseMentionHref('RAPPORT://Entry/e_3#part')).toEqual({ kind: 'entry', id: 'e_3' })
    expect(parseMentionHref('rapport://person/p%20odd')).toEqual({ kind: 'person', id: 'p odd' })
    for (const other of ['https://example.com', 'rapport://nobody/x', 'javascript:alert(1)', 'people/p_1.md', 'rapport://person/']) {
      expect(parseMentionHref(other)).toBeNull()
    }
    expect(isRapportHref(' rapport://person/p_1')).toBe(true)
    expect(isRapportHref('https://rapport.example')).toBe(false)
  })

  it('escapes only what Markdown would read inside link text', () => {
    expect(escapeLinkText("Anne-Marie O'Brien")).toBe("Anne-Marie O'Brien")
    expect(escapeLinkText('](javascript:x)')).toBe('\\](javascript:x)')
    expect(escapeLinkText('<b>')).toBe('\\<b\\>')
  })
})

describe('hostile names in mentions', () => {
  it.each(hostileNames)('keeps %j as one link showing the name, in a byte-exact round trip', (name) => {
    const markdown = `Met ${mentionMarkdown(name, { kind: 'person', id: 'p_1' })} today.\n`
    const doc = markdownToDoc(markdown)
    expect(docToMarkdown(doc)).toBe(markdown)
    const found = links(doc)
    expect(found).toEqual([{ text: name.replace(/\n/g, ' '), href: 'rapport://person/p_1' }])
    expect(JSON.stringify(doc)).not.toMatch(/javascript:alert\(1\)"\s*}/)
  })

  it.each(hostileNames)('a mention of %j made in the editor is saved as a link the parser reads back the same', (name) => {
    const doc: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'With ' },
            { type: 'text', text: name.replace(/\n/g, ' '), marks: [{ type: 'link', attrs: { href: 'rapport://person/p_9' } }] },
            { type: 'text', text: '.' }
          ]
        }
      ]
    }
    const markdown = docToMarkdown(doc)
    expect(links(markdownToDoc(markdown))).toEqual([{ text: name.replace(/\n/g, ' '), href: 'rapport://person/p_9' }])
    // Every `<` is escaped: nothing in the file can be read as HTML.
    expect(markdown).not.toMatch(/(^|[^\\])</)
  })
})
