import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEntryFile } from '../entries/entry-file'
import { openTestVault } from '../testing/open-vault'
import type { Clock } from '../relationship/viewpoint'

const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso), timeZone: () => 'UTC', locale: () => 'en-GB' })

/** A vault with what a person breaks by hand: an entry saved as Latin-1, one with no id, a client.json with no id, and one broken past guessing. */
async function handBrokenVault() {
  const opened = await openTestVault(undefined, { clock: fixedClock('2026-12-07T09:30:00Z') })
  const { dir, call } = opened
  await call('clients:create', { name: 'Dana' })
  await mkdir(join(dir, 'journal'), { recursive: true })
  await writeFile(join(dir, 'journal/latin1.md'), Buffer.from('---\nid: e_latin\ntitle: Caf\xe9\n---\n\nna\xefve\n', 'latin1'))
  await writeFile(join(dir, 'journal/2026-11-02-plain-note.md'), 'Written in another editor.\n')
  await mkdir(join(dir, 'clients/no-id'), { recursive: true })
  await writeFile(join(dir, 'clients/no-id/client.json'), JSON.stringify({ name: 'No Id', custom: 'kept' }))
  await writeFile(join(dir, 'journal/broken-yaml.md'), '---\ntitle: [oops\n---\nbody\n')
  await opened.vault.reload()
  return opened
}

