import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../core/testing/temp-vault'
import { rapport } from './testing/run-cli'

describe('rapport CLI', () => {
  it('creates a vault, adds a client, writes an entry from stdin and shows it', async () => {
    const vault = await tempDir()
    const v = ['--vault', vault]
    expect(await rapport(['init', ...v])).toMatchObject({ code: 0, out: `Created a new vault at ${vault}` })
    expect(await rapport(['client', 'add', 'Dana', 'Whitfield', ...v])).toMatchObject({ code: 0, out: 'Added Dana Whitfield (clients/dana-whitfield)' })
    const created = await rapport(['new', '--client', 'dana', '--title', 'Scope call', ...v], 'She pushed back.\n')
    expect(created.code).toBe(0)
    expect(created.out).toMatch(/^clients\/dana-whitfield\/journal\/\d{4}-\d{2}-\d{2}-scope-call\.md$/)
    const text = await readFile(join(vault, created.out), 'utf8')
    expect(text).toMatch(/title: Scope call\n/)
    expect(text.endsWith('\n\nShe pushed back.\n')).toBe(true)

    const id = /id: (e_\S+)/.exec(text)?.[1] ?? ''
    expect(await rapport(['show', id, ...v])).toMatchObject({ code: 0, out: text })
    const json = await rapport(['show', id, '--json', ...v])
    expect(JSON.parse(json.out)).toMatchObject({ id, title: 'Scope call', body: 'She pushed back.\n' })

    const clients = JSON.parse((await rapport(['clients', '--json', ...v])).out)
    expect(clients).toEqual([expect.objectContaining({ name: 'Dana Whitfield', entryCount: 1, stage: 'first-contact' })])
  })

  it('reports problems with exit 1 and wrong usage with exit 2, naming files and reasons', async () => {
    const vault = await tempDir()
    const v = ['--vault', vault]
    expect(await rapport(['doctor', ...v])).toMatchObject({
      code: 1,
      err: `There is no Rapport vault at ${vault}. Create one with: rapport init --vault ${vault}`
    })
    await rapport(['init', ...v])
    expect(await rapport(['doctor', ...v])).toMatchObject({ code: 0, out: `No problems found in ${vault}` })
    await rapport(['client', 'add', 'Broken', ...v])
    await writeFile(join(vault, 'clients/broken/client.json'), '{ not json')
    const doctor = await rapport(['doctor', ...v])
    expect(doctor.code).toBe(1)
    expect(doctor.out).toMatch(/clients\/broken\/client\.json: not valid JSON/)
    expect(JSON.parse((await rapport(['doctor', '--json', ...v])).out).findings).toHaveLength(1)
    const fix = await rapport(['doctor', '--fix', ...v])
    expect(fix.code).toBe(1)
    expect(fix.out).toMatch(/not valid JSON .*fix it by hand/)

    expect((await rapport(['new', '--client', 'nobody', ...v], 'x')).code).toBe(1)
    expect((await rapport(['new', '--client', 'nobody', ...v], 'x')).err).toMatch(/No client is called "nobody"/)
    expect(await rapport(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown command "frobnicate"/) })
    expect((await rapport(['new', ...v])).code).toBe(2)
    expect((await rapport(['clients', '--bogus', ...v])).code).toBe(2)
    expect(await rapport(['client', 'add', ...v])).toMatchObject({ code: 2 })
    expect(await rapport(['show', 'e_NOPE', ...v])).toMatchObject({
      code: 1,
      err: 'No entry has the id "e_NOPE"; it may have been deleted, or the id mistyped.'
    })
  })

  it('runs as `npx rapport` straight after install, using RAPPORT_VAULT', async () => {
    const vault = await tempDir()
    const run = promisify(execFile)
    const root = join(import.meta.dirname, '../..')
    const help = await run('npx', ['--no-install', 'rapport', '--help'], { cwd: root })
    expect(help.stdout).toMatch(/Usage: rapport COMMAND/)
    await run('node', ['bin/rapport.mjs', 'client', 'add', 'Env Client'], { cwd: root, env: { ...process.env, RAPPORT_VAULT: vault } })
    const { stdout } = await run('node', ['bin/rapport.mjs', 'clients', '--json'], { cwd: root, env: { ...process.env, RAPPORT_VAULT: vault } })
    expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ name: 'Env Client' })])
    const failed = await run('node', ['bin/rapport.mjs', 'show'], { cwd: root }).catch((error: { code: number; stderr: string }) => error)
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringMatching(/Which entry\?/) })
  })
})
