// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { JSONContent } from '@tiptap/core'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { MARKDOWN_ATTR_NAMES, SOURCE_ATTRS, editorSchema } from '../editor-schema'
import { docToMarkdown, markdownToDoc } from '.'

const HERE = dirname(fileURLToPath(import.meta.url))
const FIXTURE_DIR = join(HERE, '..', 'fixtures', 'markdown')
const REPO_ROOT = join(HERE, '..', '..', '..')

function fixture(name: string): string {
  return readFileSync(join(FIXTURE_DIR, name), 'utf8')
}

const FIXTURES = readdirSync(FIXTURE_DIR)
  .filter((name) => name.endsWith('.md'))
  .sort()

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

/** The document as the editor would hold it: normalised by the schema. */
function throughEditor(doc: JSONContent): JSONContent {
  return editorSchema.nodeFromJSON(doc).toJSON() as JSONContent
}

/**
 * What a reader sees: the document without source-preservation attributes and
 * without top-level empty paragraphs (which have no Markdown form).
 */
function contentOf(doc: JSONContent): JSONContent {
  return stripMarkdownAttrs(throughEditor(doc), true)
}

function stripMarkdownAttrs(node: JSONContent, isDoc = false): JSONContent {
  const out: JSONContent = { type: node.type }
  const attrs = Object.entries(node.attrs ?? {}).filter(([name]) => !MARKDOWN_ATTR_NAMES.includes(name))
  if (attrs.length > 0) out.attrs = Object.fromEntries(attrs)
  if (node.marks) out.marks = node.marks
  if (node.text !== undefined) out.text = node.text
  const children = (node.content ?? []).filter((child) => !(isDoc && child.type === 'paragraph' && !child.content)).map((child) => stripMarkdownAttrs(child))
  if (children.length > 0) out.content = children
  return out
}

function expectRoundTrip(markdown: string): void {
  const doc = markdownToDoc(markdown)
  expect(() => editorSchema.nodeFromJSON(doc).check()).not.toThrow()
  expect(docToMarkdown(doc)).toBe(markdown)
  expect(docToMarkdown(throughEditor(doc))).toBe(markdown)
  // as persisted and loaded again
  expect(docToMarkdown(JSON.parse(JSON.stringify(doc)) as JSONContent)).toBe(markdown)
}

/** Marks every top-level block as edited, so all of them are rendered anew. */
function asIfEveryBlockWasEdited(doc: JSONContent): JSONContent {
  const copy = throughEditor(doc)
  for (const block of copy.content ?? []) {
    if (block.attrs) block.attrs[SOURCE_ATTRS.fingerprint] = null
  }
  return copy
}

function expectCanonicalStability(edited: JSONContent): string {
  const markdown = docToMarkdown(edited)
  const reparsed = markdownToDoc(markdown)
  expect(docToMarkdown(reparsed)).toBe(markdown)
  expect(contentOf(reparsed)).toEqual(contentOf(edited))
  return markdown
}

function findAll(node: JSONContent, type: string, found: JSONContent[] = []): JSONContent[] {
  if (node.type === type) found.push(node)
  for (const child of node.content ?? []) findAll(child, type, found)
  return found
}

function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? ''
  return (node.content ?? []).map(textOf).join('')
}

function sourceOf(block: JSONContent | undefined): string {
  return String(block?.attrs?.[SOURCE_ATTRS.source])
}

// JSON builders, shaped like what the editor produces
type MarkJSON = NonNullable<JSONContent['marks']>[number]
const text = (value: string, ...marks: MarkJSON[]): JSONContent => (marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value })
const paragraph = (...content: JSONContent[]): JSONContent => (content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' })
const heading = (level: number, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] })
const listItem = (value: string): JSONContent => ({ type: 'listItem', content: [paragraph(text(value))] })
const taskItem = (value: string, checked: boolean): JSONContent => ({
  type: 'taskItem',
  attrs: { checked },
  content: [paragraph(text(value))]
})
const bold = { type: 'bold' }
const italic = { type: 'italic' }
const link = (href: string) => ({ type: 'link', attrs: { href } })
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content })

// ---------------------------------------------------------------------------

describe('environment', () => {
  it('runs in Node with no DOM (the schema and converter must not need one)', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    expect(editorSchema.nodes.rawBlock).toBeDefined()
    expect(editorSchema.nodes.rawInline).toBeDefined()
  })
})

