import { describe, expect, it } from 'vitest'
import { decodeText, decodeUtf8, decodeWindows1252, looksBinary } from './text-encoding'

/** Where Windows-1252 and Latin-1 differ: 0x80–0x9F are printable in one and C1 controls in the other. */
const smartPunctuation = Uint8Array.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x85, 0x20, 0x91, 0x92, 0x99])

describe('text encodings', () => {
  it('reads Windows-1252 punctuation and the euro sign as themselves, not as C1 controls', () => {
    const text = decodeWindows1252(smartPunctuation)
    expect(text).toBe('“Hi” – €5… ‘’™')
    expect(text).not.toMatch(/[\u0080-\u009f]/)
  })

  it('reads Latin-1 letters the same way', () => {
    expect(decodeWindows1252(Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0xe9, 0xef]))).toBe('Müller éï')
  })

  it('refuses bytes that are not UTF-8 unless Windows-1252 was asked for', () => {
    expect(decodeUtf8(smartPunctuation)).toBeNull()
    expect(decodeText(smartPunctuation, { windows1252: false })).toBeNull()
    expect(decodeText(smartPunctuation, { windows1252: true })).toBe('“Hi” – €5… ‘’™')
  })

  it('keeps UTF-8 as it is, even when Windows-1252 is allowed, and drops a byte order mark', () => {
    const bytes = new TextEncoder().encode('“Dana” – €')
    expect(decodeText(bytes, { windows1252: true })).toBe('“Dana” – €')
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('a')
  })

  it('reads UTF-16 that says so with its byte order mark', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x1c, 0x20, 0x61, 0x00, 0x1d, 0x20]), { windows1252: false })).toBe('“a”')
  })

  it('tells binary from text by its NUL bytes', () => {
    expect(looksBinary('a\u0000b')).toBe(true)
    expect(looksBinary('plain text')).toBe(false)
  })
})
