import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runDoctor } from '../doctor/doctor'
import { openTestVault } from '../testing/open-vault'
import { gitConflict } from '../testing/git-conflict'
import { tempDir } from '../testing/temp-vault'
import { listTrash } from '../fs/trash'

/**
 * What sync engines really leave in a vault shared by several computers:
 * conflicting copies named by Syncthing, Dropbox and Nextcloud, and git's
 * conflict markers after a `git pull` committed in a hurry. Real files, and
 * real git.
 */
const entry = (id: string, title: string, body: string) =>
  `---\nid: ${id}\ntitle: ${title}\ncreated: 2026-12-07T09:00:00.000Z\nupdated: 2026-12-07T09:00:00.000Z\ntags: []\n---\n\n${body}`

async function journalOf(root: string): Promise<string> {
  const folder = join(root, 'journal')
  await mkdir(folder, { recursive: true })
  return folder
}

const names = async (folder: string) => (await readdir(folder)).filter((n) => n.endsWith('.md')).sort()

describe("a sync tool's copy that is really another entry", () => {
  const copies = [
    ['Syncthing', '2026-12-07-weekly-call.sync-conflict-20261207-101500-ABCDEFG.md'],
    ['Dropbox', "2026-12-07-weekly-call (Anna's conflicted copy 2026-12-07).md"],
    ['Nextcloud', '2026-12-07-weekly-call_conflict-20261207-101500.md']
  ] as const

  for (const [tool, copyName] of copies) {
    it(`a ${tool} copy with its own id gets its own name, is listed, read and found by search`, async () => {
      const root = await tempDir()
      const journal = await journalOf(root)
      await writeFile(join(journal, '2026-12-07-weekly-call.md'), entry('e_LAPTOP', 'Weekly call', 'Agenda written on the laptop.\n'))
      await writeFile(join(journal, copyName), entry('e_DESKTOP', 'Weekly call', 'Budget notes written on the desktop.\n'))
      await writeFile(join(root, 'rapport.json'), '{\n  "format": 1,\n  "settings": {}\n}\n')
      expect((await runDoctor(root)).findings.find((f) => f.path === `journal/${copyName}`)?.reason).toMatch(/^an entry of its own \(id e_DESKTOP\)/)
      const { vault, call, indexes } = await openTestVault(root)

      expect(await names(journal)).toEqual(['2026-12-07-weekly-call-2.md', '2026-12-07-weekly-call.md'])
      expect(await readFile(join(journal, '2026-12-07-weekly-call-2.md'), 'utf8')).toBe(
        entry('e_DESKTOP', 'Weekly call', 'Budget notes written on the desktop.\n')
      )
      expect((await call('entries:list', { clientId: null })).map((e) => [e.id, e.path, e.conflicts])).toEqual([
        ['e_LAPTOP', 'journal/2026-12-07-weekly-call.md', undefined],
        ['e_DESKTOP', 'journal/2026-12-07-weekly-call-2.md', undefined]
      ])
      expect((await call('entries:read', { id: 'e_DESKTOP' })).body).toBe('Budget notes written on the desktop.\n')
      expect(vault.entries.conflicts()).toEqual([])
      await indexes.search.indexed()
      const found = await call('search:query', { query: 'budget desktop' })
      expect(found.results.map((r) => r.open)).toContainEqual({ kind: 'entry', entryId: 'e_DESKTOP', offset: expect.any(Number) })
    })
  }

  it('every computer that sees the same files gives the copy the same name', async () => {
    const laptop = await tempDir()
    const journal = await journalOf(laptop)
    await writeFile(join(journal, '2026-12-07-weekly-call.md'), entry('e_LAPTOP', 'Weekly call', 'One.\n'))
    await writeFile(join(journal, '2026-12-07-weekly-call-2.md'), entry('e_OTHER', 'Weekly call', 'Two.\n'))
    await writeFile(join(journal, '2026-12-07-weekly-call.sync-conflict-20261207-101500-ABCDEFG.md'), entry('e_DESKTOP', 'Weekly call', 'Three.\n'))
    const desktop = await tempDir()
    await cp(laptop, desktop, { recursive: true })
    await openTestVault(laptop)
    await openTestVault(desktop)
    const expected = ['2026-12-07-weekly-call-2.md', '2026-12-07-weekly-call-3.md', '2026-12-07-weekly-call.md']
    expect(await names(journal)).toEqual(expected)
    expect(await names(join(desktop, 'journal'))).toEqual(expected)
    expect(await readFile(join(desktop, 'journal/2026-12-07-weekly-call-3.md'), 'utf8')).toContain('e_DESKTOP')
  })

  it('a copy arriving while the vault is open is adopted too; a copy with the same id stays a conflict', async () => {
    const root = await tempDir()
    const journal = await journalOf(root)
    await writeFile(join(journal, '2026-12-07-weekly-call.md'), entry('e_LAPTOP', 'Weekly call', 'Mine.\n'))
    const { vault } = await openTestVault(root)
    await writeFile(join(journal, '2026-12-07-weekly-call.sync-conflict-20261207-101500-ABCDEFG.md'), entry('e_DESKTOP', 'Weekly call', 'New.\n'))
    await writeFile(
      join(journal, '2026-12-07-weekly-call.sync-conflict-20261207-111500-ABCDEFG.md'),
      entry('e_LAPTOP', 'Weekly call', 'Same entry, edited elsewhere.\n')
    )
    await vault.applyChanges([
      'journal/2026-12-07-weekly-call.sync-conflict-20261207-101500-ABCDEFG.md',
      'journal/2026-12-07-weekly-call.sync-conflict-20261207-111500-ABCDEFG.md'
    ])
    expect((await vault.entries.read('e_DESKTOP')).path).toBe('journal/2026-12-07-weekly-call-2.md')
    expect(vault.entries.conflicts().map((c) => [c.path, c.entryId])).toEqual([
      ['journal/2026-12-07-weekly-call.sync-conflict-20261207-111500-ABCDEFG.md', 'e_LAPTOP']
    ])
  })
})