describe('fixtures round-trip byte for byte', () => {
  it('has a fixture per construct', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(30)
    expect(fixture('crlf.md')).toContain('\r\n')
  })

  for (const name of FIXTURES) {
    it(name, () => {
      const markdown = fixture(name)
      expectRoundTrip(markdown)
      // the same file with CRLF line endings and with a byte order mark
      expectRoundTrip(markdown.replace(/\r?\n/g, '\r\n'))
      expectRoundTrip(`\uFEFF${markdown}`)
    })
  }

  it('odd inputs', () => {
    const inputs = [
      '',
      ' ',
      '\n',
      '\r\n',
      '\r',
      '\t\n  \n',
      'a',
      '\n\n\na\n\n\n',
      '-',
      '- ',
      '-\n-\n',
      '1.',
      '>',
      '> ',
      '#',
      '```',
      '```\nunclosed',
      '<!--',
      '<!-- unclosed\n\nstill comment',
      '- [ ]',
      '- [ ] ',
      '- [ ] &#x20;',
      '* * *',
      '\\',
      'a\\',
      '  a  ',
      '\u0000',
      'a\rb\rc',
      '- a\n\n\n- b',
      '- ```\n  code\n  ```\n- # heading\n- > quote\n- - nested',
      '1. [ ] ordered task\n2. [x] done',
      '[x]: /url\n[x]',
      '**unclosed *mixed',
      '\uFEFF',
      '\uFEFF\uFEFFdouble bom'
    ]
    for (const input of inputs) expectRoundTrip(input)
  })
})

