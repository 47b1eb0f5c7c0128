/**
 * `npm run bench`: builds a realistic synthetic vault (500 clients, 10,000
 * entries by default), runs every suite against it, prints one table and
 * writes bench/results.json. Every timing that has one stands beside a
 * baseline measured in the same run on the same machine.
 *   npm run bench -- --entries 2000 --clients 100
 *   npm run bench -- --only transfer,search     (some suites; results.json holds just their rows)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { attachmentsBench } from './attachments.bench'
import { backlinksBench } from './backlinks.bench'
import { briefBench } from './brief.bench'
import { cliBench } from './cli.bench'
import { contactsBench } from './contacts.bench'
import { cryptoBench } from './crypto.bench'
import { encryptionBench } from './encryption.bench'
import { markdownBench } from './markdown.bench'
import { printTable } from './measure'
import type { Row } from './measure'
import { searchBench } from './search.bench'
import { selectSuites, UnknownSuiteError } from './suites'
import { writeSyntheticVault } from './synthetic-vault'
import type { SyntheticVault } from './synthetic-vault'
import { transferBench } from './transfer.bench'
import { vaultBench } from './vault.bench'
import { coachBench } from './coach.bench'
import { calendarBench } from './calendar.bench'
import { doctorBench } from './doctor.bench'

export interface BenchContext {
  vault: SyntheticVault
  /** An empty folder for suites that write. */
  scratch: string
}

/** Every suite, by the name `--only` knows it by, in the order they run. */
const suites = {
  vault: vaultBench,
  markdown: markdownBench,
  brief: briefBench,
  coach: coachBench,
  transfer: transferBench,
  search: searchBench,
  backlinks: backlinksBench,
  cli: cliBench,
  crypto: cryptoBench,
  encryption: encryptionBench,
  contacts: contactsBench,
  attachments: attachmentsBench,
  calendar: calendarBench,
  doctor: doctorBench
} satisfies Record<string, (ctx: BenchContext) => Promise<Row[]>>
type SuiteName = keyof typeof suites

const { values } = parseArgs({
  options: { entries: { type: 'string', default: '10000' }, clients: { type: 'string', default: '500' }, only: { type: 'string', multiple: true } }
})
let chosen: SuiteName[]
try {
  chosen = selectSuites(Object.keys(suites) as SuiteName[], values.only)
} catch (error) {
  if (!(error instanceof UnknownSuiteError)) throw error
  // Before the synthetic vault is made: a typo costs nothing. Exit 2 is wrong usage, as for the CLI.
  console.error(error.message)
  process.exit(2)
}
const root = await mkdtemp(join(tmpdir(), 'rapport-bench-'))
try {
  const started = performance.now()
  const vault = await writeSyntheticVault(join(root, 'vault'), Number(values.clients), Number(values.entries))
  console.log(
    `Synthetic vault: ${vault.clients} clients, ${vault.entries} entries, ${(vault.bytes / 1e6).toFixed(1)} MB (made in ${Math.round(performance.now() - started)} ms)\n`
  )
  const rows: Row[] = []
  for (const name of chosen) {
    const scratch = await mkdtemp(join(root, 'scratch-'))
    rows.push(...(await suites[name]({ vault, scratch })))
  }
  printTable(rows)
  const results = { date: new Date().toISOString(), node: process.version, entries: vault.entries, clients: vault.clients, rows }
  await writeFile(join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log('\nWritten to bench/results.json')
} finally {
  await rm(root, { recursive: true, force: true, maxRetries: 5 })
}
