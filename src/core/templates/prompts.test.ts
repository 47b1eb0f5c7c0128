import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkoutResourcesDir } from '../resources'
import { parseTemplate } from './template-file'
import { promptsOf, withoutPrompts } from './prompts'

const template = [
  '_{{date}}, with Dana_',
  '',
  '## What worked',
  '',
  '_Be specific: this is what we keep doing._',
  '',
  '## What changes',
  '',
  '_What I will do differently,_ _and by when._',
  '',
  '-',
  '',
  '## What they promised',
  '',
  '-',
  ''
].join('\n')

describe('a template’s prompts', () => {
  it('are the italic paragraphs under each heading; the facts above the first heading are not prompts; a heading without one has none', () => {
    expect(promptsOf(template)).toEqual([
      { heading: 'What worked', prompt: 'Be specific: this is what we keep doing.' },
      { heading: 'What changes', prompt: 'What I will do differently, and by when.' },
      { heading: 'What they promised', prompt: '' }
    ])
  })

  it('are left out of a new entry: headings, facts and bare list items stay, with no run of blank lines', () => {
    expect(withoutPrompts(template)).toBe(
      ['_{{date}}, with Dana_', '', '## What worked', '', '## What changes', '', '-', '', '## What they promised', '', '-', ''].join('\n')
    )
  })

  it('leave a paragraph the person wrote alone, even with some italics in it', () => {
    const text = '## Notes\n\nShe said _no_ twice.\n'
    expect(withoutPrompts(text)).toBe(text)
    expect(promptsOf(text)).toEqual([{ heading: 'Notes', prompt: '' }])
  })

  it('are found in every built-in template, one per heading that has guidance', async () => {
    for (const id of [
      'after-difficult-meeting',
      'before-a-call',
      'failing-graciously',
      'feedback-retrospective',
      'first-meeting',
      'passion',
      'perseverance',
      'respect'
    ]) {
      const parsed = parseTemplate(await readFile(join(checkoutResourcesDir, 'templates', `${id}.md`), 'utf8'), { id, path: id })
      if (!parsed.ok) throw new Error(parsed.problem.message)
      expect(promptsOf(parsed.template.body).filter((p) => p.prompt).length, id).toBeGreaterThan(1)
      expect(withoutPrompts(parsed.template.body), id).not.toMatch(/^_[^{\n]*_$/m)
    }
  })
})