describe('structure: Markdown in, document out', () => {
  it('headings keep their level, setext included', () => {
    const headings = findAll(markdownToDoc(fixture('heading.md')), 'heading')
    expect(headings.map((h) => h.attrs?.level)).toEqual([1, 2, 3, 4, 5, 6, 2])
    expect(textOf(headings[1] ?? {})).toBe('Acme Corp — quarterly review')
    const setext = findAll(markdownToDoc(fixture('setext-heading.md')), 'heading')
    expect(setext.map((h) => h.attrs?.level)).toEqual([1, 2, 1])
  })

  it('emphasis, strong, strike and code become marks', () => {
    const result = contentOf(markdownToDoc('*i* **b** ~~s~~ `c` ***bi***\n'))
    expect(result.content?.[0]).toEqual(
      paragraph(
        text('i', italic),
        text(' '),
        text('b', bold),
        text(' '),
        text('s', { type: 'strike' }),
        text(' '),
        text('c', { type: 'code' }),
        text(' '),
        text('bi', bold, italic)
      )
    )
  })

  it('a link becomes a link mark with href and title', () => {
    const [first] = findAll(markdownToDoc(fixture('link.md')), 'paragraph')
    const linked = (first?.content ?? []).filter((node) => node.marks?.some((mark) => mark.type === 'link'))
    expect(linked.map((node) => node.marks?.[0]?.attrs)).toEqual([
      { href: 'https://example.com', title: null },
      { href: 'https://example.com/a', title: 'The title' }
    ])
  })

  it('autolinks become links; their text is the address', () => {
    const links = findAll(markdownToDoc(fixture('autolink.md')), 'text').filter((node) => node.marks?.some((mark) => mark.type === 'link'))
    expect(links.map((node) => [node.text, node.marks?.[0]?.attrs?.href])).toEqual([
      ['https://example.com/path?q=1', 'https://example.com/path?q=1'],
      ['someone@example.com', 'mailto:someone@example.com'],
      ['https://example.org/page', 'https://example.org/page'],
      ['www.example.net', 'http://www.example.net'],
      ['contact@example.com', 'mailto:contact@example.com']
    ])
  })

  it('task lists become taskList/taskItem with checked', () => {
    const result = markdownToDoc(fixture('task-list.md'))
    expect(result.content?.[0]?.type).toBe('taskList')
    expect(findAll(result, 'taskItem').map((item) => item.attrs?.checked)).toEqual([false, true, true, false])
    expect(textOf(findAll(result, 'taskItem')[1] ?? {})).toBe('Book the follow-up call')
  })

  it('bullet, ordered (with start) and nested lists', () => {
    const ordered = markdownToDoc(fixture('ordered-list.md'))
    expect(ordered.content?.map((block) => [block.type, block.attrs?.start])).toEqual([
      ['orderedList', 1],
      ['paragraph', undefined],
      ['orderedList', 3],
      ['orderedList', 1],
      ['paragraph', undefined],
      ['orderedList', 0]
    ])
    const nested = contentOf(markdownToDoc('- one\n  - two\n    - [x] three\n'))
    expect(nested).toEqual(
      doc({
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              paragraph(text('one')),
              {
                type: 'bulletList',
                content: [
                  {
                    type: 'listItem',
                    content: [paragraph(text('two')), { type: 'taskList', content: [taskItem('three', true)] }]
                  }
                ]
              }
            ]
          }
        ]
      })
    )
  })

  it('list items that do not start with a paragraph get an empty one first', () => {
    const result = contentOf(markdownToDoc('-\n- ```\n  x\n  ```\n'))
    expect(result.content?.[0]?.content).toEqual([
      { type: 'listItem', content: [paragraph()] },
      { type: 'listItem', content: [paragraph(), { type: 'codeBlock', attrs: { language: null }, content: [text('x')] }] }
    ])
  })

  it('a list mixing tasks and plain items stays raw Markdown', () => {
    const result = markdownToDoc('- [ ] task\n- plain\n')
    expect(result.content?.[0]).toMatchObject({ type: 'rawBlock', attrs: { source: '- [ ] task\n- plain' } })
  })

  it('blockquotes, code blocks and rules', () => {
    const quote = contentOf(markdownToDoc('> a\n>\n> > b\n'))
    expect(quote.content?.[0]).toEqual({
      type: 'blockquote',
      content: [paragraph(text('a')), { type: 'blockquote', content: [paragraph(text('b'))] }]
    })
    const code = markdownToDoc(fixture('code-block.md')).content ?? []
    expect(code.map((block) => [block.type, block.attrs?.language ?? null])).toEqual([
      ['codeBlock', 'ts'],
      ['codeBlock', 'python'],
      ['codeBlock', null],
      ['codeBlock', null],
      ['codeBlock', 'md']
    ])
    expect(textOf(code[2] ?? {})).toBe('indented code\nkeeps its indentation')
    expect(markdownToDoc(fixture('hr.md')).content?.map((block) => block.type)).toEqual([
      'paragraph',
      'horizontalRule',
      'horizontalRule',
      'horizontalRule',
      'horizontalRule',
      'paragraph'
    ])
  })

  it('hard breaks', () => {
    const breaks = findAll(markdownToDoc(fixture('hard-break.md')), 'hardBreak')
    expect(breaks).toHaveLength(2)
  })

  it('HTML, tables, footnotes, definitions become raw blocks holding their source', () => {
    const html = markdownToDoc(fixture('html-block.md')).content ?? []
    expect(html[0]).toMatchObject({ type: 'rawBlock', attrs: { source: fixture('html-block.md').split('\n\n')[0] } })
    expect(markdownToDoc(fixture('table.md')).content?.map((block) => block.type)).toEqual(['rawBlock', 'rawBlock'])
    const notes = markdownToDoc(fixture('footnotes.md')).content ?? []
    expect(notes.map((block) => block.type)).toEqual(['paragraph', 'rawBlock', 'rawBlock'])
    expect(findAll(notes[0] ?? {}, 'rawInline').map((node) => node.attrs?.source)).toEqual(['[^1]', '[^note]'])
    const refs = markdownToDoc(fixture('reference-links.md')).content ?? []
    expect(refs.map((block) => block.type)).toEqual(['paragraph', 'rawBlock', 'rawBlock', 'rawBlock', 'paragraph'])
    expect(findAll(refs[0] ?? {}, 'rawInline').map((node) => node.attrs?.source)).toEqual(['[the handbook][handbook]', '[guide][]', '[Example]'])
  })

  it('images and inline HTML become raw inline nodes', () => {
    const images = findAll(markdownToDoc(fixture('image.md')), 'rawInline').map((node) => node.attrs?.source)
    expect(images).toEqual([
      '![A cat](images/cat.png)',
      '![icon](icon.svg "Icon title")',
      '![Badge](https://img.shields.io/badge/a-b-green)',
      '![Reference image][logo]'
    ])
    // the badge image carries the link around it
    const badge = findAll(markdownToDoc(fixture('image.md')), 'rawInline')[2]
    expect(badge?.marks).toEqual([{ type: 'link', attrs: { href: 'https://example.com', title: null } }])
    const inline = findAll(markdownToDoc(fixture('html-inline.md')), 'rawInline').map((node) => node.attrs?.source)
    expect(inline).toContain('<span style="color:red">')
    expect(inline).toContain('<!-- inline comment -->')
  })

  it('hostile content stays inert text or raw source, never a link', () => {
    const result = markdownToDoc(fixture('hostile.md'))
    const hrefs = findAll(result, 'text').flatMap((node) => (node.marks ?? []).filter((mark) => mark.type === 'link').map((mark) => mark.attrs?.href))
    expect(hrefs).toEqual([])
    const raw = findAll(result, 'rawInline').map((node) => node.attrs?.source)
    expect(raw).toContain('[click me](javascript:alert(1))')
    expect(raw).toContain('[entity](&#106;avascript:alert(3))')
    expect(result.content?.[0]).toMatchObject({ type: 'rawBlock', attrs: { source: '<script>alert("xss")</script>' } })
  })

  it('CRLF files: the editor sees \\n, the file keeps \\r\\n', () => {
    const result = markdownToDoc(fixture('crlf.md'))
    expect(JSON.stringify(contentOf(result))).not.toContain('\\r')
    expect(result.attrs?.mdEol).toBe('\r\n')
  })

  it('emoji and non-Latin text are kept as they are', () => {
    const all = findAll(markdownToDoc(fixture('unicode.md')), 'text')
      .map((node) => node.text)
      .join('|')
    expect(all).toContain('👩🏽‍💻 🇳🇱 ❤️')
    expect(all).toContain('日本語のテキスト。中文段落。한국어 문장.')
    expect(all).toContain('עברית גם')
  })

  it('produces valid documents for the empty string and whitespace', () => {
    for (const input of ['', '  \n\n']) {
      const result = markdownToDoc(input)
      expect(() => editorSchema.nodeFromJSON(result).check()).not.toThrow()
      expect(contentOf(result)).toEqual({ type: 'doc' })
    }
  })
})

