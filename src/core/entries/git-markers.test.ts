import { describe, expect, it } from 'vitest'
import { splitGitMarkers } from './git-markers'
import { keepBoth } from './keep-both'

describe("git's conflict markers", () => {
  it('splits a file into the side this computer had and the side pulled in', () => {
    const text = 'Before.\n<<<<<<< HEAD\nMine.\n=======\nTheirs.\n>>>>>>> 3f2a1c9 (laptop)\nAfter.\n'
    expect(splitGitMarkers(text)).toEqual({
      mine: 'Before.\nMine.\nAfter.\n',
      theirs: 'Before.\nTheirs.\nAfter.\n',
      hunks: [{ mine: 'Mine.\n', theirs: 'Theirs.\n' }]
    })
  })

  it("leaves out the common ancestor of git's diff3 style, keeps Windows line ends, and reads several conflicts", () => {
    const text =
      'a\r\n<<<<<<< ours\r\nm1\r\n||||||| base\r\nb1\r\n=======\r\nt1\r\n>>>>>>> theirs\r\nmid\r\n<<<<<<< ours\r\n=======\r\nt2\r\n>>>>>>> theirs\r\n'
    const sides = splitGitMarkers(text)
    expect(sides?.mine).toBe('a\r\nm1\r\nmid\r\n')
    expect(sides?.theirs).toBe('a\r\nt1\r\nmid\r\nt2\r\n')
    expect(sides?.hunks).toHaveLength(2)
  })

  it('is not fooled by a heading underline, a quoted marker or an unclosed one', () => {
    expect(splitGitMarkers('Title\n=======\n\nText.\n')).toBeNull()
    expect(splitGitMarkers('He typed `<<<<<<< HEAD` in chat.\n')).toBeNull()
    expect(splitGitMarkers('<<<<<<< HEAD\nhalf a conflict\n=======\n')).toBeNull()
  })
})

describe('keeping both versions', () => {
  it('keeps what they share once and both sides where they differ, mine first', () => {
    expect(keepBoth('Intro.\nMine.\nEnd.\n', 'Intro.\nTheirs.\nEnd.\n')).toBe('Intro.\nMine.\nTheirs.\nEnd.\n')
  })

  it('never runs two last lines together', () => {
    expect(keepBoth('Same.\nMine', 'Same.\nTheirs')).toBe('Same.\nMine\nTheirs')
  })
})
