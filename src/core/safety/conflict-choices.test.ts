import { existsSync } from 'node:fs'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEntryFile } from '../entries/entry-file'
import { openTestVault } from '../testing/open-vault'
import { gitConflict } from '../testing/git-conflict'
import { tempDir } from '../testing/temp-vault'

/** An entry whose save met a file changed elsewhere: theirs on disk, what the person typed kept beside it by Rapport. */
async function typedWhileChangedOnDisk() {
  const opened = await openTestVault()
  const { dir, call } = opened
  const entry = await call('entries:create', { clientId: null, title: 'Scope call', body: 'Intro.\n\nWe agreed on a pilot.\n\nOutro.\n' })
  const original = await readFile(join(dir, entry.path), 'utf8')
  const theirs = original.replace('a pilot.', 'a pilot in March.').replace('tags: []', 'tags: []\nmood: calm')
  await writeFile(join(dir, entry.path), theirs)
  await expect(
    call('entries:save', { id: entry.id, title: 'Scope call', body: 'Intro.\n\nWe agreed on a full rollout.\n\nOutro.\n', version: entry.version })
  ).rejects.toMatchObject({ code: 'conflict' })
  const [conflict] = await call('conflicts:list', undefined)
  if (!conflict) throw new Error('no conflict was kept')
  return { ...opened, entry, theirs, copyPath: conflict.path }
}

const journalFiles = async (dir: string) => (await readdir(join(dir, 'journal'))).sort()

describe('the conflict view', () => {
  it('names the sides plainly and says which words differ', async () => {
    const { call, copyPath } = await typedWhileChangedOnDisk()
    const compared = await call('conflicts:compare', { path: copyPath })
    expect(compared.names).toEqual({ entry: 'what is on disk now', copy: 'what you typed' })
    const changed = compared.diff.filter((part) => part.kind !== 'same')
    expect(changed.map((part) => [part.kind, part.words?.filter((w) => w.kind !== 'same').map((w) => w.text)])).toEqual([
      ['removed', ['pilot in March']],
      ['added', ['full rollout']]
    ])
    // Each side's words put back together are that side's lines, whole.
    expect(changed.map((part) => part.words?.map((w) => w.text).join(''))).toEqual(changed.map((part) => part.text))
  })

  it('keep both: what I typed stays in the entry, what is on disk becomes a new entry with all its fields; nothing is lost', async () => {
    const { dir, call, entry, theirs, copyPath } = await typedWhileChangedOnDisk()
    const kept = await call('conflicts:resolve', { path: copyPath, keep: 'apart' })
    expect(kept?.id).toBe(entry.id)
    expect(kept?.body).toBe('Intro.\n\nWe agreed on a full rollout.\n\nOutro.\n')
    const listed = await call('entries:list', { clientId: null })
    expect(listed.map((e) => e.title).sort()).toEqual(['Scope call', 'Scope call (other version)'])
    const other = listed.find((e) => e.title === 'Scope call (other version)')
    const otherFile = parseEntryFile(await readFile(join(dir, other?.path ?? ''), 'utf8'))
    expect(otherFile.body).toBe(parseEntryFile(theirs).body)
    expect(otherFile.fields).toMatchObject({ mood: 'calm', created: entry.created })
    expect(otherFile.fields.id).not.toBe(entry.id)
    // The copy is gone from beside the entry (into the trash), and the entry's file as it was is in its history.
    expect(await call('conflicts:list', undefined)).toEqual([])
    expect(existsSync(join(dir, copyPath))).toBe(false)
    expect((await call('trash:list', undefined)).map((t) => t.label)).toEqual(['Conflicting copy of Scope call'])
    expect(await call('history:list', { entryId: entry.id })).toHaveLength(1)
    expect(await journalFiles(dir)).toHaveLength(2)
  })

  it('keep both from a sync tool: the entry stays as it is, the copy becomes an entry of its own', async () => {
    const { dir, call } = await openTestVault()
    const entry = await call('entries:create', { clientId: null, title: 'Plan', body: 'on this laptop\n' })
    const copyPath = entry.path.replace(/\.md$/, '.sync-conflict-20261122-103000-ABCDEFG.md')
    await writeFile(join(dir, copyPath), (await readFile(join(dir, entry.path), 'utf8')).replace('on this laptop', 'on the other laptop'))
    const { call: reopened } = await openTestVault(dir)
    const compared = await reopened('conflicts:compare', { path: copyPath })
    expect(compared.names).toEqual({ entry: 'the entry as it is', copy: 'the copy from Syncthing' })
    await reopened('conflicts:resolve', { path: copyPath, keep: 'apart' })
    const bodies = await Promise.all(
      (await reopened('entries:list', { clientId: null })).map(async (e) => [e.title, (await reopened('entries:read', { id: e.id })).body])
    )
    expect(bodies.sort(([a], [b]) => String(a).localeCompare(String(b)))).toEqual([
      ['Plan', 'on this laptop\n'],
      ['Plan (other version)', 'on the other laptop\n']
    ])
  })

  it('merge by hand: a draft with both sides marked goes into the entry; the file as it was stays in history', async () => {
    const { dir, call, entry, theirs, copyPath } = await typedWhileChangedOnDisk()
    const draft = await call('conflicts:resolve', { path: copyPath, keep: 'merge' })
    expect(draft?.body).toContain('**Version 1 of 2 — What is on disk now:**\n\nWe agreed on a pilot in March.')
    expect(draft?.body).toContain('**Version 2 of 2 — What you typed:**\n\nWe agreed on a full rollout.')
    expect(draft?.body.match(/Intro\./g)).toHaveLength(1)
    expect(await call('conflicts:list', undefined)).toEqual([])
    // What was on disk is in the history; the typed copy in the trash; the entry keeps its fields.
    const [snapshot] = await call('history:list', { entryId: entry.id })
    expect((await call('history:compare', { entryId: entry.id, snapshotId: snapshot?.id ?? '' })).snapshot.body).toBe(parseEntryFile(theirs).body)
    expect((await call('trash:list', undefined)).map((t) => t.label)).toEqual(['Conflicting copy of Scope call'])
    expect(parseEntryFile(await readFile(join(dir, entry.path), 'utf8')).fields.mood).toBe('calm')
    expect(await journalFiles(dir)).toHaveLength(1)
  })

  it('keep mine and keep theirs still keep one side, the other in the trash or history', async () => {
    const mine = await typedWhileChangedOnDisk()
    expect((await mine.call('conflicts:resolve', { path: mine.copyPath, keep: 'copy' }))?.body).toContain('a full rollout.')
    expect(await mine.call('history:list', { entryId: mine.entry.id })).toHaveLength(1)
    const theirs = await typedWhileChangedOnDisk()
    expect((await theirs.call('conflicts:resolve', { path: theirs.copyPath, keep: 'entry' }))?.body).toContain('a pilot in March.')
    expect((await theirs.call('trash:list', undefined)).map((t) => t.label)).toEqual(['Conflicting copy of Scope call'])
  })

  it('keep both is refused when the entry changed again since it was compared, and nothing is written', async () => {
    const { dir, call, entry, copyPath } = await typedWhileChangedOnDisk()
    const compared = await call('conflicts:compare', { path: copyPath })
    await writeFile(join(dir, entry.path), (await readFile(join(dir, entry.path), 'utf8')).replace('Outro.', 'Outro, changed again.'))
    await expect(call('conflicts:resolve', { path: copyPath, keep: 'apart', version: compared.entry.version })).rejects.toMatchObject({ code: 'conflict' })
    expect(await journalFiles(dir)).toEqual([entry.path.replace('journal/', ''), copyPath.replace('journal/', '')].sort())
  })
})