describe('canonical Markdown for documents made in the editor', () => {
  const made = doc(
    heading(1, 'Meeting with Dana'),
    paragraph(text('We discussed '), text('the renewal', bold, italic), text(' and the '), text('contract', link('https://example.com/contract')), text('.')),
    { type: 'bulletList', content: [listItem('Send the proposal'), listItem('Book a follow-up')] },
    { type: 'blockquote', content: [paragraph(text('Trust is built in drops.'))] },
    { type: 'taskList', content: [taskItem('Call finance', false), taskItem('Share notes', true)] },
    { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('const total = 42')] },
    { type: 'horizontalRule' },
    paragraph(text('Line one'), { type: 'hardBreak' }, text('line two with '), text('code', { type: 'code' }), text('.')),
    { type: 'orderedList', attrs: { start: 3 }, content: [listItem('third'), listItem('fourth')] },
    paragraph() // the editor's trailing empty paragraph
  )

  const expected = [
    '# Meeting with Dana',
    '',
    // mdast-util-to-markdown picks `_` for emphasis directly inside `**` (unambiguous)
    'We discussed **_the renewal_** and the [contract](https://example.com/contract).',
    '',
    '- Send the proposal',
    '- Book a follow-up',
    '',
    '> Trust is built in drops.',
    '',
    '- [ ] Call finance',
    '- [x] Share notes',
    '',
    '```ts',
    'const total = 42',
    '```',
    '',
    '---',
    '',
    'Line one\\',
    'line two with `code`.',
    '',
    '3. third',
    '4. fourth',
    ''
  ].join('\n')

  it('renders the expected Markdown', () => {
    expect(docToMarkdown(made)).toBe(expected)
  })

  it('parses back to the same content', () => {
    expect(contentOf(markdownToDoc(expected))).toEqual(contentOf(made))
    expectCanonicalStability(made)
  })

  it('an empty document is an empty file; a new file ends with exactly one newline', () => {
    expect(docToMarkdown(doc(paragraph()))).toBe('')
    expect(docToMarkdown(doc(paragraph(text('hi'))))).toBe('hi\n')
  })

  it('adjacent lists do not merge into one', () => {
    const lists = doc(
      { type: 'bulletList', content: [listItem('a')] },
      { type: 'taskList', content: [taskItem('b', false)] },
      { type: 'bulletList', content: [listItem('c')] },
      { type: 'orderedList', attrs: { start: 1 }, content: [listItem('d')] },
      { type: 'orderedList', attrs: { start: 1 }, content: [listItem('e')] }
    )
    const markdown = expectCanonicalStability(lists)
    expect(markdown).toBe('- a\n\n* [ ] b\n\n- c\n\n1. d\n\n1) e\n')
  })

  it('a new list next to an untouched one changes its own marker, not the old list', () => {
    const original = throughEditor(markdownToDoc('- old item\n'))
    const newList = { type: 'bulletList', content: [listItem('new item')] }
    const edited = { ...original, content: [newList, ...(original.content ?? [])] }
    expect(expectCanonicalStability(edited)).toBe('* new item\n\n- old item\n')
  })

  it('empty list items, empty tasks and trailing line breaks stay stable', () => {
    const edited = doc(
      { type: 'bulletList', content: [listItem('a'), { type: 'listItem', content: [paragraph()] }] },
      { type: 'taskList', content: [taskItem('x', false), { type: 'taskItem', attrs: { checked: false }, content: [paragraph()] }] },
      paragraph(text('ends with a break'), { type: 'hardBreak' })
    )
    const markdown = docToMarkdown(edited)
    expect(markdown).toBe('- a\n-\n\n* [ ] x\n* [ ] &#x20;\n\nends with a break\n')
    const reparsed = markdownToDoc(markdown)
    expect(docToMarkdown(reparsed)).toBe(markdown)
    expect(findAll(reparsed, 'taskItem')[1]?.content).toEqual([{ type: 'paragraph' }])
  })

  it('every fixture, with every block re-rendered, parses back to the same content', { timeout: 120_000 }, () => {
    for (const name of FIXTURES) {
      const edited = asIfEveryBlockWasEdited(markdownToDoc(fixture(name)))
      expectCanonicalStability(edited)
    }
  })
})

