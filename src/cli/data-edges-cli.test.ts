import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../core/testing/temp-vault'
import { runCli } from './main'
import { rapport } from './testing/run-cli'

/** A vault with one client, through the CLI itself. */
async function vaultWithClient(name = 'Dana Whitfield'): Promise<{ vault: string; v: string[] }> {
  const vault = await tempDir()
  const v = ['--vault', vault]
  expect((await rapport(['client', 'add', name, ...v])).code).toBe(0)
  return { vault, v }
}

/** “Hi” – €5… in Windows-1252: every byte from 0x80 to 0x9F here is printable there and a C1 control in Latin-1. */
const WINDOWS_1252 = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x85, 0x0a])
const AS_TEXT = '“Hi” – €5…\n'

describe('text from elsewhere (bug 1: Windows-1252)', () => {
  it('import --windows-1252 reads “ ” – € … as themselves', async () => {
    const { v } = await vaultWithClient()
    const notes = await tempDir('rapport-notes-')
    await writeFile(join(notes, 'quotes.md'), WINDOWS_1252)
    expect(await rapport(['import', join(notes, 'quotes.md'), '--windows-1252', '--client', 'Dana Whitfield', ...v])).toMatchObject({
      code: 0,
      out: 'Imported 1 note.'
    })
    const [entry] = JSON.parse((await rapport(['search', 'Hi', '--json', ...v])).out).results as Array<{ open: { entryId: string } }>
    const shown = await rapport(['show', entry?.open.entryId ?? '', '--json', ...v])
    expect(JSON.parse(shown.out).body).toContain(AS_TEXT)
    expect(shown.out).not.toMatch(/\\u00[89]/)
  })

  it('doctor --fix converts an entry from Windows-1252 without C1 controls', async () => {
    const { vault, v } = await vaultWithClient()
    const path = join(vault, 'journal', 'old.md')
    await mkdir(join(vault, 'journal'), { recursive: true })
    await writeFile(path, Buffer.concat([Buffer.from('---\nid: e_old\ntitle: Old\n---\n\n'), WINDOWS_1252]))
    expect(await rapport(['doctor', ...v])).toMatchObject({ code: 1, out: expect.stringContaining('journal/old.md: not UTF-8 text') })
    expect((await rapport(['doctor', '--fix', ...v])).code).toBe(0)
    expect(await readFile(path, 'utf8')).toBe(`---\nid: e_old\ntitle: Old\n---\n\n${AS_TEXT}`)
  })
})

const root = join(import.meta.dirname, '../..')
const bin = join(root, 'bin/rapport.mjs')

