import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/temp-vault'
import { Vault } from './vault'

async function copyFixture(name: string): Promise<string> {
  const dir = await tempDir()
  await cp(join(import.meta.dirname, 'fixtures', name), dir, { recursive: true })
  return dir
}

describe('vault format versions', () => {
  it('an older vault is migrated on open, after a backup of every file it changes', async () => {
    const dir = await copyFixture('format-0')
    const originalClient = await readFile(join(dir, 'clients/northwind/client.json'), 'utf8')
    const vault = await Vault.open(dir)
    const info = vault.info()
    expect(info).toMatchObject({ format: 1, readOnly: false, problems: [], migrated: { from: 0, to: 1 } })
    expect(await readFile(join(dir, info.migrated?.backup ?? '', 'clients/northwind/client.json'), 'utf8')).toBe(originalClient)
    const client = JSON.parse(await readFile(join(dir, 'clients/northwind/client.json'), 'utf8'))
    expect(client).toMatchObject({ format: 1, name: 'Northwind Traders', crmId: 'NW-42' })
    const manifest = JSON.parse(await readFile(join(dir, 'rapport.json'), 'utf8'))
    expect(manifest).toMatchObject({ format: 1, settings: { quietAfterDays: 21 } })
    expect(vault.entries.list(client.id).map((e) => e.title)).toEqual(['Kickoff'])
    // Opening again does nothing more.
    expect((await Vault.open(dir)).info().migrated).toBeUndefined()
  })

  it('a vault from a newer Rapport opens read-only, says why, and is not changed', async () => {
    const dir = await copyFixture('format-99')
    const before = await readFile(join(dir, 'rapport.json'), 'utf8')
    const vault = await Vault.open(dir)
    expect(vault.info()).toMatchObject({ readOnly: true, readOnlyReason: expect.stringMatching(/newer Rapport \(format 99; this one reads format 1\)/) })
    expect(vault.entries.list(null).map((e) => e.title)).toEqual(['From the future'])
    expect(() => vault.assertWritable()).toThrow(/read-only/)
    expect(await readFile(join(dir, 'rapport.json'), 'utf8')).toBe(before)
  })
})