describe('edits only change the edited block', () => {
  /** Replaces the text of the `index`-th top-level block (a paragraph) in the JSON. */
  function withParagraphText(original: JSONContent, index: number, value: string): JSONContent {
    const edited = throughEditor(original)
    const block = edited.content?.[index]
    if (block?.type !== 'paragraph') throw new Error(`block ${index} is not a paragraph`)
    block.content = [text(value)]
    return edited
  }

  it('changing one paragraph leaves every other byte alone', () => {
    for (const name of ['journal-client-meeting.md', 'journal-weekly-review.md', 'journal-mixed.md', 'whitespace.md']) {
      const markdown = fixture(name)
      const original = markdownToDoc(markdown)
      const blocks = original.content ?? []
      blocks.forEach((block, index) => {
        if (block.type !== 'paragraph') return
        const start = Number(block.attrs?.[SOURCE_ATTRS.offset])
        const end = start + sourceOf(block).length
        const output = docToMarkdown(withParagraphText(original, index, 'Edited *text*'))
        expect(output).toBe(`${markdown.slice(0, start)}Edited \\*text\\*${markdown.slice(end)}`)
        // every other block is still there, byte for byte
        const reparsed = markdownToDoc(output).content ?? []
        expect(reparsed.map(sourceOf)).toEqual(blocks.map((b, i) => (i === index ? 'Edited \\*text\\*' : sourceOf(b))))
      })
    }
  })

  it('deleting, moving and inserting blocks keeps the others intact and parses back the same', () => {
    const markdown = fixture('journal-mixed.md')
    const original = throughEditor(markdownToDoc(markdown))
    const blocks = original.content ?? []
    const variants: JSONContent[][] = [
      blocks.filter((_, i) => i !== 3), // delete a paragraph between two blocks
      [...blocks].reverse(), // move everything around
      blocks.flatMap((block) => [block, paragraph(text('inserted'))]), // new block after every block
      blocks.flatMap((block) => [block, { type: 'bulletList', content: [listItem('new item')] }]),
      blocks.flatMap((block) => [{ type: 'orderedList', attrs: { start: 1 }, content: [listItem('n')] }, block])
    ]
    for (const content of variants) {
      const edited = { ...original, content }
      const output = expectCanonicalStability(edited)
      for (const block of blocks) {
        if (block.type !== 'rawBlock' && block.type !== 'codeBlock') continue
        expect(output).toContain(sourceOf(block))
      }
    }
  })

  it('empty paragraphs the editor adds around kept blocks for the caret are written as nothing; typed in, they are new paragraphs', () => {
    const table = '| a | b |\n| - | - |\n| 1 | 2 |'
    for (const markdown of [
      `<div>\nkept\n</div>\n`,
      `${table}\n\n<div>\nkept\n</div>\n`,
      `Text[^1].\n\n[^1]: Note.`,
      `${table.replace(/\n/g, '\r\n')}\r\n\r\nAfter.\r\n`
    ]) {
      const loaded = throughEditor(markdownToDoc(markdown))
      const blocks = loaded.content ?? []
      // A trailing paragraph, one before the first block and one between every two (Enter on a selected block, a gap cursor).
      const withRoom = { ...loaded, content: [paragraph(), ...blocks.flatMap((block) => [block, paragraph()])] }
      expect(docToMarkdown(withRoom)).toBe(markdown)
      const typed = { ...loaded, content: [...blocks, paragraph(text('Typed after'))] }
      const eol = markdown.includes('\r\n') ? '\r\n' : '\n'
      expect(docToMarkdown(typed)).toBe(`${markdown.replace(/(\r?\n)*$/, '')}${eol}${eol}Typed after${eol}`)
    }
  })

  it('attributes that do not show in Markdown do not count as edits', () => {
    const markdown = fixture('link.md')
    const loaded = throughEditor(markdownToDoc(markdown))
    for (const node of findAll(loaded, 'text')) {
      for (const mark of node.marks ?? []) if (mark.attrs) mark.attrs = { ...mark.attrs, target: null, rel: 'noopener' }
    }
    expect(docToMarkdown(loaded)).toBe(markdown)
  })

  it('an HTML comment left open is closed rather than swallowing new text', () => {
    const original = throughEditor(markdownToDoc('<!-- open\n'))
    const edited = { ...original, content: [...(original.content ?? []), paragraph(text('new text'))] }
    const output = docToMarkdown(edited)
    expect(output).toBe('<!-- open\n-->\n\nnew text\n')
    expect(contentOf(markdownToDoc(output)).content?.[1]).toEqual(paragraph(text('new text')))
  })

  it('an unclosed fence or list before new text does not swallow it', () => {
    for (const markdown of ['```\nunclosed', '- item\n', '[^1]: note', '    indented code', '- a\n\n    code']) {
      const original = throughEditor(markdownToDoc(markdown))
      const after = { ...original, content: [...(original.content ?? []), paragraph(text('    new text'))] }
      expectCanonicalStability(after)
      const newList = { type: 'bulletList', content: [listItem('new')] }
      const before = { ...original, content: [newList, ...(original.content ?? [])] }
      expectCanonicalStability(before)
    }
  })
})

