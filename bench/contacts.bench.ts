import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../src/core/fs/atomic-write'
import { importContacts } from '../src/core/contacts/contacts-import'
import { planContacts } from '../src/core/contacts/contacts-plan'
import { Vault } from '../src/core/vault/vault'
import { median, time } from './measure'
import type { Row } from './measure'
import type { BenchContext } from './run'

const THOUSAND = join(import.meta.dirname, '..', 'src', 'core', 'contacts', 'fixtures', 'thousand.vcf')

/**
 * Contacts (issue #17): the preview of a 1,000-card vCard file against the
 * synthetic vault (every card checked for duplicates among its clients and
 * people), and the import of those 1,000 contacts, one client each, into an
 * empty vault (the files read and planned again, then written), beside writing
 * the same client.json files plainly in the same run: one by one, as Rapport
 * writes any client.json (temp file, fsync, rename, fsync of the folder), and
 * with `fs.writeFile` and no flush at all. The import writes each client once,
 * flushed, several at a time, and flushes the new folders once at the end.
 */
export async function contactsBench({ vault: synthetic, scratch }: BenchContext): Promise<Row[]> {
  const rows: Row[] = []
  const vault = await Vault.open(synthetic.root)
  const previews = await time(async () => {
    const plan = await planContacts(vault, { paths: [THOUSAND] })
    if (plan.preview.contacts.length !== 1000) throw new Error(`the preview found ${plan.preview.contacts.length} contacts`)
  }, 5)
  rows.push({
    area: 'contacts',
    measure: `preview 1,000 vCards against the vault (${synthetic.clients} clients)`,
    value: median(previews),
    unit: 'ms',
    goal: '< 1,000 ms'
  })

  let n = 0
  const fresh = async (name: string): Promise<string> => {
    const dir = join(scratch, `${name}-${n++}`)
    await mkdir(dir)
    return dir
  }
  // The files' fingerprint, as the preview gave it to the person (the import reads and plans the files again itself).
  const fingerprint = (await planContacts(vault, { paths: [THOUSAND] })).preview.fingerprint
  const importOnce = async (root: string): Promise<void> => {
    const report = await importContacts(
      await Vault.open(root),
      { paths: [THOUSAND] },
      { fingerprint, shape: 'client', organisations: {}, duplicates: {}, otherDuplicates: 'skip' },
      { now: new Date() }
    )
    if (report.clientsCreated.length !== 1000)
      throw new Error(`the import created ${report.clientsCreated.length} clients: ${JSON.stringify(report.problems.slice(0, 3))}`)
  }
  // What the import writes, to write again plainly: taken from one import's own files.
  const sample = await fresh('sample')
  await importOnce(sample)
  const files = await Promise.all(
    (await readdir(join(sample, 'clients'))).map(async (slug) => ({ slug, text: await readFile(join(sample, 'clients', slug, 'client.json'), 'utf8') }))
  )
  // Interleaved, so a disk that gets busier or quieter during the run weighs on all three the same.
  const durable: number[] = []
  const unflushed: number[] = []
  const imports: number[] = []
  const writeAll = async (write: (path: string, text: string) => Promise<void>): Promise<void> => {
    const target = await fresh('plain')
    for (const { slug, text } of files) {
      await mkdir(join(target, 'clients', slug, 'journal'), { recursive: true })
      await write(join(target, 'clients', slug, 'client.json'), text)
    }
  }
  for (let run = 0; run < 3; run++) {
    durable.push(...(await time(() => writeAll((path, text) => writeFileAtomic(path, text)), 1, 0)))
    unflushed.push(...(await time(() => writeAll((path, text) => writeFile(path, text)), 1, 0)))
    const importTarget = await fresh('import')
    imports.push(...(await time(() => importOnce(importTarget), 1, 0)))
  }
  const imported = median(imports.sort((a, b) => a - b))
  const measure = 'import 1,000 contacts as clients into an empty vault (read, plan, write)'
  rows.push({
    area: 'contacts',
    measure,
    value: imported,
    unit: 'ms',
    baseline: {
      label: 'the same client.json files written plainly, one by one, as Rapport writes any (atomic, flushed)',
      value: median(durable.sort((a, b) => a - b))
    },
    goal: '< 3×'
  })
  rows.push({
    area: 'contacts',
    measure,
    value: imported,
    unit: 'ms',
    baseline: { label: 'the same files with fs.writeFile, not flushed to disk', value: median(unflushed.sort((a, b) => a - b)) }
  })
  return rows
}
