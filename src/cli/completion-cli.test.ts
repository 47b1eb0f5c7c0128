import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../core/testing/temp-vault'
import { verbs } from './main'
import { rapport } from './testing/run-cli'

const run = promisify(execFile)
/** The real command, as a shell finds it: completion calls it back for client names. */
const bin = resolve('bin/rapport.mjs')
/** Each client-name completion starts the real command (TypeScript compiled as it loads): seconds each on a busy machine. */
const COMMAND_STARTS = 180_000

async function hasShell(shell: string): Promise<boolean> {
  return run(shell, ['-c', 'exit 0']).then(
    () => true,
    () => false
  )
}

async function script(shell: string): Promise<string> {
  const result = await rapport(['completion', shell])
  expect(result.code).toBe(0)
  const file = join(await tempDir(), `rapport.${shell}`)
  await writeFile(file, result.out)
  return file
}

/** What bash offers for a command line, the word being completed last (it may be ''). */
async function bashCompletes(file: string, words: string[]): Promise<string[]> {
  const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ')
  const { stdout } = await run('bash', [
    '-c',
    `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); _rapport; printf '%s\\n' "\${COMPREPLY[@]}"`
  ])
  return stdout.split('\n').filter(Boolean)
}

const [hasZsh, hasFish] = await Promise.all([hasShell('zsh'), hasShell('fish')])

describe('rapport completion', () => {
  it(
    'writes a bash script that is valid and completes verbs, words of two-word verbs, options, values and client names',
    async () => {
      const file = await script('bash')
      await run('bash', ['-n', file])
      const vault = await tempDir()
      await rapport(['client', 'add', 'Dana Whitfield', '--vault', vault])
      await rapport(['client', 'add', 'Northwind', '--vault', vault])

      expect(await bashCompletes(file, [bin, 'st'])).toEqual(['stage'])
      expect(await bashCompletes(file, [bin, 'c'])).toEqual(['clients', 'client', 'cadence', 'commitments', 'calendar', 'conflicts', 'completion'])
      expect(await bashCompletes(file, [bin, 'client', 'r'])).toEqual(['rename', 'remove'])
      expect(await bashCompletes(file, [bin, 'log', 'Dana', '--ch'])).toEqual(['--channel'])
      expect(await bashCompletes(file, [bin, 'log', 'Dana', '--channel', ''])).toEqual(['email', 'phone', 'video', 'in-person', 'chat'])
      expect(await bashCompletes(file, [bin, 'promise', 'Dana', 'x', '--by', ''])).toEqual(['me', 'them'])
      // Client names from the vault being typed (before the verb too), quoted for the shell.
      expect(await bashCompletes(file, [bin, '--vault', vault, 'stage', 'D'])).toEqual(['Dana\\ Whitfield'])
      expect(await bashCompletes(file, [bin, 'new', `--vault=${vault}`, '--client', 'N'])).toEqual(['Northwind'])
      // After the client's name, the stage.
      expect(await bashCompletes(file, [bin, 'stage', '--vault', vault, 'Northwind', 'e'])).toEqual(['engaged', 'ended'])
      expect(await bashCompletes(file, [bin, 'completion', ''])).toEqual(['bash', 'zsh', 'fish'])
    },
    COMMAND_STARTS
  )

  it.skipIf(!hasZsh)(
    'writes a zsh script that zsh accepts and that completes values and client names (skipped where zsh is not installed)',
    async () => {
      const file = await script('zsh')
      await run('zsh', ['-n', file])
      const vault = await tempDir()
      await rapport(['client', 'add', 'Dana Whitfield', '--vault', vault])
      // compadd and compdef belong to zsh's completion system; these stand-ins print what the script offers.
      const stubs = `compdef() { :; }; compadd() { if [[ $1 == -a ]]; then print -rl -- \${(P)2}; else shift; print -rl -- "$@"; fi }`
      const complete = async (words: string[]) => {
        const list = words.map((w) => `'${w}'`).join(' ')
        const { stdout } = await run('zsh', ['-c', `${stubs}; source '${file}'; words=(${list}); CURRENT=$#words; _rapport`])
        return stdout.split('\n').filter(Boolean)
      }
      expect(await complete([bin, 'log', 'Dana', '--direction', ''])).toEqual(['out', 'in'])
      expect(await complete([bin, '--vault', vault, 'stage', ''])).toEqual(['Dana Whitfield'])
    },
    COMMAND_STARTS
  )

  it.skipIf(!hasFish)('writes a fish script that fish accepts and that completes verbs (skipped where fish is not installed)', async () => {
    const file = await script('fish')
    await run('fish', ['-n', file])
    const { stdout } = await run('fish', ['-c', `source '${file}'; complete -C 'rapport client r'; complete -C 'rapport log x --outcome m'`])
    expect(
      stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t')[0])
    ).toEqual(['remove', 'rename', 'meeting'])
  })

  it('lists client names for completion from the client files alone, sorted, and reads a folder that is no vault without writing to it', async () => {
    const vault = await tempDir()
    for (const name of ['Zoë 🌱', 'CON', 'dana whitfield']) await rapport(['client', 'add', name, '--vault', vault])
    expect(await rapport(['clients', '--names', '--vault', vault])).toMatchObject({ code: 0, out: 'CON\ndana whitfield\nZoë 🌱' })
    const nowhere = join(await tempDir(), 'typo')
    expect(await rapport(['clients', '--names', '--vault', nowhere])).toMatchObject({ code: 0, out: '' })
    expect(existsSync(nowhere)).toBe(false)
  })

  it('refuses a shell it does not know (exit 2)', async () => {
    const result = await rapport(['completion', 'tcsh'])
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/^Which shell\? It is one of: bash, zsh, fish\./)
  })
})

describe('every recording verb', () => {
  const verbs = [
    'client rename',
    'client remove',
    'client show',
    'stage',
    'trust',
    'followup',
    'promise',
    'done',
    'commitments',
    'log',
    'person add',
    'person update',
    'person remove',
    'edit',
    'rm',
    'record',
    'completion'
  ]

  it('answers --help with its usage (exit 0) and an unknown option with wrong usage (exit 2)', async () => {
    for (const verb of verbs) {
      const help = await rapport([...verb.split(' '), '--help'])
      expect(help.code, verb).toBe(0)
      expect(help.out, verb).toMatch(new RegExp(`^Usage: rapport ${verb}\\b`))
      expect((await rapport([...verb.split(' '), '--frobnicate'])).code, verb).toBe(2)
    }
  })

  it('is listed in rapport --help', async () => {
    const help = (await rapport(['--help'])).out
    for (const verb of verbs) expect(help, verb).toContain(`  ${verb} `)
  })
})

describe('the README', () => {
  it('shows every verb of the CLI with an example', async () => {
    const readme = await readFile(resolve('README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## The command line'), readme.indexOf('\n## ', readme.indexOf('## The command line') + 1))
    for (const verb of verbs) expect(section, verb.name).toMatch(new RegExp(`npx rapport ${verb.name}( |$)`, 'm'))
  })
})