describe('randomised documents', () => {
  // Lines that make the parser's life hard, glued together at random.
  const LINES = [
    '# h',
    'para',
    '- a',
    '* b',
    '+ c',
    '1. d',
    '2) e',
    '- [ ] t',
    '- [x] u',
    '> q',
    '>',
    '```',
    '```js',
    '~~~',
    '    code',
    '\tcode',
    '<div>',
    '</div>',
    '| a | b |',
    '| - | - |',
    '[^1]',
    '[x]',
    '***',
    '---',
    '===',
    '',
    '',
    '',
    '  ',
    '*em*',
    '**st**',
    '`c`',
    '[l](http://x)',
    '![i](y)',
    '<span>',
    'a  ',
    'b\\',
    'www.x.com',
    '&amp;',
    '\\*',
    '  - nested',
    '    - deep',
    '   3. x',
    'text *open',
    '_u_',
    '~~s~~',
    '-',
    '1.',
    '[a](javascript:x)',
    '  > inner'
  ]

  function randomDocuments(count: number): string[] {
    let seed = 20240501
    const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647
    const documents: string[] = []
    for (let i = 0; i < count; i++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 10) }, () => LINES[Math.floor(next() * LINES.length)] ?? '')
      const eol = next() < 0.2 ? '\r\n' : '\n'
      documents.push(lines.join(eol) + (next() < 0.7 ? eol : ''))
    }
    return documents
  }

  it('round-trip, and survive re-rendering, deletion, reordering and insertion', { timeout: 300_000 }, () => {
    for (const markdown of randomDocuments(300)) {
      expectRoundTrip(markdown)
      const loaded = throughEditor(markdownToDoc(markdown))
      const blocks = loaded.content ?? []
      const edits: JSONContent[][] = [
        asIfEveryBlockWasEdited(loaded).content ?? [],
        [...blocks].reverse(),
        blocks.slice(1),
        [paragraph(text('new')), ...blocks.flatMap((block) => [block, { type: 'bulletList', content: [listItem('li')] }])]
      ]
      for (const content of edits) expectCanonicalStability({ ...loaded, content })
    }
  })
})

