import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { briefHandlers } from '../src/core/brief/handlers'
import { HISTORY_CLIENT_ID, writeYearsOfHistory } from '../src/core/testing/years-of-history'
import { checkoutResourcesDir } from '../src/core/resources'
import { Vault } from '../src/core/vault/vault'
import type { BenchContext } from './run'
import { median, p95, time } from './measure'
import type { Row } from './measure'

const ENTRIES = 1_000
const INTERACTIONS = 2_000
const RUNS = 20

/** Every file of one client's folder (client.json and the whole journal), read raw: what "reading that client" costs at least. */
async function readFolderRaw(folder: string): Promise<number> {
  let bytes = 0
  for (const item of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (item.isFile()) bytes += (await readFile(join(item.parentPath, item.name))).byteLength
  }
  return bytes
}

/**
 * The prep brief of a client with 1,000 entries and 2,000 interactions
 * (years of history), made warm as the app makes it — the vault open, the
 * journal listed in memory — and turned into Markdown (`brief:markdown`);
 * beside the raw read of that client's files. Goal: under 100 ms.
 */
export async function briefBench({ scratch }: BenchContext): Promise<Row[]> {
  const folder = await writeYearsOfHistory(scratch, { today: '2026-11-23', years: 3, entries: ENTRIES, interactions: INTERACTIONS, wordsPerEntry: 500 })
  const vault = await Vault.open(scratch)
  // Through the channel the app calls (assembleBrief, then briefToMarkdown), at a fixed moment so every run makes the same page.
  const handlers = briefHandlers(
    vault,
    { resourcesDir: checkoutResourcesDir },
    { now: () => new Date('2026-11-23T10:00:00Z'), timeZone: () => 'Europe/London' }
  )
  let markdown = ''
  const briefs = await time(
    async () => {
      markdown = (await handlers['brief:markdown']({ clientId: HISTORY_CLIENT_ID })).markdown
    },
    RUNS,
    3
  )
  const raw = await time(() => readFolderRaw(folder), RUNS, 3)
  if (!markdown.startsWith('# Dana Whitfield')) throw new Error('The brief benchmark made no brief.')
  const what = `${ENTRIES.toLocaleString('en')} entries, ${INTERACTIONS.toLocaleString('en')} interactions`
  const baseline = { label: 'raw read of that client’s files', value: median(raw) }
  return [
    { area: 'brief', measure: `assemble + Markdown, median (${what})`, value: median(briefs), unit: 'ms', baseline, goal: '< 100 ms' },
    {
      area: 'brief',
      measure: `assemble + Markdown, p95 (${what})`,
      value: p95(briefs),
      unit: 'ms',
      baseline: { ...baseline, value: p95(raw) },
      goal: '< 100 ms'
    }
  ]
}
