import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTestVault } from '../testing/open-vault'

const openVault = (root?: string) => openTestVault(root)

/** Minutes into a typing session that began an hour ago: within the last day, where retention keeps every snapshot (the restore is stamped with the real now). */
const sessionStart = Date.now() - 60 * 60_000
const minutes = (n: number) => new Date(sessionStart + n * 60_000)

describe('history', () => {
  it('keeps a snapshot per editing session, shows what changed, and restores undoably', async () => {
    const { vault, call } = await openVault()
    let entry = await call('entries:create', { clientId: null, title: 'Budget', body: 'first draft\n' })
    // A typing session: many saves within ten minutes make one snapshot (the state before the session).
    for (let i = 1; i <= 20; i++)
      entry = await vault.entries.save({ id: entry.id, title: 'Budget', body: `draft ${i}\n`, version: entry.version }, minutes(i / 4))
    expect(await call('history:list', { entryId: entry.id })).toHaveLength(1)
    // Half an hour later, a new session: one more snapshot, holding where the first session ended.
    entry = await vault.entries.save({ id: entry.id, title: 'Budget v2', body: 'rewritten\n', version: entry.version }, minutes(40))
    const snapshots = await call('history:list', { entryId: entry.id })
    expect(snapshots.map((s) => s.at)).toEqual([minutes(40).toISOString(), minutes(0.25).toISOString()])

    const compared = await call('history:compare', { entryId: entry.id, snapshotId: snapshots[0]?.id ?? '' })
    expect(compared.snapshot).toEqual({ title: 'Budget', body: 'draft 20\n' })
    // A replaced line also says which of its words changed, as the conflict view does.
    expect(compared.diff).toEqual([
      {
        kind: 'removed',
        text: 'draft 20\n',
        words: [
          { kind: 'removed', text: 'draft 20' },
          { kind: 'same', text: '\n' }
        ]
      },
      {
        kind: 'added',
        text: 'rewritten\n',
        words: [
          { kind: 'added', text: 'rewritten' },
          { kind: 'same', text: '\n' }
        ]
      }
    ])

    const restored = await call('history:restore', { entryId: entry.id, snapshotId: snapshots[1]?.id ?? '', version: entry.version })
    expect(restored).toMatchObject({ title: 'Budget', body: 'first draft\n' })
    // The restore kept what was there, so it can be undone.
    const after = await call('history:list', { entryId: entry.id })
    expect(after).toHaveLength(3)
    expect((await call('history:compare', { entryId: entry.id, snapshotId: after[0]?.id ?? '' })).snapshot.body).toBe('rewritten\n')
  })

  it('refuses snapshot ids that are not snapshot names', async () => {
    const { call } = await openVault()
    const entry = await call('entries:create', { clientId: null, title: 'x' })
    await expect(call('history:compare', { entryId: entry.id, snapshotId: '../../rapport' })).rejects.toMatchObject({ code: 'invalid-input' })
  })
})

describe('trash', () => {
  it('lists deleted clients and entries, restores them where they were, and empties', async () => {
    const { dir, call } = await openVault()
    const client = await call('clients:create', { name: 'Northwind' })
    const entry = await call('entries:create', { clientId: client.id, title: 'Kickoff', body: 'Notes\n' })
    const loose = await call('entries:create', { clientId: null, title: 'Loose thought' })
    await call('entries:trash', { id: loose.id })
    await call('clients:trash', { id: client.id })
    const items = await call('trash:list', undefined)
    expect(items.map((i) => [i.kind, i.label, i.originalPath])).toEqual(
      expect.arrayContaining([
        ['client', 'Northwind', 'clients/northwind'],
        ['entry', 'Loose thought', loose.path]
      ])
    )
    const clientItem = items.find((i) => i.kind === 'client')
    expect(await call('trash:restore', { id: clientItem?.id ?? '' })).toEqual({ path: 'clients/northwind' })
    expect((await call('clients:list', undefined)).map((c) => c.name)).toEqual(['Northwind'])
    expect((await call('entries:read', { id: entry.id })).body).toBe('Notes\n')
    await expect(call('trash:restore', { id: '../../etc' })).rejects.toMatchObject({ code: 'not-found' })
    expect(await call('trash:empty', undefined)).toEqual({ removed: 1 })
    expect(await call('trash:list', undefined)).toEqual([])
    expect(existsSync(join(dir, '.rapport/trash'))).toBe(false)
  })
})