/** Runs the real `rapport` in a shell, as a person types it. */
function shell(command: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    execFile('bash', ['-c', command], { cwd: root, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolvePromise({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

describe('output that pipes (bug 2)', () => {
  it('ends quietly with exit 0 when the reader closes the pipe early', async () => {
    const vault = await tempDir()
    await rapport(['init', '--vault', vault])
    // Enough clients that the list outgrows the pipe's buffer, so rapport is still writing when head has gone.
    for (let i = 0; i < 1500; i++) {
      await mkdir(join(vault, 'clients', `client-${i}`), { recursive: true })
      await writeFile(
        join(vault, 'clients', `client-${i}`, 'client.json'),
        JSON.stringify({ format: 1, id: `c_${String(i).padStart(26, '0')}`, name: `Client number ${i} of a long list` })
      )
    }
    const run = await shell(`set -o pipefail; node ${bin} clients --vault ${vault} | head -1`)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^Client number \d+ of a long list .*\n$/)
    expect(run.code).toBe(0)
  })
})

describe('global options anywhere (bug 3)', () => {
  it('takes --vault, --json and --help before or after the command', async () => {
    const vault = await tempDir()
    expect(await rapport(['--vault', vault, 'init'])).toMatchObject({ code: 0, out: `Created a new vault at ${vault}` })
    expect(await rapport(['--vault', vault, 'client', 'add', 'Dana Whitfield'])).toMatchObject({ code: 0 })
    expect(await rapport(['client', `--vault=${vault}`, 'add', 'Ann Lee'])).toMatchObject({ code: 0 })
    const listed = await rapport(['--json', `--vault=${vault}`, 'clients'])
    expect(JSON.parse(listed.out).map((c: { name: string }) => c.name)).toEqual(['Ann Lee', 'Dana Whitfield'])
    expect((await rapport(['--help', 'new'])).out).toMatch(/^Usage: rapport new --client NAME/)
    expect((await rapport(['new', '-h'])).out).toMatch(/^Usage: rapport new --client NAME/)
    expect((await rapport(['help', 'client', 'add'])).out).toMatch(/^Usage: rapport client add NAME/)
    expect(await rapport(['--vault', vault, '--client', 'ann', 'new', '--title', 'Call'], 'Body\n')).toMatchObject({ code: 0 })
  })

  it('reads everything after -- as arguments, and --opt=value as one', async () => {
    const { v } = await vaultWithClient()
    const created = await rapport(['new', '--client=Dana Whitfield', '--title=--draft', ...v, '--json'], 'Body\n')
    expect(JSON.parse(created.out)).toMatchObject({ title: '--draft' })
    const found = await rapport(['search', ...v, '--', '--draft'])
    expect(found).toMatchObject({ code: 0, out: expect.stringMatching(/^Nothing found for "--draft"\.|found for "--draft"/) })
  })

  it('refuses an unknown option with exit 2 and the usage line', async () => {
    const { v } = await vaultWithClient()
    expect(await rapport(['clients', '--bogus', ...v])).toEqual({
      code: 2,
      out: '',
      err: 'Unknown option --bogus. To give an argument that starts with a dash, put it after --.\nUsage: rapport clients'
    })
    expect(await rapport(['--bogus', 'clients', ...v])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Unknown option --bogus\.\nUsage: rapport COMMAND/)
    })
    expect(await rapport(['new', '--client', ...v])).toMatchObject({ code: 2, err: expect.stringMatching(/^--client needs a value/) })
    expect(await rapport(['clients', '--json=yes', ...v])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^--json takes no value\.\nUsage: rapport clients$/)
    })
    expect(await rapport(['clients', '--vault='])).toMatchObject({ code: 2, err: expect.stringMatching(/^--vault needs a folder/) })
    expect(await rapport(['--vault', '/tmp'])).toMatchObject({ code: 2, err: expect.stringMatching(/^Say which command to run\./) })
  })
})

describe('only init and commands that add create a vault (bug 4)', () => {
  it('says there is no vault, and creates nothing, for a folder that is not one', async () => {
    const parent = await tempDir()
    const typo = join(parent, 'typo')
    const message = `There is no Rapport vault at ${typo}. Create one with: rapport init --vault ${typo}`
    for (const args of [
      ['clients'],
      ['doctor'],
      ['doctor', '--fix'],
      ['today'],
      ['search', 'x'],
      ['brief', 'Dana'],
      ['show', 'e_x'],
      ['templates'],
      ['new', '--client', 'Dana']
    ]) {
      expect(await rapport([...args, '--vault', typo], 'text')).toEqual({ code: 1, out: '', err: message })
    }
    expect(existsSync(typo)).toBe(false)
    // An empty folder that exists is not a vault either, and stays empty.
    await mkdir(typo)
    expect(await rapport(['clients', '--vault', typo])).toMatchObject({ code: 1, err: message })
    expect(await readdir(typo)).toEqual([])
    // Commands that add may start one.
    expect(await rapport(['client', 'add', 'Dana', '--vault', typo])).toMatchObject({ code: 0 })
    expect(await rapport(['clients', '--vault', typo])).toMatchObject({ code: 0, out: expect.stringMatching(/^Dana/) })
  })

  it('does not create the default vault in the home folder', async () => {
    const home = await tempDir()
    const env = { HOME: home, RAPPORT_VAULT: '' }
    const run = await shell(`node ${bin} clients; echo "exit $?"; node ${bin} doctor; echo "exit $?"`, env)
    const expected = `There is no Rapport vault at ${join(home, 'Documents/Rapport')}. Create one with: rapport init --vault ${join(home, 'Documents/Rapport')}\n`
    expect(run.stderr).toBe(expected + expected)
    expect(run.stdout).toBe('exit 1\nexit 1\n')
    expect(await readdir(home)).toEqual([])
  })
})

