import { describe, expect, it } from 'vitest'
import { conflictingOptions } from './command-line'
import { HELP_WIDTH, usagePieces, wrap } from './help'
import { verbs } from './main'
import { rapport } from './testing/run-cli'

const tooWide = (text: string): string[] => text.split('\n').filter((line) => [...line].length > HELP_WIDTH)

describe('rapport --help (bug 9)', () => {
  it('fits 80 columns, for the whole CLI and for every command', async () => {
    const top = await rapport(['--help'])
    expect(top.code).toBe(0)
    expect(top.out).toMatch(/^rapport — .*\n\nUsage: rapport COMMAND/)
    expect(tooWide(top.out)).toEqual([])
    for (const verb of verbs) {
      const help = await rapport([...verb.name.split(' '), '--help'])
      expect(help.code).toBe(0)
      expect(help.out.startsWith(`Usage: rapport ${verb.name}`)).toBe(true)
      expect(tooWide(help.out), verb.name).toEqual([])
      expect(top.out.split('\n').some((line) => line.startsWith(`  ${verb.name} `) || line === `  ${verb.name}`)).toBe(true)
    }
  })

  it('wraps a long usage line between options, never between an option and its value', () => {
    const pieces = usagePieces('export (--entry ID | --client NAME | --all) --out DIR [--no-front-matter] [--title T]')
    expect(pieces).toEqual(['export', '(--entry ID | --client NAME | --all)', '--out', 'DIR', '[--no-front-matter]', '[--title T]'])
    const lines = wrap([...pieces, ...pieces, ...pieces], 'Usage: rapport ', '    ')
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.every((line) => line.length <= HELP_WIDTH)).toBe(true)
    expect(lines.join(' ')).not.toMatch(/\[--title\n/)
  })

  it('lets every option be given before the command: no two commands read the same option differently', () => {
    expect(conflictingOptions(verbs)).toEqual([])
  })
})
