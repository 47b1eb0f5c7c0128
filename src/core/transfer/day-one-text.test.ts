import { describe, expect, it } from 'vitest'
import { undoDayOneEscapes } from './day-one-text'

describe('Day One’s escapes', () => {
  it('are undone where the mark means nothing, and kept where it would become syntax', () => {
    expect(undoDayOneEscapes("Call went well\\. She said \\(again\\) it\\'s fine\\! 50\\% off\\, 3\\-4 weeks\\.")).toBe(
      "Call went well. She said (again) it's fine! 50% off, 3-4 weeks."
    )
    expect(undoDayOneEscapes('\\- not a list\n\\# not a heading\n1\\. not numbered\n\\!\\[not an image\\]')).toBe(
      '\\- not a list\n\\# not a heading\n1\\. not numbered\n!\\[not an image\\]'
    )
    expect(undoDayOneEscapes('\\*not emphasis\\* and \\_this\\_')).toBe('\\*not emphasis\\* and \\_this\\_')
    expect(undoDayOneEscapes('`code \\. kept`\n```\nfence \\. kept\n```\nout\\.')).toBe('`code \\. kept`\n```\nfence \\. kept\n```\nout.')
  })
})