describe('escaping of text typed by the user', () => {
  const typed = [
    '*not emphasis*',
    '_not emphasis_',
    '**not strong**',
    '# not a heading',
    '[not](a link)',
    '[ref]',
    '`not code`',
    '<div>not html</div>',
    '<script>alert(1)</script>',
    '1. not a list',
    '- not a list',
    '+ not a list',
    '> not a quote',
    '---',
    '| a | b |',
    '~~not strike~~',
    '[x](javascript:alert(1))',
    'a\\b & &amp; &copy;',
    '    four spaces',
    '![not](an image)',
    '[^1]',
    '2) also not a list'
  ]

  function firstText(markdown: string): string {
    const block = markdownToDoc(markdown).content?.[0]
    return textOf(block ?? {})
  }

  it('round-trips as literal text in a new paragraph', () => {
    for (const value of typed) {
      const markdown = docToMarkdown(doc(paragraph(text(value))))
      const reparsed = contentOf(markdownToDoc(markdown))
      expect(reparsed, `${value} → ${markdown}`).toEqual(contentOf(doc(paragraph(text(value)))))
      expect(firstText(markdown)).toBe(value)
    }
  })

  it('a typed bare URL or e-mail address comes back as a link (GFM autolinks them)', () => {
    for (const value of ['https://example.com/a', 'www.example.com', 'someone@example.com']) {
      const markdown = docToMarkdown(doc(paragraph(text(value))))
      const [node] = findAll(markdownToDoc(markdown), 'text')
      expect(node?.text).toBe(value)
      expect(node?.marks?.[0]?.type).toBe('link')
    }
  })

  it('round-trips inside headings, list items, quotes and marks', () => {
    for (const value of typed) {
      const edited = doc(
        heading(2, value),
        { type: 'bulletList', content: [listItem(value)] },
        { type: 'blockquote', content: [paragraph(text(value, bold))] },
        paragraph(text(value, link('https://example.com')))
      )
      expectCanonicalStability(edited)
    }
  })
})

describe('real-world Markdown from node_modules', () => {
  const MAX_FILES = 400
  const MAX_BYTES = 200 * 1024

  function collectMarkdownFiles(dir: string, out: string[]): void {
    if (out.length >= MAX_FILES) return
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (out.length >= MAX_FILES) return
      const path = join(dir, entry.name)
      // Symlinks are not followed, so the walk is finite and deterministic.
      if (entry.isDirectory()) collectMarkdownFiles(path, out)
      else if (entry.isFile() && /\.md$/i.test(entry.name)) {
        if (readFileSync(path).byteLength <= MAX_BYTES) out.push(path)
      }
    }
  }

  // Parsing dominates; allow for a slow or busy machine.
  it('round-trips every file byte for byte into a schema-valid document', { timeout: 300_000 }, () => {
    const files: string[] = []
    collectMarkdownFiles(join(REPO_ROOT, 'node_modules'), files)
    const failures: string[] = []
    let bytes = 0
    const started = performance.now()
    for (const path of files) {
      const markdown = readFileSync(path, 'utf8')
      bytes += markdown.length
      const result = markdownToDoc(markdown)
      try {
        editorSchema.nodeFromJSON(result).check()
        if (docToMarkdown(result) !== markdown) failures.push(`${relative(REPO_ROOT, path)}: differs`)
        else if (docToMarkdown(throughEditor(result)) !== markdown) failures.push(`${relative(REPO_ROOT, path)}: differs via editor`)
      } catch (error) {
        failures.push(`${relative(REPO_ROOT, path)}: ${String(error)}`)
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`corpus: ${files.length} Markdown files (${(bytes / 1024).toFixed(0)} KiB) round-tripped in ${seconds}s`)
    expect(files.length).toBeGreaterThan(50)
    expect(failures).toEqual([])
  })
})

