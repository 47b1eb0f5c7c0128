import { describe, expect, it } from 'vitest'
import { clientFileSchema } from '../shared/domain'
import { fieldPath, issuesInWords } from './schema-words'

const problemsOf = (data: Record<string, unknown>): string[] => {
  const checked = clientFileSchema.safeParse(data)
  if (checked.success) return []
  return issuesInWords(checked.error, data)
}

describe('schema problems in words', () => {
  it('names the field as it is written in the file', () => {
    expect(fieldPath(['stage', 'current'])).toBe('stage.current')
    expect(fieldPath(['commitments', 0, 'due'])).toBe('commitments[0].due')
    expect(fieldPath([])).toBe('the file')
  })

  it('says what a field should be and what it is, for every problem, never as the validator does', () => {
    const problems = problemsOf({
      format: 1,
      id: 'c_x',
      name: 'X',
      stage: 'engaged',
      trust: { current: 'best' },
      commitments: [{ id: 'k', by: 'us', what: 5, status: 'open', createdAt: 'yesterday' }],
      tags: 'retainer',
      people: [{ id: 'p', name: '' }]
    })
    expect(problems).toEqual(
      expect.arrayContaining([
        'stage: should be a group of fields ({ … }), but it is the text "engaged"',
        'trust.current: the text "best" is not one of the values Rapport knows (fringe, friend, familiar, faithful, forever)',
        'commitments[0].by: the text "us" is not one of the values Rapport knows (me, client)',
        'commitments[0].what: should be text, but it is the number 5',
        'commitments[0].createdAt: the text "yesterday" must be an ISO 8601 date like 2026-11-22',
        'tags: should be a list, but it is the text "retainer"',
        'people[0].name: is empty; it needs some text'
      ])
    )
    expect(problems.join('\n')).not.toMatch(/expected|received|Invalid/)
  })
})
