import { describe, expect, it } from 'vitest'
import { parseByLines, stringifyByLines } from './json-by-lines'

const noPause = async (): Promise<void> => undefined

describe('JSON by lines', () => {
  it('is plain JSON, a property a line, and reads back the same', async () => {
    const value = { format: 1, text: 'line one\nline two: "quoted", {braces}', nested: { list: [1, 2, { deep: true }], empty: {}, last: null }, after: 'x' }
    const text = (await stringifyByLines(value, noPause)).toString('utf8')
    expect(JSON.parse(text)).toEqual(value)
    expect(text.split('\n').slice(0, 3)).toEqual(['{', '"format":1,', '"text":"line one\\nline two: \\"quoted\\", {braces}",'])
    expect(await parseByLines(text, noPause)).toEqual(value)
  })

  it('writes a long string in pieces that join up, surrogate pairs cut in two included', async () => {
    const long = `${'a'.repeat(512 * 1024 - 1)}😀${'b"\\\n'.repeat(200_000)}`
    const text = (await stringifyByLines({ long }, noPause)).toString('utf8')
    expect(JSON.parse(text)).toEqual({ long })
    expect(await parseByLines(text, noPause)).toEqual({ long })
  })

  it('reads JSON laid out another way whole, and refuses text cut short', async () => {
    const value = { a: { b: 'c' }, d: [1] }
    expect(await parseByLines(JSON.stringify(value, null, 2), noPause)).toEqual(value)
    const text = (await stringifyByLines(value, noPause)).toString('utf8')
    await expect(parseByLines(text.slice(0, text.lastIndexOf('}')), noPause)).rejects.toThrow(SyntaxError)
    await expect(parseByLines('{\n"a":{\n"b":"c"\n}\n}\n}\n', noPause)).rejects.toThrow(SyntaxError)
    await expect(parseByLines('{\nnot json\n}\n', noPause)).rejects.toThrow(SyntaxError)
  })
})