describe('performance', () => {
  function tenThousandWordEntry(): string {
    const words = ['client', 'meeting', 'follow-up', 'Dana', 'proposal', 'budget', 'call', 'notes', 'the', 'and', 'we']
    let seed = 7
    const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647
    const blocks: string[] = []
    let count = 0
    while (count < 10_000) {
      const sentence: string[] = []
      for (let i = 0; i < 60; i++) {
        const word = words[Math.floor(next() * words.length)] ?? 'word'
        const roll = next()
        sentence.push(roll < 0.03 ? `**${word}**` : roll < 0.06 ? `*${word}*` : roll < 0.07 ? `[${word}](https://example.com)` : word)
      }
      count += sentence.length
      if (blocks.length % 12 === 0) blocks.push(`## Section ${blocks.length}`)
      if (blocks.length % 9 === 4) blocks.push(`- ${sentence.slice(0, 8).join(' ')}\n- [ ] ${sentence.slice(8, 16).join(' ')}`)
      blocks.push(sentence.join(' '))
    }
    return `${blocks.join('\n\n')}\n`
  }

  function bestOf(runs: number, work: () => void): number {
    let best = Number.POSITIVE_INFINITY
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      work()
      best = Math.min(best, performance.now() - started)
    }
    return best
  }

  it('parses and serializes a 10,000-word entry quickly', { timeout: 300_000 }, () => {
    const markdown = tenThousandWordEntry()
    const parsed = markdownToDoc(markdown)
    // the usual autosave: one paragraph edited (the output is then checked by one parse)
    const oneEdit = throughEditor(parsed)
    const middle = (oneEdit.content ?? []).findIndex((block, i, all) => i > all.length / 2 && block.type === 'paragraph')
    const target = oneEdit.content?.[middle]
    if (target) target.content = [text('An edited paragraph.')]
    const everyBlockEdited = asIfEveryBlockWasEdited(parsed)

    // micromark alone sets the floor. It is timed alongside, interleaved so
    // that all figures see the same machine load, to tell our own overhead
    // from a slow or busy machine. Best of several runs, after a warm-up.
    const timings = { micromark: Infinity, parse: Infinity, serialize: Infinity, serializeEdited: Infinity, renderAll: Infinity }
    for (let run = 0; run < 6; run++) {
      timings.micromark = Math.min(
        timings.micromark,
        bestOf(1, () => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }))
      )
      timings.parse = Math.min(
        timings.parse,
        bestOf(1, () => markdownToDoc(markdown))
      )
      timings.serialize = Math.min(
        timings.serialize,
        bestOf(1, () => docToMarkdown(parsed))
      )
      timings.serializeEdited = Math.min(
        timings.serializeEdited,
        bestOf(1, () => docToMarkdown(oneEdit))
      )
      if (run % 2 === 0)
        timings.renderAll = Math.min(
          timings.renderAll,
          bestOf(1, () => docToMarkdown(everyBlockEdited))
        )
    }
    const ms = (value: number): string => `${value.toFixed(0)} ms`
    console.log(
      `10,000 words (${(markdown.length / 1024).toFixed(0)} KiB): parse ${ms(timings.parse)} ` +
        `(micromark alone ${ms(timings.micromark)}), serialize ${ms(timings.serialize)}, ` +
        `serialize after one edit ${ms(timings.serializeEdited)}, ` +
        `serialize with every block re-rendered ${ms(timings.renderAll)}`
    )
    expect(docToMarkdown(parsed)).toBe(markdown)
    expect(docToMarkdown(oneEdit)).toContain('An edited paragraph.')
    // Where micromark alone needs more than the budget, our share is what is checked.
    expect(timings.parse).toBeLessThan(Math.max(200, timings.micromark * 2))
    expect(timings.serialize).toBeLessThan(200)
    expect(timings.serializeEdited).toBeLessThan(Math.max(200, timings.micromark * 2.5))
    expect(timings.renderAll).toBeLessThan(Math.max(400, timings.micromark * 5))
  })
})

describe('spaces at the edges of a block', () => {
  it('are dropped rather than written as &#x20; (autosave runs while someone pauses after a space)', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'All good. ' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Mine ', marks: [{ type: 'bold' }] },
            { type: 'text', text: '  ' }
          ]
        }
      ]
    }
    expect(docToMarkdown(doc)).toBe('All good.\n\n**Mine**\n')
  })
})
