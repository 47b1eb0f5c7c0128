import { describe, expect, it } from 'vitest'
import type { Entry } from '../../shared/domain'
import { gistOf } from './conversation-gist'
import { gistLine, gistParts } from './gist-parts'

const entry = (body: string, template?: string): Entry => ({
  id: 'e_1',
  clientId: 'c_1',
  title: 'First meeting',
  created: '2026-11-20T10:00:00Z',
  updated: '2026-11-20T10:00:00Z',
  tags: [],
  excerpt: '',
  path: 'clients/dana/journal/2026-11-20-first-meeting.md',
  body,
  fields: {},
  version: 'v',
  ...(template ? { template } : {})
})

describe('the gist of an entry in the brief', () => {
  it('keeps the structure: headings start parts, list items are items, so headings and answers never run together', () => {
    const body = [
      '## What I promised',
      '',
      '- Send the revised scope',
      '- Book the workshop',
      '',
      '## Ask next time',
      '',
      '- How does the board decide?',
      ''
    ].join('\n')
    const parts = gistParts(body, 200)
    expect(parts).toEqual([
      { heading: 'What I promised', items: ['Send the revised scope', 'Book the workshop'] },
      { heading: 'Ask next time', items: ['How does the board decide?'] }
    ])
    expect(gistLine(parts)).toBe('What I promised: Send the revised scope · Book the workshop — Ask next time: How does the board decide?')
    const gist = gistOf(entry(body), 'Europe/London')
    expect(gist.text).not.toContain('What I promised Send the revised scope Ask next time')
    expect(gist.parts).toEqual(parts)
  })

  it('passes over prompts saved in older entries, bare bullets and empty sections, and stops at its length', () => {
    const body = [
      '## What worked',
      '',
      '_Be specific: this is what we keep doing._',
      '',
      'The weekly update.',
      '',
      '## What did not',
      '',
      '-',
      '',
      '## What changes',
      '',
      `- ${'Long words '.repeat(30)}`,
      '- Never reached',
      ''
    ].join('\n')
    const parts = gistParts(body, 120)
    expect(parts.map((p) => p.heading)).toEqual(['What worked', 'What changes'])
    expect(parts[0]?.items).toEqual(['The weekly update.'])
    expect(parts[1]?.items).toHaveLength(1)
    expect(parts[1]?.items[0]).toMatch(/…$/)
    expect(gistLine(parts).length).toBeLessThanOrEqual(140)
  })

  it('is plain text when the entry is one run of prose', () => {
    const gist = gistOf(entry('She came by with the report, and stayed for a coffee.\n'), 'Europe/London')
    expect(gist).toMatchObject({ source: 'excerpt', text: 'She came by with the report, and stayed for a coffee.' })
    expect(gist.parts).toBeUndefined()
  })

  it('quotes a reflection’s own section by name when it is what the entry came to', () => {
    const body = [
      '## What went wrong',
      '',
      'I missed the deadline.',
      '',
      '## How I will repair it',
      '',
      '- Call Dana by Friday',
      '- Send the fix with a note',
      ''
    ].join('\n')
    expect(gistOf(entry(body, 'after-difficult-meeting'), 'Europe/London')).toMatchObject({
      source: 'section',
      heading: 'How I will repair it',
      parts: [{ items: ['Call Dana by Friday', 'Send the fix with a note'] }]
    })
    // Not a reflection: its first lines, with their structure.
    expect(gistOf(entry(body), 'Europe/London')).toMatchObject({
      source: 'excerpt',
      parts: [{ heading: 'What went wrong' }, { heading: 'How I will repair it' }]
    })
  })
})
