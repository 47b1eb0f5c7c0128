import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/temp-vault'
import { Vault } from './vault'
import { watchVault } from './watch'

const entry = (id: string, title: string, body = 'text\n') => `---\nid: ${id}\ntitle: ${title}\ncreated: 2026-11-20T10:00:00.000Z\n---\n\n${body}`

/**
 * Waits until `check` passes, polling; fails after `ms`. The watcher answers in a fraction of a second (its latency
 * is measured in bench/vault.bench.ts); the bound is generous because a loaded CI machine can delay file events.
 */
async function eventually(check: () => boolean, ms = 10_000): Promise<number> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not seen within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 10))
  }
  return Date.now() - start
}

describe('changes made by other programs', () => {
  it('are seen — added, changed, renamed, deleted — without reading the whole vault again', async () => {
    const root = await tempDir()
    const vault = await Vault.open(root)
    const client = await vault.clients.create('Dana')
    const journal = join(root, 'clients/dana/journal')
    // Counts full reads of the journal: a change to one file must not cause one.
    let reloads = 0
    const load = vault.entries.load.bind(vault.entries)
    vault.entries.load = async (folders) => {
      reloads++
      return load(folders)
    }
    const stop = watchVault(root, (paths) => void vault.applyChanges(paths))
    await stop.ready
    try {
      const titles = () => vault.entries.list(client.id).map((e) => e.title)
      await writeFile(join(journal, 'from-git.md'), entry('e_git', 'Pulled from git'))
      await eventually(() => titles().includes('Pulled from git'))
      await writeFile(join(journal, 'from-git.md'), entry('e_git', 'Edited in vim'))
      await eventually(() => titles().includes('Edited in vim') && !titles().includes('Pulled from git'))
      await rename(join(journal, 'from-git.md'), join(journal, 'renamed.md'))
      await eventually(() => vault.entries.list(client.id)[0]?.path === 'clients/dana/journal/renamed.md')
      expect(titles()).toEqual(['Edited in vim'])
      await writeFile(join(journal, 'renamed.sync-conflict-20261122-103000-ABCDEFG.md'), entry('e_git', 'Other laptop'))
      await eventually(() => vault.entries.conflicts().length === 1)
      expect(titles()).toEqual(['Edited in vim'])
      await rm(join(journal, 'renamed.md'))
      await eventually(() => titles().length === 0)
      expect(reloads).toBe(0)

      // A profile edited by hand is picked up too.
      await writeFile(join(root, 'clients/dana/client.json'), JSON.stringify({ ...vault.clients.get(client.id).data, organisation: 'Northwind' }))
      await eventually(() => vault.clients.get(client.id).data?.organisation === 'Northwind')
      // A new client folder (a sync bringing a client from another machine) reads the vault again.
      await mkdir(join(root, 'clients/new-one/journal'), { recursive: true })
      await writeFile(join(root, 'clients/new-one/client.json'), JSON.stringify({ format: 1, id: 'c_new', name: 'New One' }))
      await eventually(() => vault.clients.list().some((c) => c.id === 'c_new'))
    } finally {
      stop()
    }
  })
})

describe('a file Rapport itself saved', () => {
  it('is still watched after the atomic rename: a later change by another program is seen', async () => {
    const root = await tempDir()
    const vault = await Vault.open(root)
    const client = await vault.clients.create('Renamed')
    let saved = await vault.entries.create({ clientId: client.id, folder: 'clients/renamed/journal', title: 'Ours', body: 'one\n' })
    const stop = watchVault(root, (paths) => void vault.applyChanges(paths))
    await stop.ready
    try {
      saved = await vault.entries.save({ id: saved.id, title: 'Ours', body: 'two\n', version: saved.version })
      await new Promise((r) => setTimeout(r, 400))
      await writeFile(join(root, saved.path), entry(saved.id, 'Theirs now'))
      await eventually(() => vault.entries.list(client.id)[0]?.title === 'Theirs now')
      expect(vault.info().problems).toEqual([])
    } finally {
      stop()
    }
  })
})