describe("the conflict view on git's conflict markers", () => {
  const original = '---\nid: e_WEEKLY\ntitle: Weekly call\ncreated: 2026-12-07T09:00:00.000Z\ntags: []\n---\n\nIntro.\n\nWe agreed on a pilot.\n\nEnd.\n'
  const path = 'journal/2026-12-07-weekly-call.md'
  const pulled = async () => {
    const root = await gitConflict(
      await tempDir(),
      original,
      (t) => t.replace('We agreed on a pilot.', 'We agreed on a pilot in March.'),
      (t) => t.replace('We agreed on a pilot.', 'We agreed on a pilot, budget pending.')
    )
    return { root, ...(await openTestVault(root)) }
  }

  it('keep both: this computer’s side stays, the side pulled in becomes an entry of its own, the markers are gone', async () => {
    const { root, call } = await pulled()
    expect((await call('conflicts:compare', { path })).names).toEqual({ entry: 'this computer’s version', copy: 'the version pulled in with git' })
    const kept = await call('conflicts:resolve', { path, keep: 'apart' })
    expect(kept?.body).toBe('Intro.\n\nWe agreed on a pilot, budget pending.\n\nEnd.\n')
    expect(await readFile(join(root, path), 'utf8')).not.toContain('<<<<<<<')
    const listed = await call('entries:list', { clientId: null })
    const other = listed.find((e) => e.title === 'Weekly call (other version)')
    expect((await call('entries:read', { id: other?.id ?? '' })).body).toBe('Intro.\n\nWe agreed on a pilot in March.\n\nEnd.\n')
    expect(await call('conflicts:list', undefined)).toEqual([])
  })

  it('merge by hand: one front matter, both sides marked in the body, no git markers left', async () => {
    const { root, call } = await pulled()
    const draft = await call('conflicts:resolve', { path, keep: 'merge' })
    expect(draft?.body).toContain('**Version 1 of 2 — This computer’s version:**\n\nWe agreed on a pilot, budget pending.')
    expect(draft?.body).toContain('**Version 2 of 2 — The version pulled in with git:**\n\nWe agreed on a pilot in March.')
    const onDisk = await readFile(join(root, path), 'utf8')
    expect(onDisk).not.toContain('<<<<<<<')
    expect(parseEntryFile(onDisk).fields.id).toBe('e_WEEKLY')
    expect(await call('conflicts:list', undefined)).toEqual([])
  })
})
