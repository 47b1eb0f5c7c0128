import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/temp-vault'
import { importNotes } from '../transfer/import'
import { Vault } from './vault'
import { watchVault } from './watch'

/**
 * The watcher reports what other programs change and stays quiet about what
 * Rapport wrote itself. A quiet watcher is proved without sleeping on it: after
 * Rapport's own writes, another program writes a marker file, and the first
 * report must hold the marker and nothing of Rapport's (events reach the
 * watcher in the order the disk saw them).
 */
async function watching(root: string) {
  const reports: string[][] = []
  const stop = watchVault(root, (paths) => reports.push(paths), 50)
  await stop.ready
  let markers = 0
  /** Everything reported up to and including another program's write of a fresh marker file. */
  const reportedUntilMarker = async (): Promise<string[]> => {
    const marker = `marker-${++markers}.md`
    await writeFile(join(root, 'journal', marker), 'written by another program\n')
    const start = Date.now()
    while (!reports.flat().includes(`journal/${marker}`)) {
      if (Date.now() - start > 10_000) throw new Error('the watcher never reported the marker')
      await new Promise((r) => setTimeout(r, 10))
    }
    return reports.splice(0).flat()
  }
  return { stop, reportedUntilMarker }
}

describe('the watcher and what Rapport writes itself', () => {
  it('reports no echo of a save, a title change (rename) or a move to the trash', async () => {
    const root = await tempDir()
    const vault = await Vault.open(root)
    const client = await vault.clients.create('Quiet')
    await vault.entries.create({ clientId: null, folder: 'journal', title: 'Seed', body: 'x\n' })
    let entry = await vault.entries.create({ clientId: client.id, folder: 'clients/quiet/journal', title: 'Ours', body: 'one\n' })
    const { stop, reportedUntilMarker } = await watching(root)
    try {
      expect(await reportedUntilMarker()).toEqual(['journal/marker-1.md'])
      entry = await vault.entries.save({ id: entry.id, title: 'Ours', body: 'two\n', version: entry.version })
      entry = await vault.entries.save({ id: entry.id, title: 'Ours, renamed', body: 'three\n', version: entry.version })
      await vault.clients.update(vault.clients.get(client.id), (data) => void (data.organisation = 'Northwind'))
      const other = await vault.entries.create({ clientId: client.id, folder: 'clients/quiet/journal', title: 'Second', body: '' })
      await vault.entries.trash(other.id)
      expect(await reportedUntilMarker()).toEqual(['journal/marker-2.md'])
    } finally {
      stop()
    }
  })

  it('reports another program changing the file Rapport just saved', async () => {
    const root = await tempDir()
    const vault = await Vault.open(root)
    let entry = await vault.entries.create({ clientId: null, folder: 'journal', title: 'Shared', body: 'one\n' })
    const { stop, reportedUntilMarker } = await watching(root)
    try {
      entry = await vault.entries.save({ id: entry.id, title: 'Shared', body: 'two\n', version: entry.version })
      const onDisk = join(root, entry.path)
      const { readFile } = await import('node:fs/promises')
      // Edited in place by another editor: same file, new bytes.
      await writeFile(onDisk, (await readFile(onDisk, 'utf8')).replace('two', 'three'))
      expect(await reportedUntilMarker()).toContain(entry.path)
    } finally {
      stop()
    }
  })

  it('may stay quiet when another program writes back the very bytes Rapport wrote, and reports them when the file is new', async () => {
    const root = await tempDir()
    const vault = await Vault.open(root)
    const entry = await vault.entries.create({ clientId: null, folder: 'journal', title: 'Same bytes', body: 'one\n' })
    const { stop, reportedUntilMarker } = await watching(root)
    try {
      const onDisk = join(root, entry.path)
      const { readFile, rm } = await import('node:fs/promises')
      const bytes = await readFile(onDisk)
      // A sync tool deleting and restoring it: a new file, so it is reported (content-blind, never a missed change).
      await rm(onDisk)
      await writeFile(onDisk, bytes)
      expect(await reportedUntilMarker()).toContain(entry.path)
    } finally {
      stop()
    }
  })

  it("reports no echo of an import: its clients, and its entries, written on the import's own thread", async () => {
    const notes = await tempDir('rapport-watch-import-')
    await mkdir(join(notes, 'Northwind'))
    for (let i = 0; i < 40; i++) await writeFile(join(notes, i % 2 ? 'Northwind' : '', `note-${i}.md`), `# Note ${i}\n\nText ${i}.\n`)
    const root = await tempDir()
    const vault = await Vault.open(root)
    const { stop, reportedUntilMarker } = await watching(root)
    try {
      const report = await importNotes(vault, { paths: [notes], createClients: true, windows1252: false }, { duplicates: 'skip' })
      expect(report).toMatchObject({ status: 'done', imported: 40, clientsCreated: [{ name: 'Northwind' }] })
      expect(await reportedUntilMarker()).toEqual(['journal/marker-1.md'])
    } finally {
      stop()
    }
  })
})
