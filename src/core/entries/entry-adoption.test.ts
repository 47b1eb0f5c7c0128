import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTestVault } from '../testing/open-vault'
import { layout } from '../fs/layout'

const note = (id: string, title: string, body = 'Text.\n') => ({
  clientId: null,
  folder: layout.journalDir,
  original: null,
  fields: { id, title, created: '2026-03-01T10:00:00.000Z', updated: '2026-03-01T10:00:00.000Z', tags: [] },
  body
})

describe('adopting many entries in a row (an import)', () => {
  it('gives each a free name, beside the entries already there and those adopted before it, ignoring case', async () => {
    const { dir, vault } = await openTestVault()
    await vault.entries.adopt(note('e_ALREADYTHERE', 'Weekly call'))
    const adoption = vault.entries.startAdoption()
    const first = await adoption.adopt(note('e_FIRST', 'Weekly call'))
    const second = await adoption.adopt(note('e_SECOND', 'WEEKLY CALL'))
    const other = await adoption.adopt(note('e_OTHER', 'Budget'))
    expect(await adoption.finish()).toEqual([])

    expect([first.path, second.path, other.path]).toEqual([
      'journal/2026-03-01-weekly-call-2.md',
      'journal/2026-03-01-weekly-call-3.md',
      'journal/2026-03-01-budget.md'
    ])
    expect((await readdir(join(dir, 'journal'))).filter((f) => f.endsWith('.md')).sort()).toEqual([
      '2026-03-01-budget.md',
      '2026-03-01-weekly-call-2.md',
      '2026-03-01-weekly-call-3.md',
      '2026-03-01-weekly-call.md'
    ])
    expect(await readFile(join(dir, second.path), 'utf8')).toContain('id: e_SECOND')
    expect((await vault.entries.read('e_SECOND')).title).toBe('WEEKLY CALL')
  })

  it('under way at once (an import overlapping its flushes), names them in the order they were started and refuses an id twice', async () => {
    const { vault } = await openTestVault()
    await vault.entries.adopt(note('e_ALREADYTHERE', 'Weekly call'))
    const adoption = vault.entries.startAdoption()
    const started = [note('e_A', 'Weekly call', 'A long body.\n'.repeat(5000)), note('e_B', 'Weekly call'), note('e_C', 'weekly call')].map((n) =>
      adoption.adopt(n)
    )
    const twice = adoption.adopt(note('e_A', 'Another'))
    await expect(twice).rejects.toThrow(/already used/)
    expect((await Promise.all(started)).map((s) => [s.id, s.path])).toEqual([
      ['e_A', 'journal/2026-03-01-weekly-call-2.md'],
      ['e_B', 'journal/2026-03-01-weekly-call-3.md'],
      ['e_C', 'journal/2026-03-01-weekly-call-4.md']
    ])
    expect(await adoption.finish()).toEqual([])
  })

  it('refuses an id the vault already uses, and goes on with the next', async () => {
    const { vault } = await openTestVault()
    const adoption = vault.entries.startAdoption()
    await adoption.adopt(note('e_SAME', 'One'))
    await expect(adoption.adopt(note('e_SAME', 'Two'))).rejects.toThrow(/already used/)
    await adoption.adopt(note('e_NEXT', 'Three'))
    expect(await adoption.finish()).toEqual([])
    expect(
      vault.entries
        .list(null)
        .map((e) => e.title)
        .sort()
    ).toEqual(['One', 'Three'])
  })

  it('names around files on disk that are not entries, read once per folder, and never writes over a file that takes a name meanwhile', async () => {
    const { dir, vault } = await openTestVault()
    // Put there by another program after the vault was read: no entry of the store has this name.
    await mkdir(join(dir, 'journal'), { recursive: true })
    await writeFile(join(dir, 'journal', '2026-03-01-weekly-call.md'), 'not an entry\n')
    const adoption = vault.entries.startAdoption()
    const first = await adoption.adopt(note('e_FIRST', 'Weekly call'))
    expect(first.path).toBe('journal/2026-03-01-weekly-call-2.md')
    // The folder was read when the run first wrote into it: a file made since, at the next name, is not known.
    await writeFile(join(dir, 'journal', '2026-03-01-weekly-call-3.md'), 'theirs\n')
    await expect(adoption.adopt(note('e_SECOND', 'Weekly call'))).rejects.toMatchObject({ message: expect.stringContaining('2026-03-01-weekly-call-3.md') })
    expect(await adoption.finish()).toEqual([])
    expect(await readFile(join(dir, 'journal', '2026-03-01-weekly-call-3.md'), 'utf8')).toBe('theirs\n')
    expect(await readFile(join(dir, 'journal', '2026-03-01-weekly-call.md'), 'utf8')).toBe('not an entry\n')
    expect((await readdir(join(dir, 'journal'))).filter((f) => f.startsWith('.rapport-tmp'))).toEqual([])
    expect(vault.entries.list(null).map((e) => e.id)).toEqual(['e_FIRST'])
  })
})
