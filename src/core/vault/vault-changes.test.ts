import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/temp-vault'
import { Vault } from './vault'

const entry = (id: string, title: string) => `---\nid: ${id}\ntitle: ${title}\ncreated: 2026-11-20T10:00:00.000Z\n---\n\ntext\n`

describe('what applyChanges says changed (the payload of vault:changed)', () => {
  it('names entries by id and client, clients by id, and templates, settings and folders as structure', async () => {
    const root = await tempDir()
    const vault = await Vault.open(root)
    const dana = await vault.clients.create('Dana')
    const journal = join(root, 'clients/dana/journal')

    await writeFile(join(journal, 'a.md'), entry('e_a', 'Added'))
    expect(await vault.applyChanges(['clients/dana/journal/a.md'])).toEqual({ entries: [{ id: 'e_a', clientId: dana.id }], clients: [], structure: [] })

    await rm(join(journal, 'a.md'))
    expect(await vault.applyChanges(['clients/dana/journal/a.md'])).toEqual({
      entries: [{ id: 'e_a', clientId: dana.id, removed: true }],
      clients: [],
      structure: []
    })

    await mkdir(join(root, 'journal'), { recursive: true })
    await writeFile(join(root, 'journal', 'unfiled.md'), entry('e_u', 'Nobody’s'))
    expect((await vault.applyChanges(['journal/unfiled.md'])).entries).toEqual([{ id: 'e_u', clientId: null }])
    expect(vault.info().unfiledEntries).toBe(1)

    await writeFile(join(root, 'clients/dana/client.json'), JSON.stringify({ ...vault.clients.get(dana.id).data, role: 'COO' }))
    expect(await vault.applyChanges(['clients/dana/client.json'])).toEqual({ entries: [], clients: [{ id: dana.id }], structure: [] })

    await mkdir(join(root, 'templates'), { recursive: true })
    await writeFile(join(root, 'templates', 'mine.md'), '# Mine\n')
    expect(await vault.applyChanges(['templates/mine.md'])).toEqual({ entries: [], clients: [], structure: ['templates'] })

    await mkdir(join(root, 'clients/new-one/journal'), { recursive: true })
    expect((await vault.applyChanges(['clients/new-one'])).structure).toEqual(['folders'])
  })

  it('names the entry a sync tool put a conflicting copy beside', async () => {
    const root = await tempDir()
    const vault = await Vault.open(root)
    await mkdir(join(root, 'journal'), { recursive: true })
    await writeFile(join(root, 'journal', 'scope.md'), entry('e_scope', 'Scope'))
    await vault.applyChanges(['journal/scope.md'])
    await writeFile(join(root, 'journal', 'scope.sync-conflict-20261122-103000-ABCDEFG.md'), entry('e_scope', 'Other laptop'))
    expect((await vault.applyChanges(['journal/scope.sync-conflict-20261122-103000-ABCDEFG.md'])).entries).toEqual([{ id: 'e_scope', clientId: null }])
    expect(vault.entries.conflicts()).toHaveLength(1)
  })
})