describe('names given twice (bug 5)', () => {
  it('refuses a client name that is taken (exit 1), unless --allow-duplicate', async () => {
    const { v } = await vaultWithClient('Dana Whitfield')
    const again = await rapport(['client', 'add', 'dana whitfield', ...v])
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/^There is already a client called Dana Whitfield \(c_\w+, clients\/dana-whitfield\)\. Nothing was added; .*--allow-duplicate\.$/)
    expect(JSON.parse((await rapport(['clients', '--json', ...v])).out)).toHaveLength(1)
    expect(await rapport(['client', 'add', 'Dana Whitfield', '--allow-duplicate', ...v])).toMatchObject({ code: 0 })
    // Now the full name alone cannot say which: the error lists the ids to use.
    const ids = (JSON.parse((await rapport(['clients', '--json', ...v])).out) as Array<{ id: string }>).map((c) => c.id)
    const ambiguous = await rapport(['brief', 'Dana Whitfield', ...v])
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.err).toBe(`"Dana Whitfield" could mean ${ids.map((id) => `Dana Whitfield (${id})`).join(', ')}. Use the id instead of the name.`)
    expect(await rapport(['brief', ids[1] ?? '', ...v])).toMatchObject({ code: 0 })
  })

  it('asks at a terminal, and adds only on yes', async () => {
    const { vault, v } = await vaultWithClient('Dana Whitfield')
    const asked: string[] = []
    const io = (answer: boolean) => ({
      out: () => undefined,
      err: () => undefined,
      readStdin: async () => null,
      confirm: async (q: string) => (asked.push(q), answer)
    })
    expect(await runCli(['client', 'add', 'Dana Whitfield', ...v], io(false), {})).toBe(1)
    expect(await runCli(['client', 'add', 'Dana Whitfield', ...v], io(true), {})).toBe(0)
    expect(asked[0]).toMatch(/^There is already a client called Dana Whitfield \(c_\w+, clients\/dana-whitfield\)\. Add another\?$/)
    expect(JSON.parse((await rapport(['clients', '--json', '--vault', vault])).out)).toHaveLength(2)
  })

  it('lets a full name win over a longer name it begins, and exact case over another case', async () => {
    const vault = await tempDir()
    const v = ['--vault', vault]
    for (const name of ['Dana', 'Dana Whitfield', 'con', 'CON'])
      expect(await rapport(['client', 'add', name, '--allow-duplicate', ...v])).toMatchObject({ code: 0 })
    const clientOf = async (query: string) => (JSON.parse((await rapport(['brief', query, '--json', ...v])).out) as { name: string }).name
    expect(await clientOf('Dana')).toBe('Dana')
    expect(await clientOf('dana w')).toBe('Dana Whitfield')
    expect(await clientOf('CON')).toBe('CON')
    expect(await clientOf('con')).toBe('con')
    expect(await rapport(['brief', 'Con', ...v])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^"Con" could mean con \(c_\w+\), CON \(c_\w+\)\. Use the id instead of the name\.$/)
    })
  })
})

describe('a client whose file is broken (bug 6)', () => {
  it('gets no new entry, with a message naming the file, and nothing is written', async () => {
    const { vault, v } = await vaultWithClient('Dana Whitfield')
    const file = join(vault, 'clients/dana-whitfield/client.json')
    const good = await readFile(file, 'utf8')
    await writeFile(file, '{ "format": 1, "id": ')
    const refused = await rapport(['new', '--client', 'dana-whitfield', '--title', 'Call', ...v], 'Body\n')
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(
      /^clients\/dana-whitfield\/client\.json cannot be read \(.*\), so Rapport will not write entries for this client until it is repaired/
    )
    expect(await readdir(join(vault, 'clients/dana-whitfield/journal'))).toEqual([])
    await writeFile(file, good)
    expect(await rapport(['doctor', ...v])).toMatchObject({ code: 0 })
  })

  it('doctor reports entries filed under no client, and files them under the folder’s client', async () => {
    const { vault, v } = await vaultWithClient('Dana Whitfield')
    const id = (JSON.parse((await rapport(['clients', '--json', ...v])).out) as Array<{ id: string }>)[0]?.id
    await mkdir(join(vault, 'clients/dana-whitfield/journal'), { recursive: true })
    await mkdir(join(vault, 'journal'), { recursive: true })
    const stray = join(vault, 'clients/dana-whitfield/journal/2026-01-02-call.md')
    await writeFile(stray, '---\nid: e_stray\nclient: c_folder:dana-whitfield\ntitle: Call\nmood: calm\n---\n\nBody\n')
    await writeFile(join(vault, 'journal/2026-01-03-note.md'), '---\nid: e_gone\nclient: c_REMOVED\ntitle: Note\n---\n\nBody\n')
    const doctor = await rapport(['doctor', ...v])
    expect(doctor.code).toBe(1)
    expect(doctor.out).toContain(
      `clients/dana-whitfield/journal/2026-01-02-call.md: its client (c_folder:dana-whitfield) is no client of this vault  (--fix will file it under Dana Whitfield (${id}), whose folder it is in)`
    )
    expect(doctor.out).toContain('journal/2026-01-03-note.md: its client (c_REMOVED) is no client of this vault; set "client" in its front matter')
    await rapport(['doctor', '--fix', ...v])
    expect(await readFile(stray, 'utf8')).toBe(`---\nid: e_stray\nclient: ${id}\ntitle: Call\nmood: calm\n---\n\nBody\n`)
  })
})

