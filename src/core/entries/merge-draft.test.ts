import { describe, expect, it } from 'vitest'
import { mergeDraft } from './merge-draft'

const sides = { first: 'what is on disk now', second: 'what you typed' }

describe('a draft for merging by hand', () => {
  it('keeps what both share once and marks each side where they differ', () => {
    const draft = mergeDraft('Intro.\n\nWe agreed on a pilot.\n\nOutro.\n', 'Intro.\n\nWe agreed on a full rollout.\n\nOutro.\n', sides)
    expect(draft).toBe(
      [
        'Intro.',
        '',
        '**Version 1 of 2 — What is on disk now:**',
        '',
        'We agreed on a pilot.',
        '',
        '**Version 2 of 2 — What you typed:**',
        '',
        'We agreed on a full rollout.',
        '',
        '**End of the two versions. Keep what you want, then delete these three bold lines.**',
        '',
        'Outro.',
        ''
      ].join('\n')
    )
  })

  it('loses no word of either side, even where only one side has text, or neither ends with a newline', () => {
    const first = 'Same start.\nOnly on disk\nShared end.\n'
    const second = 'Same start.\nShared end.\nOnly typed, no newline'
    const draft = mergeDraft(first, second, sides)
    for (const line of [...first.split('\n'), ...second.split('\n')]) expect(draft).toContain(line)
    expect(draft.match(/Version 1 of 2/g)).toHaveLength(2)
    expect(draft).toContain('_(nothing here)_')
  })

  it('is just the text when both sides are the same', () => {
    expect(mergeDraft('One.\n', 'One.\n', sides)).toBe('One.\n')
  })
})