describe('conflicting copies', () => {
  it('from a sync tool are listed with their entry, never as entries, and can be compared and resolved', async () => {
    const { dir, call } = await openVault()
    const entry = await call('entries:create', { clientId: null, title: 'Plan', body: 'on this laptop\n' })
    const copyPath = entry.path.replace(/\.md$/, '.sync-conflict-20261122-103000-ABCDEFG.md')
    const copyText = (await readFile(join(dir, entry.path), 'utf8')).replace('on this laptop', 'on the other laptop')
    await writeFile(join(dir, copyPath), copyText)
    const { call: call2 } = await openVault(dir)
    expect((await call2('entries:list', { clientId: null })).map((e) => [e.id, e.conflicts])).toEqual([[entry.id, [copyPath]]])
    expect(await call2('conflicts:list', undefined)).toEqual([
      { path: copyPath, originalPath: entry.path, entryId: entry.id, tool: 'Syncthing', mine: 'entry' }
    ])
    const compared = await call2('conflicts:compare', { path: copyPath })
    expect(compared.diff.filter((d) => d.kind !== 'same').map((d) => d.text)).toEqual(['on this laptop\n', 'on the other laptop\n'])
    const resolved = await call2('conflicts:resolve', { path: copyPath, keep: 'copy' })
    expect(resolved?.body).toBe('on the other laptop\n')
    expect(resolved?.conflicts).toBeUndefined()
    expect(existsSync(join(dir, copyPath))).toBe(false)
    expect(await call2('conflicts:list', undefined)).toEqual([])
    // The text that lost is not gone: it is in the entry's history.
    expect(await call2('history:list', { entryId: entry.id })).toHaveLength(1)
    await expect(call2('conflicts:compare', { path: '../outside.md' })).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('are made by Rapport when a save meets a file someone else changed: both versions kept', async () => {
    const { dir, call } = await openVault()
    const entry = await call('entries:create', { clientId: null, title: 'Shared', body: 'v1\n' })
    const theirs = (await readFile(join(dir, entry.path), 'utf8')).replace('v1', 'theirs')
    await writeFile(join(dir, entry.path), theirs)
    await expect(call('entries:save', { id: entry.id, title: 'Shared', body: 'mine\n', version: entry.version })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/your version is kept beside it as .*\.rapport-conflict-\d{8}-\d{6}\.md/)
    })
    expect(await readFile(join(dir, entry.path), 'utf8')).toBe(theirs)
    const [conflict] = await call('conflicts:list', undefined)
    expect(conflict).toMatchObject({ originalPath: entry.path, entryId: entry.id, tool: 'Rapport' })
    const compared = await call('conflicts:compare', { path: conflict?.path ?? '' })
    expect(compared.copy.body).toBe('mine\n')
    expect(compared.entry.body).toBe('theirs\n')
    await call('conflicts:resolve', { path: conflict?.path ?? '', keep: 'entry' })
    expect((await call('entries:read', { id: entry.id })).body).toBe('theirs\n')
    const journal = await readdir(join(dir, 'journal'))
    expect(journal).toHaveLength(1)
  })

  it('of client.json files are reported, not loaded', async () => {
    const { dir, call } = await openVault()
    await call('clients:create', { name: 'Dana' })
    await mkdir(join(dir, 'clients/dana'), { recursive: true })
    await writeFile(join(dir, 'clients/dana/client (Dana’s conflicted copy 2026-11-22).json'), '{}')
    const { call: call2 } = await openVault(dir)
    expect((await call2('clients:list', undefined)).map((c) => c.name)).toEqual(['Dana'])
  })
})