describe('text that is not UTF-8, or not text (bug 7)', () => {
  it('refuses invalid UTF-8 on standard input, offering --windows-1252, and writes nothing', async () => {
    const { vault, v } = await vaultWithClient()
    const refused = await rapport(['new', '--client', 'Dana', '--title', 'Müller', ...v], Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]))
    expect(refused).toEqual({
      code: 1,
      out: '',
      err: 'Standard input is not UTF-8 text, so nothing was written. If it comes from an older Windows program, add --windows-1252 to read it as Windows-1252.'
    })
    expect(await readdir(join(vault, 'clients/dana-whitfield/journal'))).toEqual([])
    const read = await rapport(
      ['new', '--client', 'Dana', '--windows-1252', ...v],
      Buffer.concat([Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20]), WINDOWS_1252])
    )
    expect(read.code).toBe(0)
    expect(await readFile(join(vault, read.out), 'utf8')).toMatch(/\n\nMüller “Hi” – €5…\n$/)
  })

  it('refuses a binary file on standard input (NUL bytes), through the real command too', async () => {
    const { vault, v } = await vaultWithClient()
    expect(await rapport(['new', '--client', 'Dana', ...v], Buffer.from('ELF\u0000\u0001binary'))).toEqual({
      code: 1,
      out: '',
      err: 'Standard input contains NUL bytes: it is a binary file, not text, so nothing was written.'
    })
    const run = await shell(`head -c 4096 "$(command -v ls)" | node ${bin} new --client Dana --vault ${vault}; echo "exit $?"`)
    expect(run.stdout).toBe('exit 1\n')
    expect(run.stderr).toMatch(/^Standard input (contains NUL bytes|is not UTF-8 text)/)
    expect(await readdir(join(vault, 'clients/dana-whitfield/journal'))).toEqual([])
  })

  it('doctor reports entries with NUL bytes or invalid UTF-8', async () => {
    const { vault, v } = await vaultWithClient()
    const journal = join(vault, 'clients/dana-whitfield/journal')
    await writeFile(join(journal, 'binary.md'), Buffer.from('---\nid: e_bin\ntitle: Bin\n---\n\nELF\u0000\u0001'))
    await writeFile(
      join(journal, 'latin.md'),
      Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x69, 0x64, 0x3a, 0x20, 0x65, 0x5f, 0x6c, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0xfc, 0x0a])
    )
    const doctor = await rapport(['doctor', ...v])
    expect(doctor.code).toBe(1)
    expect(doctor.out).toContain('clients/dana-whitfield/journal/binary.md: it contains NUL bytes, so it is a binary file, not text')
    expect(doctor.out).toContain('clients/dana-whitfield/journal/latin.md: not UTF-8 text  (--fix will convert it from Windows-1252/Latin-1 to UTF-8)')
  })
})

