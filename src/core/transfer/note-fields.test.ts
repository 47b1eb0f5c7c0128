import { describe, expect, it } from 'vitest'
import { shiftHeadings } from './dossier'
import { contentKey } from './import-duplicates'
import type { NoteFields } from './note-fields'
import { mapNoteFields } from './note-fields'

const source = { relative: 'Acme/2026-05-01 notes.md', mtimeMs: Date.parse('2026-06-01T00:00:00Z') }
const map = (text: string, from = source): NoteFields => {
  const mapped = mapNoteFields(text, from)
  if ('problem' in mapped) throw new Error(mapped.problem)
  return mapped
}

describe('mapNoteFields', () => {
  it('takes the title from front matter, else the first # heading (out of the text when it opens it), else the file name', () => {
    expect(map('---\ntitle: From front matter\n---\n# Heading\n')).toMatchObject({ title: 'From front matter', body: '# Heading\n' })
    expect(map('\n# The \\*real\\* title #\n\nText\n')).toMatchObject({ title: 'The *real* title', body: 'Text\n' })
    expect(map('Intro first.\n\n```\n# not a heading\n```\n# Later heading\n')).toMatchObject({
      title: 'Later heading',
      body: 'Intro first.\n\n```\n# not a heading\n```\n# Later heading\n'
    })
    expect(map('Just text.\n')).toMatchObject({ title: '2026-05-01 notes' })
    expect(map(`# ${'long '.repeat(100)}\n`).title).toHaveLength(300)
  })

  it('maps dates from their usual names when they are ISO 8601, and falls back to the file name, then the file time', () => {
    expect(map('---\ndate: 2026-03-01\nmodified: 2026-03-02T10:00:00Z\n---\n')).toMatchObject({
      created: '2026-03-01',
      updated: '2026-03-02T10:00:00Z',
      extra: { date: undefined, modified: undefined }
    })
    expect(map('---\ncreated_at: 2026-03-01 10:30\n---\n')).toMatchObject({ created: '2026-03-01 10:30', updated: '2026-03-01 10:30' })
    // Not a date, or an impossible one: kept as it was, and the file name gives the date.
    expect(map('---\ndate: 03/04/2026\n---\n')).toMatchObject({ created: '2026-05-01', extra: {} })
    expect(map('---\ncreated: 2026-02-30\n---\n')).toMatchObject({ created: '2026-05-01', extra: { 'imported-created': '2026-02-30' } })
    expect(map('x\n', { relative: 'note.md', mtimeMs: source.mtimeMs })).toMatchObject({ created: '2026-06-01T00:00:00.000Z' })
  })

  it('maps tags from a list or a comma-separated string, and keeps what it cannot map', () => {
    expect(map('---\ntags: [a, "#b", 3, A]\n---\n').tags).toEqual(['a', 'b', '3'])
    expect(map('---\ntags: "one, two ,, #three"\n---\n').tags).toEqual(['one', 'two', 'three'])
    expect(map('---\ntags: { weird: true }\n---\n')).toMatchObject({ tags: [], extra: { 'imported-tags': { weird: true } } })
  })

  it('keeps a plain id and template, and reads client hints', () => {
    expect(map('---\nid: e_01ABC\ntemplate: respect\nclient: Dana\ncompany: Northwind\n---\n')).toMatchObject({
      claimedId: 'e_01ABC',
      template: 'respect',
      clientHints: ['Dana', 'Northwind']
    })
    expect(map('---\nid: "../../x"\ntemplate: "a b"\n---\n')).toMatchObject({ extra: { 'imported-id': '../../x', 'imported-template': 'a b' } })
  })

  it('refuses front matter that is not valid YAML, with the reason', () => {
    expect(mapNoteFields('---\ntitle: [oops\n---\n', source)).toEqual({ problem: expect.stringMatching(/not valid YAML .*fix it and import the note again/) })
  })
})

describe('contentKey', () => {
  it('sees through line endings, trailing spaces, blank lines, title case and where links point', () => {
    const a = contentKey('Weekly', 'One [link](rapport://entry/e_1).\n\n\nTwo <rapport://entry/e_2>\n\n[r]: rapport://entry/e_3\n')
    expect(contentKey('weekly', 'One [link](../x/y.md).  \r\n\r\nTwo [rapport://entry/e_2](z.md)\r\n[r]: ../q.md\r\n')).toBe(a)
    expect(contentKey('Weekly', 'One [other](rapport://entry/e_1).\n')).not.toBe(a)
  })
})

describe('shiftHeadings', () => {
  it('moves every heading down, setext ones becoming ATX, never deeper than ######, the rest byte for byte', () => {
    expect(shiftHeadings('# One\n\nText #1\n\nTwo\n===\n\n##### Five\n\n```\n# code\n```\n\n> ## Quoted\n', 2)).toBe(
      '### One\n\nText #1\n\n### Two\n\n###### Five\n\n```\n# code\n```\n\n> #### Quoted\n'
    )
  })
})
