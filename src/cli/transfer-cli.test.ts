import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../core/testing/temp-vault'
import { writeRealisticVault } from '../core/testing/realistic-vault'
import { rapport } from './testing/run-cli'

async function realisticVault(): Promise<string[]> {
  const vault = await tempDir()
  await writeRealisticVault(vault)
  return ['--vault', vault]
}

describe('rapport export', () => {
  it('exports the whole vault, refuses to replace existing files without --overwrite, and replaces them with it', async () => {
    const v = await realisticVault()
    const out = await tempDir()
    const first = await rapport(['export', '--all', '--out', out, ...v])
    expect(first).toMatchObject({ code: 0, out: `Exported 8 entries, 4 clients: 12 files written to ${out}` })
    expect((await readdir(out)).sort()).toEqual(['Clients', 'Journal'])

    const again = await rapport(['export', '--all', '--out', out, ...v])
    expect(again.code).toBe(1)
    expect(again.err).toMatch(
      new RegExp(`^12 files already exist in ${out} \\(Clients/cafe-uenicode/profile.md, .* and 7 more\\)\\. Nothing was written\\. Add --overwrite`)
    )
    expect((await rapport(['export', '--all', '--out', out, '--overwrite', ...v])).code).toBe(0)
  })

  it('exports one entry without front matter, and a client as a dossier, named as people would', async () => {
    const v = await realisticVault()
    const out = await tempDir()
    expect(await rapport(['export', '--entry', 'e_01JDXFIRST0000000000000000', '--no-front-matter', '--out', out, ...v])).toMatchObject({ code: 0 })
    expect(await readFile(join(out, '2026-01-12-first-call.md'), 'utf8')).toMatch(
      /^# First call\n\n\*Monday 12 January 2026 at 15:00 · last changed Monday 12 January 2026 at 15:40\*\n/
    )
    const dossier = await rapport(['export', '--client', 'dana', '--dossier', '--out', out, '--json', ...v])
    expect(JSON.parse(dossier.out)).toMatchObject({ status: 'done', written: 1, entries: 4, clients: 1 })
    expect(await readFile(join(out, 'dana-whitfield.md'), 'utf8')).toMatch(/^---\nrapport: client-dossier\n/)
  })

  it('says what is wrong with the command line (exit 2) and what is wrong with the vault (exit 1)', async () => {
    const v = await realisticVault()
    expect(await rapport(['export', '--out', '/tmp/x', ...v])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/one of --entry ID, --client NAME or --all/)
    })
    expect(await rapport(['export', '--all', '--client', 'dana', '--out', '/tmp/x', ...v])).toMatchObject({ code: 2 })
    expect(await rapport(['export', '--all', ...v])).toMatchObject({ code: 2, err: expect.stringMatching(/--out DIR/) })
    expect(await rapport(['export', '--client', 'nobody', '--out', '/tmp/x', ...v])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/No client is called "nobody"/)
    })
    expect(await rapport(['export', '--entry', 'e_nope', '--out', '/tmp/x', ...v])).toMatchObject({
      code: 1,
      err: 'No entry has the id "e_nope"; it may have been deleted, or the id mistyped.'
    })
  })
})

describe('rapport import', () => {
  it('--dry-run shows what would happen and writes nothing; then imports, restoring the clients of a Rapport export unless --no-create-clients', async () => {
    const v = await realisticVault()
    const out = await tempDir()
    await rapport(['export', '--all', '--out', out, ...v])
    const empty = ['--vault', await tempDir()]

    const dry = await rapport(['import', out, '--dry-run', '--no-create-clients', ...empty])
    expect(dry.code).toBe(0)
    expect(dry.out).toContain('Found 8 notes. Nothing has been written (--dry-run).')
    expect(dry.out).toContain('Would import 8 notes:\n  Your journal: 8')
    expect(dry.out).toContain(
      'New clients, not created without --create-clients (their notes go to your journal): Café Ünïcødé (1 note), Dana Whitfield (4 notes), Northwind Traders (2 notes), Quiet Co (0 notes)'
    )
    const restoring = await rapport(['import', out, '--dry-run', ...empty])
    expect(restoring.out).toContain(
      'This is a Rapport export: its clients and their profiles are restored (--no-create-clients puts the notes in your journal instead).'
    )
    expect(restoring.out).toContain('  Dana Whitfield (new client): 4')
    expect(JSON.parse((await rapport(['clients', '--json', ...empty])).out)).toEqual([])

    const run = await rapport(['import', out, ...empty])
    expect(run).toMatchObject({ code: 0, out: 'Imported 8 notes, created 4 clients (Café Ünïcødé, Dana Whitfield, Northwind Traders, Quiet Co).' })
    expect(await rapport(['import', out, '--create-clients', ...empty])).toMatchObject({
      code: 0,
      out: 'Imported 0 notes, skipped 8 duplicates (--keep-duplicates imports them).'
    })
    const kept = await rapport(['import', out, '--keep-duplicates', '--json', ...empty])
    expect(JSON.parse(kept.out)).toMatchObject({ imported: 8, duplicatesSkipped: 0 })
  })

  it('puts everything in the --client chosen, and reports files it could not import (exit 1)', async () => {
    const v = await realisticVault()
    const notes = await tempDir('rapport-notes-')
    await mkdir(join(notes, 'Acme'))
    await writeFile(join(notes, 'Acme', 'call.md'), '# Call\n\nGood call.\n')
    await writeFile(join(notes, 'latin.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]))
    const result = await rapport(['import', notes, '--client', 'northwind', ...v])
    expect(result.code).toBe(1)
    expect(result.out).toBe('Imported 1 note.')
    expect(result.err).toBe(
      `1 file not imported:\n  ${join(notes, 'latin.md')}: it is not UTF-8 text (it may be Windows-1252 or Latin-1), so it was skipped; import it again choosing "read as Windows-1252" (--windows-1252) to read it that way`
    )
    expect(await rapport(['import', join(notes, 'latin.md'), '--windows-1252', ...v])).toMatchObject({ code: 0, out: 'Imported 1 note.' })
    const clients = JSON.parse((await rapport(['clients', '--json', ...v])).out) as Array<{ name: string; entryCount: number }>
    expect(clients.find((c) => c.name === 'Northwind Traders')?.entryCount).toBe(3)
    expect(await rapport(['import', ...v])).toMatchObject({ code: 2 })
  })
})
