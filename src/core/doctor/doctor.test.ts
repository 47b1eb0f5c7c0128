import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEntryFile } from '../entries/entry-file'
import { tempDir } from '../testing/temp-vault'
import { Vault } from '../vault/vault'
import { runDoctor } from './doctor'

/** A vault with one of each kind of damage a person, a sync tool or a crash can do. */
async function damagedVault(): Promise<string> {
  const root = await tempDir()
  const vault = await Vault.open(root)
  await vault.clients.create('Healthy')
  const mk = (p: string) => mkdir(join(root, p), { recursive: true })
  await mk('clients/invalid-json/journal')
  await writeFile(join(root, 'clients/invalid-json/client.json'), '{ "name": "Oops", ')
  await mk('clients/no-file/journal')
  await mk('clients/no-id')
  await writeFile(join(root, 'clients/no-id/client.json'), JSON.stringify({ name: 'No Id', custom: 'kept' }))
  await mk('clients/bad-stage')
  await writeFile(join(root, 'clients/bad-stage/client.json'), JSON.stringify({ format: 1, id: 'c_bad', name: 'Bad', stage: { current: 'best-friends' } }))
  await mk('journal')
  await writeFile(join(root, 'journal/2025-02-03-plain-note.md'), 'No front matter here.\n')
  await writeFile(join(root, 'journal/latin1.md'), Buffer.from('---\nid: e_latin\ntitle: Caf\xe9\n---\n\nna\xefve\n', 'latin1'))
  await writeFile(join(root, 'journal/broken-yaml.md'), '---\ntitle: [oops\n---\nbody\n')
  await writeFile(join(root, 'journal/one.md'), '---\nid: e_same\ntitle: One\n---\n\n1\n')
  await writeFile(join(root, 'journal/two.md'), '---\nid: e_same\ntitle: Two\n---\n\n2\n')
  await writeFile(join(root, 'journal/one.sync-conflict-20261122-103000-ABCDEFG.md'), 'other\n')
  const temp = join(root, 'journal/.rapport-tmp-one.md.123abc')
  await writeFile(temp, 'half')
  const old = new Date(Date.now() - 10 * 60_000)
  await utimes(temp, old, old)
  await writeFile(join(root, 'journal/empty.md'), '')
  return root
}

describe('rapport doctor', () => {
  it('reports every problem with its path and reason, and changes nothing', async () => {
    const root = await damagedVault()
    const report = await runDoctor(root)
    const byPath = Object.fromEntries(report.findings.map((f) => [f.path, f]))
    expect(byPath['clients/invalid-json/client.json']?.reason).toMatch(/not valid JSON/)
    expect(byPath['clients/invalid-json/client.json']?.fix).toBeUndefined()
    expect(byPath['clients/no-file/client.json']).toMatchObject({ reason: 'the client folder has no client.json', fix: expect.any(String) })
    expect(byPath['clients/no-id/client.json']?.reason).toBe('it has no format, id')
    expect(byPath['clients/bad-stage/client.json']?.reason).toMatch(/^stage\.current: .*fix it by hand/)
    expect(byPath['journal/2025-02-03-plain-note.md']?.reason).toBe('it has no id in its front matter')
    expect(byPath['journal/latin1.md']?.reason).toBe('not UTF-8 text')
    expect(byPath['journal/broken-yaml.md']?.reason).toMatch(/not valid YAML/)
    expect(byPath['journal/two.md']?.reason).toBe('its id is also used by journal/one.md')
    expect(byPath['journal/one.sync-conflict-20261122-103000-ABCDEFG.md']?.reason).toMatch(/conflicting copy of one\.md made by Syncthing/)
    expect(byPath['journal/.rapport-tmp-one.md.123abc']?.fix).toBe('remove it')
    expect(byPath['journal/empty.md']?.reason).toBe('it has no id in its front matter')
    expect(existsSync(join(root, '.rapport/doctor'))).toBe(false)
    expect(await readFile(join(root, 'journal/2025-02-03-plain-note.md'), 'utf8')).toBe('No front matter here.\n')
  })

  it('--fix repairs what is safe after keeping copies, and leaves the rest for a person', async () => {
    const root = await damagedVault()
    const report = await runDoctor(root, { fix: true })
    expect(report.fixed.map((f) => f.path).sort()).toEqual(
      [
        'clients/no-file/client.json',
        'clients/no-id/client.json',
        'journal/.rapport-tmp-one.md.123abc',
        'journal/2025-02-03-plain-note.md',
        'journal/empty.md',
        'journal/latin1.md',
        'journal/two.md'
      ].sort()
    )
    expect(report.findings.map((f) => f.path).sort()).toEqual(
      [
        'clients/bad-stage/client.json',
        'clients/invalid-json/client.json',
        'journal/broken-yaml.md',
        'journal/one.sync-conflict-20261122-103000-ABCDEFG.md'
      ].sort()
    )
    // Copies of what it changed, as they were.
    expect(await readFile(join(root, report.backup ?? '', 'journal/2025-02-03-plain-note.md'), 'utf8')).toBe('No front matter here.\n')
    expect(await readFile(join(root, report.backup ?? '', 'journal/latin1.md'))).toEqual(
      Buffer.from('---\nid: e_latin\ntitle: Caf\xe9\n---\n\nna\xefve\n', 'latin1')
    )
    // The repairs themselves.
    const plain = parseEntryFile(await readFile(join(root, 'journal/2025-02-03-plain-note.md'), 'utf8'))
    expect(plain.fields).toMatchObject({ id: expect.stringMatching(/^e_/), title: 'plain note' })
    expect(plain.body).toBe('No front matter here.\n')
    expect(await readFile(join(root, 'journal/latin1.md'), 'utf8')).toContain('naïve')
    expect(JSON.parse(await readFile(join(root, 'clients/no-id/client.json'), 'utf8'))).toMatchObject({
      format: 1,
      id: expect.stringMatching(/^c_/),
      name: 'No Id',
      custom: 'kept'
    })
    expect(parseEntryFile(await readFile(join(root, 'journal/two.md'), 'utf8')).fields.id).not.toBe('e_same')
    expect(await readFile(join(root, 'clients/invalid-json/client.json'), 'utf8')).toBe('{ "name": "Oops", ')
    expect((await readdir(join(root, 'journal'))).some((n) => n.startsWith('.rapport-tmp'))).toBe(false)
    // And the vault now opens with only the problems a person must fix.
    const vault = await Vault.open(root)
    expect(
      vault
        .info()
        .problems.map((p) => p.path)
        .sort()
    ).toEqual(['clients/bad-stage/client.json', 'clients/invalid-json/client.json', 'journal/broken-yaml.md'])
  })
})
