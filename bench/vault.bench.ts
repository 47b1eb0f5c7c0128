import { copyFile, open, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { watchVault } from '../src/core/vault/watch'
import { Vault } from '../src/core/vault/vault'
import { fileVersion } from '../src/core/fs/file-version'
import type { BenchContext } from './run'
import { median, p95, time } from './measure'
import type { Row } from './measure'
import { entryBody } from './synthetic-vault'

/** Every file under a folder, read raw: the baseline for opening the vault. */
async function readAllRaw(root: string): Promise<number> {
  let bytes = 0
  const walk = async (dir: string): Promise<void> => {
    for (const item of await readdir(dir, { withFileTypes: true })) {
      if (item.isDirectory()) await walk(join(dir, item.name))
      else bytes += (await readFile(join(dir, item.name))).byteLength
    }
  }
  await walk(join(root, 'clients'))
  return bytes
}

/** path → "inode:mtime:size" of every file under a folder (the app's own .rapport folder included). */
async function fileStates(root: string): Promise<Map<string, string>> {
  const states = new Map<string, string>()
  const walk = async (dir: string): Promise<void> => {
    for (const item of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, item.name)
      if (item.isDirectory()) await walk(path)
      else {
        const info = await stat(path)
        states.set(path, `${info.ino}:${info.mtimeMs}:${info.size}`)
      }
    }
  }
  await walk(root)
  return states
}

/** Copies `count` entries of the vault as Syncthing names its conflicting copies (same text, same id); returns their paths. */
async function syncCopiesOf(root: string, count: number): Promise<string[]> {
  const made: string[] = []
  for (const client of await readdir(join(root, 'clients'))) {
    const journal = join(root, 'clients', client, 'journal')
    for (const name of (await readdir(journal).catch(() => [])).filter((n) => n.endsWith('.md'))) {
      if (made.length >= count) return made
      const copy = join(journal, name.replace(/\.md$/, '.sync-conflict-20261207-101500-ABCDEFG.md'))
      await copyFile(join(journal, name), copy)
      made.push(copy)
      break // one per client: copies spread over the vault
    }
  }
  return made
}

/** About what the history retention rule keeps of an entry written to every day for a year (history/retention.ts). */
const HISTORY_SNAPSHOTS = 200

/** What the save path must at least do: a temp file, its bytes, fsync, rename, folder fsync. */
async function rawDurableWrite(path: string, data: string): Promise<void> {
  const temp = `${path}.raw-tmp`
  const handle = await open(temp, 'w')
  await handle.writeFile(data)
  await handle.sync()
  await handle.close()
  await rename(temp, path)
  const folder = await open(join(path, '..'), 'r')
  await folder.sync()
  await folder.close()
}

