import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serializeEntryFile } from '../entries/entry-file'
import { checkoutResourcesDir } from '../resources'
import type { ParsedTemplate } from './template-file'
import { parseTemplate, templateFrontMatter } from './template-file'

const parse = (text: string, id = 'mine'): ParsedTemplate => parseTemplate(text, { id, path: `templates/${id}.md` })
const problemOf = (text: string): string => {
  const parsed = parse(text)
  if (parsed.ok) throw new Error('expected a problem')
  return parsed.problem.message
}

describe('the built-in templates', () => {
  const dir = join(checkoutResourcesDir, 'templates')
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'))

  it('are the eight of issue #6, each file named by its id', () => {
    expect(files.map((f) => f.slice(0, -3)).sort()).toEqual([
      'after-difficult-meeting',
      'before-a-call',
      'failing-graciously',
      'feedback-retrospective',
      'first-meeting',
      'passion',
      'perseverance',
      'respect'
    ])
  })

  it.each(files)('%s parses with no problem and no warning, and says when to use it', (file) => {
    const id = file.slice(0, -3)
    const parsed = parseTemplate(readFileSync(join(dir, file), 'utf8'), { id, path: file })
    if (!parsed.ok) throw new Error(parsed.problem.message)
    expect(parsed.template.warnings).toEqual([])
    expect(parsed.template.description.length).toBeGreaterThan(20)
    expect(parsed.template.order).toBeLessThan(1000)
    expect(parsed.template.body).toMatch(/^## /m)
  })

  it('mark the sections the issue names, and record mood on a 1–5 scale where it is asked', () => {
    const read = (id: string) => {
      const parsed = parseTemplate(readFileSync(join(dir, `${id}.md`), 'utf8'), { id, path: id })
      if (!parsed.ok) throw new Error(parsed.problem.message)
      return parsed.template
    }
    const after = read('after-difficult-meeting')
    expect(after.fields).toEqual([{ key: 'mood', label: 'How did it feel, 1 (rough) to 5 (good)?', scale: { min: 1, max: 5 } }])
    expect(after.extract).toEqual([
      { heading: 'How I will repair it', kind: 'commitment-mine' },
      { heading: 'What I learned about how they like to work', kind: 'style-note' }
    ])
    expect(after.body).toMatch(/twenty seconds/)
    // The retrospective also rates the relationship's balance (issue #22), each on the same 1–5 scale.
    const retro = read('feedback-retrospective').fields
    expect(retro.map((f) => f.key)).toEqual(['mood', 'mutual', 'professional', 'personal'])
    expect(retro.every((f) => f.scale?.min === 1 && f.scale.max === 5)).toBe(true)
    expect(read('first-meeting').extract.map((m) => m.kind)).toEqual(['style-note', 'commitment-mine', 'commitment-theirs', 'question'])
  })
})

describe('a template file', () => {
  it('is read with its fields, markers and order', () => {
    const parsed = parse(
      [
        '---',
        'name: Quarterly check-in',
        'description: Once a quarter.',
        'order: 5',
        'fields:',
        '  energy: { label: "Energy, 1 to 10?", scale: [1, 10], default: 5 }',
        '  topic: What was it about?',
        'extract:',
        '  Ask next time: questions',
        '---',
        '',
        '## Ask next time',
        '',
        '-',
        ''
      ].join('\n')
    )
    expect(parsed).toEqual({
      ok: true,
      template: {
        id: 'mine',
        name: 'Quarterly check-in',
        description: 'Once a quarter.',
        order: 5,
        fields: [
          { key: 'energy', label: 'Energy, 1 to 10?', scale: { min: 1, max: 10 }, default: 5 },
          { key: 'topic', label: 'What was it about?' }
        ],
        extract: [{ heading: 'Ask next time', kind: 'question' }],
        body: '## Ask next time\n\n-\n',
        warnings: []
      }
    })
  })

  it('that is empty, has no front matter, bad YAML or no name is a problem with a clear message', () => {
    expect(problemOf('')).toMatch(/^The file is empty/)
    expect(problemOf('  \n\n')).toMatch(/^The file is empty/)
    expect(problemOf('## Just prompts\n')).toMatch(/^It has no front matter/)
    expect(problemOf('---\nname: [oops\n---\n\n## A\n')).toMatch(/^The front matter is not valid YAML \(/)
    expect(problemOf('---\nname: x\n')).toMatch(/no closing "---"/)
    expect(problemOf('---\n- a list\n---\n')).toMatch(/not a list of "key: value" fields/)
    expect(problemOf('---\ndescription: No name here\n---\n\n## A\n')).toBe('It has no name. Add a line such as "name: Before a call" to its front matter.')
    expect(problemOf('---\nname: "   "\n---\n\n## A\n')).toMatch(/^It has no name/)
  })

  it('with placeholder syntax Rapport cannot read is a problem that names the line', () => {
    const message = problemOf('---\nname: Broken\n---\n\n## Hello\n\nDear {{client name}},\n')
    expect(message).toBe('Line 7 has "{{client name}}", which is not a placeholder Rapport can read. Placeholders look like {{client.name}}.')
    expect(problemOf('---\nname: Broken\n---\n\n{{oops\n')).toMatch(/^Line 5 has "\{\{oops"/)
  })

  it('with markers or fields Rapport cannot use is a problem that says how to write them', () => {
    const withFront = (front: string) => problemOf(`---\nname: T\n${front}\n---\n\n## A\n`)
    expect(withFront('extract:\n  A: notes')).toMatch(
      /marks "A" as "notes", which Rapport does not know\. Use one of: style-notes, commitments-mine, commitments-theirs, questions\./
    )
    expect(withFront('extract: [A]')).toMatch(/"extract" is not a list of "Heading: kind" lines/)
    expect(withFront('fields:\n  title: Title?')).toMatch(/cannot be called "title"/)
    expect(withFront('fields:\n  mood: { scale: [1, 5] }')).toMatch(/"mood" needs a label/)
    expect(withFront('fields:\n  mood: { label: M, scale: [5, 1] }')).toMatch(/scale Rapport cannot read/)
    expect(withFront('fields:\n  mood: { label: M, scale: [1, 5], default: 9 }')).toMatch(/outside its scale of 1 to 5/)
    expect(withFront('fields:\n  "my mood": M')).toMatch(/needs a simple name/)
  })

  it('that works but could be better carries warnings, not problems', () => {
    const parsed = parse('---\nid: other\nname: T\norder: soon\nextract:\n  Missing heading: questions\n---\n\n## A {{client.birthday}}\n')
    if (!parsed.ok) throw new Error(parsed.problem.message)
    expect(parsed.template.order).toBe(1000)
    expect(parsed.template.warnings).toEqual([
      'It has no description saying when to use it.',
      'Its front matter says id "other", but its file name makes it "mine"; Rapport goes by the file name.',
      'Its order "soon" is not a number, so it is listed after the others.',
      'It uses {{client.birthday}}, which Rapport does not know; it is left in the entry as written.',
      'It marks "Missing heading", but none of its headings says that.'
    ])
  })

  it('keeps its name when it is broken, for the picker to show', () => {
    const parsed = parse('---\nname: Half done\n---\n\n{{x y}}\n')
    expect(parsed).toMatchObject({ ok: false, name: 'Half done', problem: { path: 'templates/mine.md' } })
  })

  it('is written back to front matter that reads the same', () => {
    const original = parse('---\nname: T\ndescription: D\norder: 3\nfields:\n  mood: { label: M, scale: [1, 5] }\nextract:\n  Ask: questions\n---\n\n## Ask\n')
    if (!original.ok) throw new Error(original.problem.message)
    const text = serializeEntryFile(null, templateFrontMatter(original.template), original.template.body)
    expect(parse(text)).toEqual({ ok: true, template: { ...original.template, warnings: [] } })
  })
})
