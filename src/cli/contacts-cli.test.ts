import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import VCard from 'vcf'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../core/testing/temp-vault'
import { rapport } from './testing/run-cli'

const fixture = (name: string): string => join(__dirname, '../core/contacts/fixtures', name)

describe('rapport import-contacts and export-contacts', () => {
  it('--dry-run shows both shapes and the duplicates, and writes nothing', async () => {
    const vault = await tempDir()
    await rapport(['client', 'add', 'Yuki Tanaka', '--vault', vault])
    const dry = await rapport(['import-contacts', fixture('google.csv'), fixture('linkedin.csv'), '--dry-run', '--vault', vault])
    expect(dry.code).toBe(0)
    expect(dry.out).toContain(`${fixture('google.csv')}: Google Contacts CSV, 3 contacts`)
    expect(dry.out).toContain(`${fixture('linkedin.csv')}: LinkedIn connections CSV, 3 contacts`)
    expect(dry.out).toContain('→ each contact a client: 5 new clients')
    expect(dry.out).toContain('grouped by organisation (--group-by-organisation): 3 new clients, 5 people')
    expect(dry.out).toContain(
      '1 likely duplicate (skipped; --duplicates skip|merge|keep):\n  Yuki Tanaka: same name and organisation as the client Yuki Tanaka'
    )
    expect(await readdir(join(vault, 'clients'))).toEqual(['yuki-tanaka'])
  })

  it('imports grouped by organisation, finds every duplicate the second time, and exports vCard 4.0 (--json)', async () => {
    const vault = await tempDir()
    const first = await rapport(['import-contacts', fixture('linkedin.csv'), '--group-by-organisation', '--vault', vault])
    expect(first).toMatchObject({ code: 0, out: 'Imported contacts: created 2 clients, added 3 people.' })
    const again = await rapport(['import-contacts', fixture('linkedin.csv'), '--group-by-organisation', '--json', '--vault', vault])
    expect(JSON.parse(again.out)).toMatchObject({ status: 'done', clientsCreated: [], peopleAdded: 0, skipped: 3 })

    const out = join(await tempDir(), 'contoso.vcf')
    const exported = await rapport(['export-contacts', '--client', 'contoso', '--out', out, '--json', '--vault', vault])
    expect(JSON.parse(exported.out)).toEqual({ path: out, clients: 1, people: 2 })
    expect(VCard.parse(await readFile(out, 'utf8')).map((c) => c.get('title')?.valueOf())).toEqual([undefined, 'VP\\, Sales', 'Procurement Lead'])
  })

  it('says what is wrong: no files (exit 2), an unknown --duplicates (exit 2), an unreadable file (exit 1)', async () => {
    const vault = await tempDir()
    expect(await rapport(['import-contacts', '--vault', vault])).toMatchObject({ code: 2, err: expect.stringMatching(/one or more \.vcf or \.csv files/) })
    expect(await rapport(['import-contacts', fixture('google.csv'), '--duplicates', 'maybe', '--vault', vault])).toMatchObject({ code: 2 })
    const missing = await rapport(['import-contacts', join(vault, 'nope.vcf'), '--vault', vault])
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('nope.vcf: there is no such file') })
    expect(await rapport(['export-contacts', '--vault', vault])).toMatchObject({ code: 2, err: expect.stringMatching(/--out FILE/) })
  })
})