export async function vaultBench({ vault: synthetic, scratch }: BenchContext): Promise<Row[]> {
  const rows: Row[] = []
  const raw = await time(() => readAllRaw(synthetic.root), 3)
  const opened = await time(() => Vault.open(synthetic.root), 3)
  rows.push({
    area: 'vault',
    measure: `open (${synthetic.entries} entries, ${synthetic.clients} clients)`,
    value: median(opened),
    unit: 'ms',
    baseline: { label: 'raw read of the same files', value: median(raw) }
  })

  // Sync tools' copies are read at open (one with another id is an entry of its own): 100 copies of entries, same ids.
  // The baseline is measured again here, in turn with the copies, so the order of the runs (a warmer cache, a fuller heap) weighs on neither.
  const withoutCopies: number[] = []
  const withCopies: number[] = []
  for (let run = 0; run < 3; run++) {
    withoutCopies.push(...(await time(() => Vault.open(synthetic.root), 1, 0)))
    const copies = await syncCopiesOf(synthetic.root, 100)
    try {
      withCopies.push(...(await time(() => Vault.open(synthetic.root), 1, 0)))
    } finally {
      await Promise.all(copies.map((copy) => unlink(copy)))
    }
  }
  rows.push({
    area: 'vault',
    measure: 'open with 100 Syncthing copies beside the entries',
    value: median(withCopies.sort((a, b) => a - b)),
    unit: 'ms',
    baseline: { label: 'open without them, in turn', value: median(withoutCopies.sort((a, b) => a - b)) }
  })

  // Saving a 5,000-word entry, against the bare minimum a durable write costs. The two take turns, save then raw
  // write, so the disk's mood (another process's flushes, writeback of earlier suites) weighs on both alike.
  const vault = await Vault.open(scratch)
  let entry = await vault.entries.create({ clientId: null, folder: 'journal', title: 'Long entry', body: 'start\n' })
  let n = 0
  const big = (i: number): string => `${entryBody(() => ((i * 7919 + n++ * 104729) % 1000) / 1000, 5000)}\n${i}\n`
  const sample = big(0)
  const rawPath = join(scratch, 'raw-baseline.md')
  const save = async (body: string): Promise<void> => {
    entry = await vault.entries.save({ id: entry.id, title: 'Long entry', body, version: entry.version })
  }
  const inTurn = async (runs: number): Promise<{ saves: number[]; raws: number[] }> => {
    const saves: number[] = []
    const raws: number[] = []
    for (let run = 0; run < runs + 1; run++) {
      // The new text is made before the clock starts: the raw write is handed its bytes ready too.
      const body = big(n)
      const [saved, raw] = [await time(() => save(body), 1, 0), await time(() => rawDurableWrite(rawPath, sample), 1, 0)]
      // The first pair warms up (the entry's history snapshot is taken then, as on the first save of a sitting).
      if (run === 0) continue
      saves.push(...saved)
      raws.push(...raw)
    }
    return { saves: saves.sort((a, b) => a - b), raws: raws.sort((a, b) => a - b) }
  }
  const plain = await inTurn(31)
  rows.push({
    area: 'vault',
    measure: `save a 5,000-word entry (${Math.round(sample.length / 1024)} KB)`,
    value: median(plain.saves),
    unit: 'ms',
    baseline: { label: 'temp write + fsync + rename + folder fsync, in turn', value: median(plain.raws) },
    goal: '≤ 2×'
  })

  // The same entry after a year of daily writing: its history holds about as many snapshots as the retention rule keeps.
  const historyFolder = join(scratch, '.rapport', 'history', entry.id)
  for (let day = 1; day <= HISTORY_SNAPSHOTS; day++) {
    const at = new Date(Date.now() - day * 36 * 60 * 60_000).toISOString().replace(/[-:.]/g, '')
    await writeFile(join(historyFolder, `${at}.md`), sample)
  }
  const withHistory = await inTurn(31)
  rows.push({
    area: 'vault',
    measure: `save it with ${HISTORY_SNAPSHOTS} history snapshots kept`,
    value: median(withHistory.saves),
    unit: 'ms',
    baseline: { label: 'temp write + fsync + rename + folder fsync, in turn', value: median(withHistory.raws) },
    goal: '≤ 2×'
  })

  // A save that changes nothing writes nothing: every file's inode, mtime and size are compared before and after.
  const filesBefore = await fileStates(scratch)
  for (let i = 0; i < 20; i++) entry = await vault.entries.save({ id: entry.id, title: 'Long entry', body: entry.body, version: entry.version })
  const filesAfter = await fileStates(scratch)
  let rewritten = 0
  for (const [path, state] of filesAfter) if (filesBefore.get(path) !== state) rewritten += Number(state.split(':')[2])
  rows.push({ area: 'vault', measure: 'bytes written by 20 saves that changed nothing', value: rewritten, unit: 'B', goal: '0' })

  // An external change (another editor, a sync tool) seen by the watcher.
  const latencies: number[] = []
  let resolveSeen: (() => void) | null = null
  const stop = watchVault(scratch, () => resolveSeen?.())
  await stop.ready
  for (let i = 0; i < 10; i++) {
    const seen = new Promise<void>((resolve) => (resolveSeen = resolve))
    const start = performance.now()
    await writeFile(join(scratch, 'journal', `external-${i}.md`), `---\nid: e_ext${i}\n---\n\nfrom elsewhere ${i}\n`)
    await seen
    latencies.push(performance.now() - start)
  }
  stop()
  latencies.sort((a, b) => a - b)
  rows.push({ area: 'vault', measure: 'external change seen by the app (p95, includes 150 ms batching)', value: p95(latencies), unit: 'ms', goal: '≤ 1000 ms' })
  rows.push({ area: 'vault', measure: 'fingerprint of a 5,000-word entry', value: median(await time(() => fileVersion(sample), 20)), unit: 'ms' })
  return rows
}
