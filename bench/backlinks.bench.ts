/**
 * Backlinks (issue #12): a client with 1,000 entries that mention its people.
 * - warm `backlinks:of` for one person (p50/p95), goal < 50 ms, beside a naive
 *   scan that reads every entry file and looks for the mention;
 * - the index built from nothing (the first query after the vault is open).
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { formatJson } from '../src/core/fs/durable-json-file'
import { serializeEntryFile } from '../src/core/entries/entry-file'
import { findMentions } from '../src/core/mentions/find-mentions'
import { VaultIndexes } from '../src/core/search/vault-indexes'
import { Vault } from '../src/core/vault/vault'
import { mentionMarkdown } from '../src/shared/mentions'
import type { BenchContext } from './run'
import { entryBody } from './synthetic-vault'
import { median, p95, time } from './measure'
import type { Row } from './measure'

const ENTRIES = 1000
const PEOPLE = 20

function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296
    return state / 4294967296
  }
}

async function writeClientWithMentions(root: string): Promise<string[]> {
  const next = random(7)
  const clientId = 'c_BACKLINKS0000000000000000'
  const people = Array.from({ length: PEOPLE }, (_, i) => ({ id: `p_BENCH${String(i).padStart(19, '0')}`, name: `Person ${i} Example` }))
  await mkdir(join(root, 'clients/northwind/journal'), { recursive: true })
  await writeFile(join(root, 'rapport.json'), formatJson({ format: 1, createdAt: '2024-01-01T00:00:00.000Z', settings: {} }))
  await writeFile(
    join(root, 'clients/northwind/client.json'),
    formatJson({ format: 1, id: clientId, name: 'Northwind', commitments: [], interactions: [], people, tags: [] })
  )
  for (let e = 0; e < ENTRIES; e++) {
    const created = new Date(Date.UTC(2022, 0, 1) + e * 36e5 * 20).toISOString()
    const mentioned = [0, 1, 2].slice(0, 1 + Math.floor(next() * 3)).map(() => people[Math.floor(next() * PEOPLE)]!)
    const body = `${mentioned.map((p) => `Spoke with ${mentionMarkdown(p.name, { kind: 'person', id: p.id })} about the plan.`).join(' ')}\n\n${entryBody(next, 150 + Math.floor(next() * 300))}`
    const id = `e_BL${String(e).padStart(22, '0')}`
    await writeFile(
      join(root, 'clients/northwind/journal', `${created.slice(0, 10)}-entry-${e}.md`),
      serializeEntryFile(null, { id, client: clientId, title: `Entry ${e}`, created, updated: created, tags: [] }, body)
    )
  }
  return people.map((p) => p.id)
}

/** Without an index: read every entry of the client and look for the person's mentions in each. */
async function naiveBacklinks(journal: string, personId: string): Promise<number> {
  let found = 0
  for (const name of await readdir(journal)) {
    const text = await readFile(join(journal, name), 'utf8')
    if (text.includes(personId)) found += findMentions(text).filter((m) => m.id === personId).length
  }
  return found
}

export async function backlinksBench({ scratch }: BenchContext): Promise<Row[]> {
  const root = join(scratch, 'backlinks-vault')
  const people = await writeClientWithMentions(root)
  const journal = join(root, 'clients/northwind/journal')

  // The baseline for the first build: every entry file read, one after another.
  const files = (await readdir(journal)).map((name) => join(journal, name))
  const rawRead = await time(async () => {
    for (const file of files) await readFile(file)
  }, 3)

  const vault = await Vault.open(root)
  const coldStart = performance.now()
  const indexes = new VaultIndexes(vault)
  const index = indexes.backlinks
  await index.of(people[0]!)
  const cold = performance.now() - coldStart

  let k = 0
  const warm = await time(() => index.of(people[k++ % PEOPLE]!), 200, 5)
  const naive = await time(() => naiveBacklinks(journal, people[k++ % PEOPLE]!), 5, 1)
  const rows = (await index.of(people[0]!)).length
  // Write the cache now, so no timer writes into the scratch folder while the run removes it.
  await index.persist()
  indexes.close()
  return [
    {
      area: 'backlinks',
      measure: `warm query p50 (${ENTRIES} entries, ~${rows} mentions of one person)`,
      value: median(warm),
      unit: 'ms',
      baseline: { label: 'naive scan of every entry file', value: median(naive) },
      goal: '< 50 ms'
    },
    { area: 'backlinks', measure: 'warm query p95', value: p95(warm), unit: 'ms', goal: '< 50 ms' },
    {
      area: 'backlinks',
      measure: `index built from the files, no cache (first query, ${ENTRIES} entries)`,
      value: cold,
      unit: 'ms',
      baseline: { label: `raw read of the ${ENTRIES} entry files`, value: median(rawRead) },
      goal: '≤ 2×'
    }
  ]
}