describe('words (bug 9)', () => {
  it('says no entry has an id that never existed', async () => {
    const { v } = await vaultWithClient()
    expect(await rapport(['show', 'e_NOPE', ...v])).toEqual({
      code: 1,
      out: '',
      err: 'No entry has the id "e_NOPE"; it may have been deleted, or the id mistyped.'
    })
  })

  it('counts one thing in the singular', async () => {
    const { v } = await vaultWithClient()
    const notes = await tempDir('rapport-notes-')
    await writeFile(join(notes, 'call.md'), '# Call\n\nGood.\n')
    await writeFile(join(notes, 'photo.jpg'), 'not really a photo')
    const dry = await rapport(['import', notes, '--dry-run', ...v])
    expect(dry.out).toMatch(/^Found 1 note \(1 file that is not Markdown left out\)\./)
    const out = await tempDir()
    const created = await rapport(['new', '--client', 'Dana', '--title', 'One', ...v], 'x\n')
    const id = (/id: (e_\S+)/.exec(await readFile(join(v[1] ?? '', created.out), 'utf8')) ?? [])[1] ?? ''
    expect((await rapport(['export', '--entry', id, '--out', out, ...v])).code).toBe(0)
    const again = await rapport(['export', '--entry', id, '--out', out, ...v])
    expect(again.err).toMatch(/^1 file already exists in .*\. Nothing was written\. Add --overwrite to replace it, or choose another --out\.$/)
  })

  it('doctor lists every problem of a client.json, each in plain words with its field', async () => {
    const { vault, v } = await vaultWithClient()
    const file = join(vault, 'clients/dana-whitfield/client.json')
    const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    await writeFile(file, JSON.stringify({ ...data, stage: 'engaged', tags: 'retainer', trust: { current: 'best', history: [] } }, null, 2))
    const doctor = await rapport(['doctor', ...v])
    expect(doctor.code).toBe(1)
    const lines = doctor.out.split('\n')
    expect(lines[0]).toBe(`3 problems in ${vault}:`)
    expect(lines.slice(1).sort()).toEqual([
      '  clients/dana-whitfield/client.json: stage: should be a group of fields ({ … }), but it is the text "engaged"; fix it by hand (Rapport will not guess what you meant)',
      '  clients/dana-whitfield/client.json: tags: should be a list, but it is the text "retainer"; fix it by hand (Rapport will not guess what you meant)',
      '  clients/dana-whitfield/client.json: trust.current: the text "best" is not one of the values Rapport knows (fringe, friend, familiar, faithful, forever); fix it by hand (Rapport will not guess what you meant)'
    ])
  })
})

describe('a backup restores by default (bug 8)', () => {
  it('brings back the clients and their profiles of a whole-vault export, with no option', async () => {
    const { v } = await vaultWithClient('Dana Whitfield')
    const dana = (JSON.parse((await rapport(['clients', '--json', ...v])).out) as Array<{ path: string }>)[0]
    const file = join(v[1] ?? '', dana?.path ?? '', 'client.json')
    const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    await writeFile(file, JSON.stringify({ ...data, organisation: 'Northwind', style: { channel: 'phone', notes: 'mornings' } }, null, 2))
    await rapport(['new', '--client', 'Dana', '--title', 'Scope call', ...v], 'She pushed back.\n')
    const backup = await tempDir()
    expect((await rapport(['export', '--all', '--out', backup, ...v])).code).toBe(0)

    const fresh = ['--vault', await tempDir()]
    expect(await rapport(['import', backup, ...fresh])).toMatchObject({ code: 0, out: 'Imported 1 note, created 1 client (Dana Whitfield).' })
    const [restored] = JSON.parse((await rapport(['clients', '--json', ...fresh])).out) as Array<{ path: string; organisation: string; entryCount: number }>
    expect(restored).toMatchObject({ organisation: 'Northwind', entryCount: 1 })
    expect(JSON.parse(await readFile(join(fresh[1] ?? '', restored?.path ?? '', 'client.json'), 'utf8'))).toMatchObject({
      style: { channel: 'phone', notes: 'mornings' }
    })
  })

  it('leaves plain folders of notes to the journal unless --create-clients', async () => {
    const { v } = await vaultWithClient()
    const notes = await tempDir('rapport-notes-')
    await mkdir(join(notes, 'Acme'))
    await writeFile(join(notes, 'Acme', 'call.md'), '# Call\n\nGood.\n')
    expect(await rapport(['import', notes, ...v])).toMatchObject({ code: 0, out: 'Imported 1 note.' })
    expect(JSON.parse((await rapport(['clients', '--json', ...v])).out)).toHaveLength(1)
  })
})

describe('hostile names through the duplicate rule and the resolver', () => {
  it('adds each once, refuses each twice, and finds each by its exact name', async () => {
    const vault = await tempDir()
    const v = ['--vault', vault]
    const names = ['../etc', 'CON', 'Zoë 🌱', 'x'.repeat(300)]
    expect(await rapport(['client', 'add', 'Line one\nline two', ...v])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/A name cannot contain control characters/)
    })
    for (const name of names) expect(await rapport(['client', 'add', name, ...v]), name).toMatchObject({ code: 0 })
    for (const name of names) expect((await rapport(['client', 'add', name, ...v])).code, name).toBe(1)
    const listed = JSON.parse((await rapport(['clients', '--json', ...v])).out) as Array<{ id: string; name: string }>
    expect(listed).toHaveLength(names.length)
    for (const client of listed) {
      const brief = await rapport(['brief', client.name, '--json', ...v])
      expect(JSON.parse(brief.out).clientId, client.name).toBe(client.id)
    }
  })
})
