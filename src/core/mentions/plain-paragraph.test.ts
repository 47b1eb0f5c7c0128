import { describe, expect, it } from 'vitest'
import { findMentions, findMentionsByParsing, inPlainParagraph } from './find-mentions'

/** The same numbers every run: a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296
    return state / 4294967296
  }
}

const plainPieces = [
  'We',
  'spoke',
  'about',
  'the plan',
  'budget',
  'élan',
  'naïve',
  '🙂',
  '2024',
  '(aside)',
  '"quoted"',
  "it's",
  'www.example.com',
  'dana@example.com',
  'https://example.com/x'
]
const punctuation = ['.', ',', '?', '…', ':', ';', ' -', '.)']
const mentions = [
  '[Priya Raman](rapport://person/p_1)',
  '[Dana](rapport:client/c_1)',
  '[the call](rapport://entry/e_1)',
  '[](rapport://person/p_2)',
  '[ Sam ](rapport://person/p_3)'
]
const trouble = [
  '*',
  '_',
  '`',
  '\\',
  '&amp;',
  '<b>',
  '~~',
  '|',
  '!',
  '^',
  '[',
  ']',
  '![img](rapport://person/p_4)',
  '[docs](https://example.com/a b)',
  '[t](rapport://person/p_5 "title")',
  '\t',
  '  \n',
  ' \n',
  '\n   ',
  '\n# ',
  '\n> ',
  '\n- ',
  '\n1. ',
  '\n2) ',
  '\n===',
  '\n---',
  '\n[x]: rapport://person/p_6\n',
  '[**b**](rapport://person/p_7)',
  '<rapport://person/p_8>'
]

function paragraph(next: () => number, withTrouble: boolean): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  let text = pick(['We', 'Then', 'Notes', '[Priya](rapport://person/p_1)', '"So"'])
  for (let i = 0, n = 4 + Math.floor(next() * 20); i < n; i++) {
    const roll = next()
    text +=
      roll < 0.45 ? ` ${pick(plainPieces)}` : roll < 0.65 ? pick(punctuation) : roll < 0.85 ? ` ${pick(mentions)}` : roll < 0.93 ? '\n' + pick(plainPieces) : ''
    if (withTrouble && next() < 0.15) text += pick(trouble)
  }
  return `${text}.`
}

describe('mentions in a plain paragraph, read without parsing', () => {
  it('are exactly what parsing the paragraph finds, or left to the parser', () => {
    const next = random(20)
    let read = 0
    for (let i = 0; i < 1000; i++) {
      const chunk = paragraph(next, i % 2 === 1)
      const parsed = findMentionsByParsing(chunk)
      const quick = inPlainParagraph(chunk)
      if (quick !== null) {
        read++
        expect(quick, JSON.stringify(chunk)).toEqual(parsed)
      }
      expect(findMentions(chunk), JSON.stringify(chunk)).toEqual(parsed)
    }
    // The shortcut is taken for most plain paragraphs: otherwise this test would compare the parser with itself.
    expect(read).toBeGreaterThan(300)
  })

  it('leaves to the parser what only it reads right', () => {
    for (const chunk of [
      'Ask *[Dana](rapport://client/c_1)* now.',
      'Code `[x](rapport://person/p_1)` here.',
      '# [Dana](rapport://client/c_1)',
      'Line one\n  [Dana](rapport://client/c_1) indented.',
      'Tom &amp; [Dana](rapport://client/c_1).',
      'See ![Dana](rapport://client/c_1).'
    ])
      expect(inPlainParagraph(chunk), chunk).toBeNull()
  })
})