describe('doctor in the app', () => {
  it('plans: each safe repair with what it will do, the rest as advice, and changes nothing', async () => {
    const { dir, call } = await handBrokenVault()
    const plan = await call('doctor:plan', undefined)
    expect(plan.repairs.map((r) => r.path).sort()).toEqual(['clients/no-id/client.json', 'journal/2026-11-02-plain-note.md', 'journal/latin1.md'])
    expect(plan.repairs.find((r) => r.path === 'journal/latin1.md')).toEqual({
      path: 'journal/latin1.md',
      reason: 'not UTF-8 text',
      fix: 'convert it from Windows-1252/Latin-1 to UTF-8'
    })
    expect(plan.advice.map((a) => a.path)).toEqual(['journal/broken-yaml.md'])
    expect(existsSync(join(dir, '.rapport/doctor'))).toBe(false)
    expect(await readFile(join(dir, 'journal/2026-11-02-plain-note.md'), 'utf8')).toBe('Written in another editor.\n')
  })

  it('repairs what the person chose after copying each file, loses nothing, and the vault reads them again', async () => {
    const { dir, call, vault } = await handBrokenVault()
    const latin1 = await readFile(join(dir, 'journal/latin1.md'))
    expect(vault.info().problems.map((p) => p.path)).toContain('journal/latin1.md')
    const plan = await call('doctor:plan', undefined)
    const chosen = plan.repairs.filter((r) => r.path !== 'clients/no-id/client.json').map(({ path, fix }) => ({ path, fix }))

    const outcome = await call('doctor:repair', { repairs: chosen })
    expect(outcome.fixed).toEqual([
      { path: 'journal/2026-11-02-plain-note.md', action: expect.stringMatching(/^added the id e_/) },
      { path: 'journal/latin1.md', action: 'converted it to UTF-8' }
    ])
    expect(outcome.refused).toEqual([])
    expect(outcome.backup).toBe('.rapport/doctor/20261207T093000')
    // The copies are the files byte for byte as they were before the change.
    expect(await readFile(join(dir, outcome.backup ?? '', 'journal/latin1.md'))).toEqual(latin1)
    expect(await readFile(join(dir, outcome.backup ?? '', 'journal/2026-11-02-plain-note.md'), 'utf8')).toBe('Written in another editor.\n')
    // The repaired files keep every word.
    expect(await readFile(join(dir, 'journal/latin1.md'), 'utf8')).toBe('---\nid: e_latin\ntitle: Café\n---\n\nnaïve\n')
    const note = parseEntryFile(await readFile(join(dir, 'journal/2026-11-02-plain-note.md'), 'utf8'))
    expect(note.body).toContain('Written in another editor.')
    expect(note.fields.title).toBe('plain note')
    // Only what was chosen: the client.json nobody chose is as it was, and still offered.
    expect(JSON.parse(await readFile(join(dir, 'clients/no-id/client.json'), 'utf8'))).toEqual({ name: 'No Id', custom: 'kept' })
    expect(outcome.plan.repairs.map((r) => r.path)).toEqual(['clients/no-id/client.json'])
    // The open vault read them again: the banner's list no longer holds them.
    expect(vault.info().problems.map((p) => p.path)).not.toContain('journal/latin1.md')
  })

  it('a second repair in the same second keeps its copies in a folder of its own', async () => {
    const { dir, call } = await handBrokenVault()
    const first = await call('doctor:repair', { repairs: [{ path: 'journal/latin1.md', fix: 'convert it from Windows-1252/Latin-1 to UTF-8' }] })
    const before = await readFile(join(dir, 'clients/no-id/client.json'), 'utf8')
    const fix = (await call('doctor:plan', undefined)).repairs.find((r) => r.path === 'clients/no-id/client.json')?.fix ?? ''
    const second = await call('doctor:repair', { repairs: [{ path: 'clients/no-id/client.json', fix }] })
    expect(second.backup).toBe(`${first.backup ?? ''}-2`)
    expect(await readFile(join(dir, second.backup ?? '', 'clients/no-id/client.json'), 'utf8')).toBe(before)
    expect(existsSync(join(dir, first.backup ?? '', 'journal/latin1.md'))).toBe(true)
    expect(JSON.parse(await readFile(join(dir, 'clients/no-id/client.json'), 'utf8'))).toMatchObject({ name: 'No Id', custom: 'kept', id: expect.any(String) })
  })

  it('refuses what is not safe, what changed since it was shown, and what is gone, and touches none of them', async () => {
    const { dir, call } = await handBrokenVault()
    const outcome = await call('doctor:repair', {
      repairs: [
        { path: 'journal/broken-yaml.md', fix: 'rewrite the front matter' },
        { path: 'journal/latin1.md', fix: 'remove it' },
        { path: 'journal/nothing-here.md', fix: 'remove it' }
      ]
    })
    expect(outcome.fixed).toEqual([])
    expect(outcome.backup).toBeUndefined()
    expect(outcome.refused).toEqual([
      { path: 'journal/broken-yaml.md', reason: expect.stringMatching(/^Rapport does not repair this by itself.*not valid YAML/) },
      { path: 'journal/latin1.md', reason: expect.stringMatching(/changed since it was shown/) },
      { path: 'journal/nothing-here.md', reason: expect.stringMatching(/no longer has a problem/) }
    ])
    expect(await readFile(join(dir, 'journal/broken-yaml.md'), 'utf8')).toBe('---\ntitle: [oops\n---\nbody\n')
    expect((await readFile(join(dir, 'journal/latin1.md'))).includes(0xe9)).toBe(true)
    expect(existsSync(join(dir, '.rapport/doctor'))).toBe(false)
  })

  it('refuses paths outside the vault and an empty choice before reading anything; hostile names are refused in words', async () => {
    const { dir, call } = await handBrokenVault()
    await expect(call('doctor:repair', { repairs: [{ path: '../outside.md', fix: 'remove it' }] })).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(call('doctor:repair', { repairs: [{ path: '/etc/passwd', fix: 'remove it' }] })).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(call('doctor:repair', { repairs: [] })).rejects.toMatchObject({ code: 'invalid-input' })
    const hostile = ['journal/CON', 'journal/😀\nnew line.md', `journal/${'x'.repeat(300)}.md`]
    const outcome = await call('doctor:repair', { repairs: hostile.map((path) => ({ path, fix: 'remove it' })) })
    expect(outcome.refused.map((r) => [r.path, r.reason])).toEqual(
      hostile.map((path) => [path, 'it no longer has a problem Rapport can see; nothing was changed'])
    )
    expect(existsSync(join(dir, '.rapport/doctor'))).toBe(false)
  })
})
