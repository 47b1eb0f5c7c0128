import { describe, expect, it } from 'vitest'
import { forEachWord, phraseTest, termOf, termsOf } from './words'

describe('words', () => {
  it('are letters and digits, lower case, accents folded', () => {
    expect(termsOf('Café au lait — 3 times, at 9:30! naïve Straße')).toEqual(['cafe', 'au', 'lait', '3', 'times', 'at', '9', '30', 'naive', 'straße'])
    expect(termsOf('follow-up e-mail_thread')).toEqual(['follow', 'up', 'e', 'mail', 'thread'])
    expect(termsOf('Ελληνικά Кириллица 日本語')).toEqual(['ελληνικα', 'кириллица', '日本語'])
    expect(termOf('CAFÉ')).toBe('cafe')
    // Decomposed accents (as macOS file names have them) fold the same way.
    expect(termsOf('Cafe\u0301')).toEqual(['cafe'])
  })

  it('know where they are, even when lower-casing changes the length of the text', () => {
    const seen: Array<[string, string]> = []
    const text = 'İstanbul and CAFÉ'
    forEachWord(text, (term, start, end) => void seen.push([term, text.slice(start, end)]))
    expect(seen).toEqual([
      ['istanbul', 'İstanbul'],
      ['and', 'and'],
      ['cafe', 'CAFÉ']
    ])
  })

  it('skip runs too long to be words, and stop when asked', () => {
    expect(termsOf(`a ${'x'.repeat(41)} b`)).toEqual(['a', 'b'])
    const first: string[] = []
    forEachWord('one two three', (term) => {
      first.push(term)
      return false
    })
    expect(first).toEqual(['one'])
  })
})

describe('phrases', () => {
  it('match their words in order, across punctuation and case, in ASCII and accented text', () => {
    const scopeCreep = phraseTest(['scope', 'creep'])
    expect(scopeCreep('The Scope -- creep began.')).toBe(true)
    expect(scopeCreep('The scope\ncreep began.')).toBe(true)
    expect(scopeCreep('The scopes creep.')).toBe(false)
    expect(scopeCreep('The creep scope.')).toBe(false)
    expect(scopeCreep('Café: the scope creep.')).toBe(true)
    expect(phraseTest(['cafe', 'noir'])('Un CAFÉ noir')).toBe(true)
    expect(phraseTest(['a.b'])('axb')).toBe(false)
  })
})
