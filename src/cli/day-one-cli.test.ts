import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../core/testing/temp-vault'
import { rapport } from './testing/run-cli'

const EXPORT = join(__dirname, '../core/transfer/fixtures/day-one/Day One export.zip')

describe('rapport import-day-one', () => {
  it('--dry-run shows where each journal would go; the import sends them there with their photos; doctor finds nothing wrong', async () => {
    const vault = await tempDir()
    await rapport(['client', 'add', 'Northwind', '--vault', vault])
    const dry = await rapport(['import-day-one', EXPORT, '--journal', 'Journal=-', '--dry-run', '--vault', vault])
    expect(dry).toMatchObject({ code: 0 })
    expect(dry.out).toContain('  Journal: 1 entry, 0 photos → left out')
    expect(dry.out).toContain('  Northwind: 2 entries, 2 photos → Northwind')
    const run = await rapport(['import-day-one', EXPORT, '--vault', vault])
    expect(run).toMatchObject({ code: 0, out: 'Imported 3 entries with 2 photos.' })
    expect((await readdir(join(vault, 'clients/northwind/attachments'))).sort()).toEqual(['photo-2026-11-20.jpg', 'photo-2026-11-20.png'])
    const doctor = await rapport(['doctor', '--vault', vault])
    expect(doctor.code).toBe(0)
  })

  it('a journal name it does not have, and a hostile zip, are told in words', async () => {
    const vault = await tempDir()
    expect(await rapport(['import-day-one', EXPORT, '--journal', 'Work=Northwind', '--vault', vault])).toMatchObject({
      code: 1,
      err: expect.stringContaining('has no journal named "Work"')
    })
    const hostile = await rapport(['import-day-one', join(__dirname, '../core/transfer/fixtures/day-one/hostile-traversal.zip'), '--vault', vault])
    expect(hostile.code).toBe(1)
    expect(hostile.err).toContain('leads outside the folder it unpacks into')
  })
})
