import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gitConflict } from '../core/testing/git-conflict'
import { openTestVault } from '../core/testing/open-vault'
import { tempDir } from '../core/testing/temp-vault'
import { listTrash } from '../core/fs/trash'
import { rapport } from './testing/run-cli'

const entry = (id: string, title: string, body: string) =>
  `---\nid: ${id}\ntitle: ${title}\ncreated: 2026-12-07T09:00:00.000Z\nupdated: 2026-12-07T09:00:00.000Z\ntags: []\n---\n\n${body}`

describe('rapport CLI: conflicts from several computers', () => {
  it('show names a conflicting copy in one line (on stderr, so the entry pipes alone); conflicts lists it, per client too', async () => {
    const { dir, call } = await openTestVault()
    const v = ['--vault', dir]
    const dana = await call('clients:create', { name: 'Dana Whitfield' })
    await call('clients:create', { name: 'Northwind' })
    const plan = await call('entries:create', { clientId: dana.id, title: 'Plan', body: 'On this laptop.\n' })
    const text = await readFile(join(dir, plan.path), 'utf8')
    const copy = plan.path.replace(/\.md$/, '.sync-conflict-20261207-101500-ABCDEFG.md')
    await writeFile(join(dir, copy), text.replace('On this laptop.', 'On the desktop.'))

    const shown = await rapport(['show', plan.id, ...v])
    expect(shown.code).toBe(0)
    expect(shown.out).toBe(text)
    expect(shown.err).toBe(
      `Note: this entry has a conflicting copy ${copy}; compare with "rapport conflicts", resolve with "rapport resolve ${plan.id} --keep mine|theirs|both".`
    )

    const listed = await rapport(['conflicts', ...v])
    expect(listed).toMatchObject({ code: 0, err: '' })
    expect(listed.out.split('\n')[0]).toBe(`${plan.id}  ${plan.path}  a copy made by Syncthing: ${copy}`)
    expect((await rapport(['conflicts', '--client', 'dana', ...v])).out).toContain(plan.id)
    expect((await rapport(['conflicts', '--client', 'Northwind', ...v])).out).toBe('No conflicts.')
    expect(JSON.parse((await rapport(['conflicts', '--json', ...v])).out)).toEqual([
      { path: copy, originalPath: plan.path, entryId: plan.id, tool: 'Syncthing', mine: 'entry' }
    ])

    // Theirs (the copy from the other computer) replaces the text; the entry's own text stays in its history, the copy goes to the trash.
    const resolved = await rapport(['resolve', plan.id, '--keep', 'theirs', ...v])
    expect(resolved).toMatchObject({ code: 0, err: '' })
    expect(resolved.out).toContain(`Kept their version in ${plan.path}`)
    expect(await readFile(join(dir, plan.path), 'utf8')).toContain('On the desktop.')
    expect(existsSync(join(dir, copy))).toBe(false)
    expect((await listTrash(dir)).map((t) => t.originalPath)).toEqual([copy])
    expect((await rapport(['show', plan.id, ...v])).err).toBe('')
    expect((await rapport(['conflicts', ...v])).out).toBe('No conflicts.')
  })

  it("resolve: mine is what you typed in Rapport's own copy; both keeps every line once; wrong usage exits 2, no conflict exits 1", async () => {
    const { dir, call } = await openTestVault()
    const v = ['--vault', dir]
    const note = await call('entries:create', { clientId: null, title: 'Shared', body: 'Common.\nOriginal.\n' })
    await writeFile(join(dir, note.path), (await readFile(join(dir, note.path), 'utf8')).replace('Original.', 'Theirs, from disk.'))
    await expect(call('entries:save', { id: note.id, title: 'Shared', body: 'Common.\nMine, typed.\n', version: note.version })).rejects.toMatchObject({
      code: 'conflict'
    })

    expect((await rapport(['resolve', note.id, ...v])).code).toBe(2)
    expect((await rapport(['resolve', note.id, '--keep', 'yours', ...v])).code).toBe(2)
    const kept = await rapport(['resolve', note.id, '--keep', 'both', ...v])
    expect(kept.code).toBe(0)
    expect((await call('entries:read', { id: note.id })).body).toBe('Common.\nMine, typed.\nTheirs, from disk.\n')
    const none = await rapport(['resolve', note.id, '--keep', 'mine', ...v])
    expect(none.code).toBe(1)
    expect(none.err).toContain('has no conflict')
  })

  it('resolve --keep apart keeps mine in the entry and theirs as a new entry; --keep merge writes both, marked, to edit', async () => {
    const { dir, call } = await openTestVault()
    const v = ['--vault', dir]
    const clash = async (title: string) => {
      const note = await call('entries:create', { clientId: null, title, body: 'Common.\nOriginal.\n' })
      await writeFile(join(dir, note.path), (await readFile(join(dir, note.path), 'utf8')).replace('Original.', 'Theirs, from disk.'))
      await expect(call('entries:save', { id: note.id, title, body: 'Common.\nMine, typed.\n', version: note.version })).rejects.toMatchObject({
        code: 'conflict'
      })
      return note
    }
    const apart = await clash('Apart')
    const kept = await rapport(['resolve', apart.id, '--keep', 'apart', ...v])
    expect(kept).toMatchObject({ code: 0, err: '' })
    expect(kept.out).toContain('theirs is a new entry, “Apart (other version)”')
    expect((await call('entries:read', { id: apart.id })).body).toBe('Common.\nMine, typed.\n')

    const merged = await clash('Merged')
    expect((await rapport(['resolve', merged.id, '--keep', 'merge', ...v])).out).toContain('each marked where they differ')
    const { vault } = await openTestVault(dir)
    const bodies = await Promise.all(vault.entries.list(null).map(async (e) => [e.title, (await vault.entries.read(e.id)).body] as const))
    expect(Object.fromEntries(bodies)).toMatchObject({
      'Apart (other version)': 'Common.\nTheirs, from disk.\n',
      Merged: expect.stringContaining('**Version 1 of 2 — What is on disk now:**\n\nTheirs, from disk.\n\n**Version 2 of 2 — What you typed:**\n\nMine, typed.')
    })
  })

  it('after a git pull committed with markers in the front matter: show finds the entry by its id, and resolve keeps mine', async () => {
    const original = entry('e_WEEKLY', 'Weekly call', 'Intro.\n')
    const root = await gitConflict(
      await tempDir(),
      original,
      (t) => t.replace('title: Weekly call', 'title: Laptop title'),
      (t) => t.replace('title: Weekly call', 'title: Desktop title')
    )
    const v = ['--vault', root]
    const path = 'journal/2026-12-07-weekly-call.md'
    const shown = await rapport(['show', 'e_WEEKLY', ...v])
    expect(shown.code).toBe(0)
    expect(shown.out).toContain('<<<<<<< ')
    expect(shown.err).toBe(
      `Note: this entry has git's conflict markers in its file; compare with "rapport conflicts", resolve with "rapport resolve e_WEEKLY --keep mine|theirs|both".`
    )
    expect((await rapport(['conflicts', ...v])).out.split('\n')[0]).toBe(`e_WEEKLY  ${path}  git's conflict markers: two versions in the file`)

    const doctor = await rapport(['doctor', ...v])
    expect(doctor.code).toBe(1)
    expect(doctor.out).toContain("git's conflict markers in its front matter (the id e_WEEKLY")
    expect(doctor.out).toMatch(/mine \(this computer\):\n\s+title: Desktop title\n\s+theirs \(pulled in\):\n\s+title: Laptop title/)

    expect((await rapport(['resolve', 'e_WEEKLY', '--keep', 'mine', ...v])).code).toBe(0)
    expect(await readFile(join(root, path), 'utf8')).toBe(original.replace('title: Weekly call', 'title: Desktop title'))
    expect((await rapport(['doctor', ...v])).code).toBe(0)
    expect(await readdir(join(root, '.rapport/trash'))).toHaveLength(2) // the other version and its record
  })

  it('init --sync-ignore adds the ignore lines for Syncthing and git, keeping what was there, and adds nothing twice', async () => {
    const { dir } = await openTestVault()
    await writeFile(join(dir, '.gitignore'), '*.bak\n/.rapport/cache/') // a person's own line, and ours without a final newline
    const first = await rapport(['init', '--sync-ignore', '--vault', dir])
    expect(first.code).toBe(0)
    expect(first.out).toContain('Added to .stignore: /.rapport/cache  .rapport-tmp-*')
    expect(await readFile(join(dir, '.stignore'), 'utf8')).toBe(
      "// Rapport's caches and unfinished writes: rebuilt on each computer, never synced (rapport init --sync-ignore)\n/.rapport/cache\n.rapport-tmp-*\n"
    )
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe(
      "*.bak\n/.rapport/cache/\n# Rapport's caches and unfinished writes: rebuilt on each computer, never synced (rapport init --sync-ignore)\n.rapport-tmp-*\n"
    )
    const again = await rapport(['init', '--sync-ignore', '--vault', dir])
    expect(again.out).toContain(".gitignore already keeps Rapport's caches out of sync")
    expect(await readFile(join(dir, '.stignore'), 'utf8')).toContain('/.rapport/cache\n.rapport-tmp-*\n')
    expect((await readFile(join(dir, '.stignore'), 'utf8')).split('/.rapport/cache')).toHaveLength(2)
  })
})