const ORIGINAL = entry('e_WEEKLY', 'Weekly call', 'Intro.\n\nWe agreed on a pilot.\n\nEnd.\n')

describe("git's conflict markers, committed as they are", () => {
  it('in the body: listed as a conflict of the entry, nothing written over, doctor shows both sides; keeping both loses no word', async () => {
    const root = await gitConflict(
      await tempDir(),
      ORIGINAL,
      (t) => t.replace('We agreed on a pilot.', 'We agreed on a pilot in March.'),
      (t) => t.replace('We agreed on a pilot.', 'We agreed on a pilot, budget pending.')
    )
    const path = 'journal/2026-12-07-weekly-call.md'
    const committed = await readFile(join(root, path), 'utf8')
    expect(committed).toMatch(/^<<<<<<< /m)

    const report = await runDoctor(root)
    const finding = report.findings.find((f) => f.path === path)
    expect(finding?.reason).toContain("git's conflict markers")
    expect(finding?.sides).toEqual([{ mine: 'We agreed on a pilot, budget pending.\n', theirs: 'We agreed on a pilot in March.\n' }])

    const { vault, call } = await openTestVault(root)
    expect(await call('conflicts:list', undefined)).toEqual([{ path, originalPath: path, entryId: 'e_WEEKLY', tool: 'git', mine: 'entry' }])
    const opened = await call('entries:read', { id: 'e_WEEKLY' })
    expect(opened.conflicts).toEqual([path])
    // It opens as this computer had it, never with the markers as text.
    expect(opened.body).toBe('Intro.\n\nWe agreed on a pilot, budget pending.\n\nEnd.\n')
    // Writing nothing until the person chooses: a save is refused, the file untouched.
    await expect(call('entries:save', { id: 'e_WEEKLY', title: 'Weekly call', body: 'Typed over.', version: opened.version })).rejects.toMatchObject({
      code: 'conflict'
    })
    expect(await readFile(join(root, path), 'utf8')).toBe(committed)

    const compared = await call('conflicts:compare', { path })
    expect(compared.entrySide.body).toBe('Intro.\n\nWe agreed on a pilot, budget pending.\n\nEnd.\n')
    expect(compared.copy.body).toBe('Intro.\n\nWe agreed on a pilot in March.\n\nEnd.\n')

    const resolved = await call('conflicts:resolve', { path, keep: 'both', version: opened.version })
    expect(resolved?.body).toBe('Intro.\n\nWe agreed on a pilot, budget pending.\nWe agreed on a pilot in March.\n\nEnd.\n')
    expect(await readFile(join(root, path), 'utf8')).toBe(entry('e_WEEKLY', 'Weekly call', resolved?.body ?? ''))
    expect(await call('conflicts:list', undefined)).toEqual([])
    // The file as git left it is in the history; the side pulled in is in the trash.
    const snapshots = await call('history:list', { entryId: 'e_WEEKLY' })
    expect(await vault.history.read('e_WEEKLY', snapshots[0]?.id ?? '')).toBe(committed)
    const trash = await listTrash(root)
    expect(trash).toHaveLength(1)
    expect(await readFile(join(root, '.rapport/trash', trash[0]?.id ?? ''), 'utf8')).toContain('We agreed on a pilot in March.')
  })

  it('in the front matter: the id both sides agree on is kept, the entry opens and is the same conflict; keeping theirs writes their side whole', async () => {
    const root = await gitConflict(
      await tempDir(),
      ORIGINAL,
      (t) => t.replace('title: Weekly call', 'title: Weekly call (laptop)'),
      (t) => t.replace('title: Weekly call', 'title: Weekly call (desktop)')
    )
    const path = 'journal/2026-12-07-weekly-call.md'
    const committed = await readFile(join(root, path), 'utf8')
    expect(committed.split('\n---\n')[0]).toMatch(/^<<<<<<< /m)

    const report = await runDoctor(root)
    expect(report.findings.find((f) => f.path === path)?.reason).toContain('e_WEEKLY')

    const { vault, call } = await openTestVault(root)
    const listed = await call('entries:list', { clientId: null })
    expect(listed.map((e) => [e.id, e.title])).toEqual([['e_WEEKLY', 'Weekly call (desktop)']])
    expect(vault.info().problems).toEqual([])
    expect((await call('entries:read', { id: 'e_WEEKLY' })).body).toBe('Intro.\n\nWe agreed on a pilot.\n\nEnd.\n')
    expect((await call('conflicts:list', undefined)).map((c) => [c.tool, c.entryId])).toEqual([['git', 'e_WEEKLY']])
    const compared = await call('conflicts:compare', { path })
    expect([compared.entrySide.title, compared.copy.title]).toEqual(['Weekly call (desktop)', 'Weekly call (laptop)'])

    const resolved = await call('conflicts:resolve', { path, keep: 'copy' })
    expect(resolved?.title).toBe('Weekly call (laptop)')
    expect(await readFile(join(root, path), 'utf8')).toBe(ORIGINAL.replace('title: Weekly call', 'title: Weekly call (laptop)'))
    const trash = await listTrash(root)
    expect(await readFile(join(root, '.rapport/trash', trash[0]?.id ?? ''), 'utf8')).toBe(
      ORIGINAL.replace('title: Weekly call', 'title: Weekly call (desktop)')
    )
  })

  it('two different entries git merged into one file: listed under this computer’s id, never a made-up one', async () => {
    const root = await gitConflict(
      await tempDir(),
      ORIGINAL,
      () => entry('e_LAPTOPNEW', 'Weekly call', 'Laptop.\n'),
      () => entry('e_DESKTOPNEW', 'Weekly call', 'Desktop.\n')
    )
    const { call } = await openTestVault(root)
    expect((await call('entries:list', { clientId: null })).map((e) => e.id)).toEqual(['e_DESKTOPNEW'])
  })
})
