import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ClientFile } from '../../shared/domain'
import { checkoutResourcesDir } from '../resources'
import { extractProposals, templateTextMatcher } from './extract'
import { fillPlaceholders } from './placeholders'
import type { TemplateDefinition } from './template-file'
import { parseTemplate } from './template-file'

function builtIn(id: string): TemplateDefinition {
  const parsed = parseTemplate(readFileSync(join(checkoutResourcesDir, 'templates', `${id}.md`), 'utf8'), { id, path: id })
  if (!parsed.ok) throw new Error(parsed.problem.message)
  return parsed.template
}

const dana = (over: Partial<ClientFile> = {}): ClientFile => ({
  format: 1,
  id: 'c_1',
  name: 'Dana',
  commitments: [],
  interactions: [],
  people: [],
  tags: [],
  ...over
})

/** The template as a new entry starts, with the person's answers put under some headings. */
function written(template: TemplateDefinition, answers: Record<string, string>): string {
  let body = fillPlaceholders(template.body, { today: '2026-11-22', client: { name: 'Dana' } }).text
  for (const [heading, answer] of Object.entries(answers)) {
    body = body.replace(new RegExp(`(## ${heading}\\n\\n(?:_[^\\n]*_\\n\\n)?)-\\n`), `$1${answer}\n`)
  }
  return body
}

describe('extracting from an entry', () => {
  const after = builtIn('after-difficult-meeting')

  it('offers nothing for an entry that still has only the prompts', () => {
    expect(extractProposals({ body: written(after, {}), template: after, entryDay: '2026-11-22', client: dana() })).toEqual([])
  })

  it('offers the items under marked sections, with due dates read relative to the entry', () => {
    const body = written(after, {
      'How I will repair it': '- Call Dana by Friday to apologise properly\n- Send the revised scope by 2026-11-30\n- [x] Sent a short note tonight',
      'What I learned about how they like to work': 'She wants numbers before the story.\n\n- Never surprise her in front of her team'
    })
    expect(extractProposals({ body, template: after, entryDay: '2026-11-22', client: dana() })).toEqual([
      { kind: 'commitment-mine', text: 'Call Dana by Friday to apologise properly', due: '2026-11-27', heading: 'How I will repair it' },
      { kind: 'commitment-mine', text: 'Send the revised scope', due: '2026-11-30', heading: 'How I will repair it' },
      { kind: 'style-note', text: 'She wants numbers before the story.', heading: 'What I learned about how they like to work' },
      { kind: 'style-note', text: 'Never surprise her in front of her team', heading: 'What I learned about how they like to work' }
    ])
  })

  it('finds headings whatever their case, spacing, level or closing punctuation', () => {
    const body = '# Notes\n\n### how I  will REPAIR it:\n\n- Call her by tomorrow\n\n## Something else\n\n- Not this\n'
    expect(extractProposals({ body, template: after, entryDay: '2026-11-22', client: null })).toEqual([
      { kind: 'commitment-mine', text: 'Call her', due: '2026-11-23', heading: 'how I will REPAIR it:' }
    ])
  })

  it('skips what the client record already has, and repeats within the entry', () => {
    const first = builtIn('first-meeting')
    const body = written(first, {
      'How they like to work': '- Prefers email\n- prefers email.',
      'What I promised': '- Send the case study',
      'What they promised': '- Intro to their CFO by 2026-12-01',
      'Ask next time': '- Who else signs off?\n- How did the board meeting go?'
    })
    const client = dana({
      commitments: [{ id: 'k_1', by: 'me', what: 'Send the case study', status: 'open', createdAt: '2026-11-20', entry: 'e_0' }],
      questions: [{ id: 'q_1', text: 'Who else signs off', entry: 'e_0', createdAt: '2026-11-20' }]
    })
    expect(extractProposals({ body, template: first, entryDay: '2026-11-22', client })).toEqual([
      { kind: 'style-note', text: 'Prefers email', heading: 'How they like to work' },
      { kind: 'commitment-theirs', text: 'Intro to their CFO', due: '2026-12-01', heading: 'What they promised' },
      { kind: 'question', text: 'How did the board meeting go?', heading: 'Ask next time' }
    ])
  })

  it('matches template text with placeholders in it against what they were filled with', () => {
    const matches = templateTextMatcher('One concrete step. “Call {{client.name}} by Friday” is enough.')
    expect(matches('One concrete step. “Call Dana Whitfield by Friday” is enough.')).toBe(true)
    expect(matches('One concrete step. “Call  dana by friday” is enough')).toBe(true)
    expect(matches('Call Dana by Friday')).toBe(false)
    expect(templateTextMatcher('What (really) happened?')('what (really) happened')).toBe(true)
  })
})
