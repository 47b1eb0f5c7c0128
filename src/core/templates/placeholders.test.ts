import { describe, expect, it } from 'vitest'
import type { PlaceholderContext } from './placeholders'
import { fillPlaceholders, isKnownPlaceholder, knownPlaceholders, scanPlaceholders } from './placeholders'

const full: PlaceholderContext = {
  today: '2026-11-22',
  client: { name: 'Dana Whitfield', organisation: 'Northwind' },
  lastConversation: '2026-11-19',
  openCommitments: [
    { by: 'me', what: 'Send the revised scope', due: '2026-11-20' },
    { by: 'client', what: 'Confirm the budget', due: '2026-11-30' },
    { by: 'me', what: 'Introduce Priya to our designer' }
  ]
}

describe('filling placeholders', () => {
  it('fills every known placeholder, with or without spaces inside the braces', () => {
    const { text, unknown } = fillPlaceholders(
      '{{client.name}} of {{ client.organisation }}, {{date}}.\nLast spoke {{lastConversationDate}}: {{daysSinceLastConversation}} days.\n\n{{openCommitments}}\n',
      full
    )
    expect(text).toBe(
      [
        'Dana Whitfield of Northwind, Sunday 22 November 2026.',
        'Last spoke Thursday 19 November 2026: 3 days.',
        '',
        '- [ ] Send the revised scope (me, was due Friday 20 November 2026)',
        '- [ ] Confirm the budget (Dana Whitfield, due Monday 30 November 2026)',
        '- [ ] Introduce Priya to our designer (me)',
        ''
      ].join('\n')
    )
    expect(unknown).toEqual([])
  })

  it('uses a humane stand-in, or leaves out the line, when there is no value: never "undefined" or raw braces', () => {
    const template = [
      '_{{date}}, with {{client.name}}_',
      '',
      '_{{client.organisation}}_',
      '',
      '_Days since we last really spoke: {{daysSinceLastConversation}}_',
      '',
      '## Open commitments',
      '',
      '{{openCommitments}}',
      ''
    ].join('\n')
    const { text } = fillPlaceholders(template, { today: '2026-11-22' })
    expect(text).toBe(['_Sunday 22 November 2026, with the client_', '', '## Open commitments', '', 'None open.', ''].join('\n'))
    expect(text).not.toMatch(/undefined|\{\{/)
  })

  it('leaves a line out on its own when it sits inside a paragraph', () => {
    const { text } = fillPlaceholders('First\nAt {{client.organisation}}\nLast\n', { today: '2026-11-22', client: { name: 'Dana' } })
    expect(text).toBe('First\nLast\n')
  })

  it('leaves unknown placeholders as written and reports each once', () => {
    const { text, unknown } = fillPlaceholders('{{client.birthday}} and {{client.birthday}} and {{mood}}', full)
    expect(text).toBe('{{client.birthday}} and {{client.birthday}} and {{mood}}')
    expect(unknown).toEqual(['client.birthday', 'mood'])
  })

  it('escapes Markdown in names, so a name never turns into formatting', () => {
    const { text } = fillPlaceholders('{{client.name}}', { today: '2026-11-22', client: { name: 'snake_case *Labs* [EU]' } })
    expect(text).toBe('snake\\_case \\*Labs\\* \\[EU\\]')
  })

  it('never counts negative days for a conversation logged later today', () => {
    expect(fillPlaceholders('{{daysSinceLastConversation}}', { today: '2026-11-22', lastConversation: '2026-11-23' }).text).toBe('0')
  })
})

describe('scanning placeholders', () => {
  it('finds names, and any "{{" that is not a placeholder, with its line', () => {
    expect(scanPlaceholders('Hi {{client.name}} {{ date }}\n{{client name}} and {{}} and {{oops\n{{date}}')).toEqual({
      names: ['client.name', 'date'],
      malformed: [
        { text: '{{client name}}', line: 2 },
        { text: '{{}}', line: 2 },
        { text: '{{oops', line: 2 }
      ]
    })
  })

  it('describes every known placeholder for the template editor', () => {
    expect(knownPlaceholders.map((p) => p.name)).toEqual([
      'client.name',
      'client.organisation',
      'date',
      'daysSinceLastConversation',
      'lastConversationDate',
      'openCommitments'
    ])
    expect(isKnownPlaceholder('client.name')).toBe(true)
    expect(isKnownPlaceholder('toString')).toBe(false)
  })
})
