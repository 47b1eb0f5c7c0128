import { cp, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { exportTo } from '../src/core/transfer/export'
import { importNotes } from '../src/core/transfer/import'
import { ImportThread } from '../src/core/transfer/import-thread'
import { Vault } from '../src/core/vault/vault'
import type { ExportOptions } from '../src/shared/contract/transfer'
import { described, idleLoop, LoopBlocks } from './loop-blocks'
import type { LoopReport } from './loop-blocks'
import { median, time } from './measure'
import type { Row } from './measure'
import type { BenchContext } from './run'

const withFrontMatter: ExportOptions = { frontMatter: true, history: false, dossier: false }

/**
 * Export of the whole vault as Markdown, and import of that export into an
 * empty vault, each beside a raw recursive copy (`fs.cp`) of the same files
 * in the same run. An export writes new files without flushing each one to
 * disk (as a copy does); an import writes through the vault's stores, which
 * flush every entry (temp file, fsync, rename) and each folder once at the
 * end of the run (see EntryStore.startAdoption); the notes are read, parsed
 * and written on the import's own threads (import-thread.ts, fs/new-files.ts). The core is
 * called directly, not through the contract, so the search index the
 * handlers would start in the background does not share the measurement.
 */
export async function transferBench({ vault: synthetic, scratch }: BenchContext): Promise<Row[]> {
  const rows: Row[] = []
  const vault = await Vault.open(synthetic.root)
  let n = 0
  const fresh = (name: string): string => join(scratch, `${name}-${n++}`)
  const exportAll = async (target: string, options = withFrontMatter): Promise<void> => {
    const report = await exportTo(vault, { scope: { all: true }, options, target, overwrite: false }, { timeZone: 'Europe/London' })
    if (report.status !== 'done' || report.written !== synthetic.entries + synthetic.clients) throw new Error(`the export wrote ${report.written} files`)
  }

  // Interleaved, so a machine that gets busier or quieter during the run weighs on both the same.
  const rawVault: number[] = []
  const exports: number[] = []
  for (let run = 0; run < 3; run++) {
    rawVault.push(...(await time(() => cp(synthetic.root, fresh('raw-vault'), { recursive: true }), 1, run === 0 ? 1 : 0)))
    exports.push(...(await time(() => exportAll(fresh('export')), 1, run === 0 ? 1 : 0)))
  }
  const raw = { label: 'raw recursive copy of the vault (fs.cp)', value: median(rawVault.sort((a, b) => a - b)) }
  rows.push({
    area: 'transfer',
    measure: `export the vault (${synthetic.entries} entries, ${synthetic.clients} clients) as Markdown`,
    value: median(exports.sort((a, b) => a - b)),
    unit: 'ms',
    baseline: raw,
    goal: '≤ 2×'
  })
  const readable = await time(() => exportAll(fresh('export-readable'), { ...withFrontMatter, frontMatter: false }), 1, 0)
  rows.push({
    area: 'transfer',
    measure: 'export the vault without front matter (title heading, date line)',
    value: median(readable),
    unit: 'ms',
    baseline: raw
  })

  // Import: one export, into a new empty vault each time, beside a raw copy of that export.
  const source = fresh('source')
  await exportAll(source)
  const rawSource = await time(() => cp(source, fresh('raw-export'), { recursive: true }), 3)
  // From source, the import's worker is bundled by esbuild on first use (the built app ships it prebuilt): bundled
  // before the clock starts. Starting the worker itself, which every import does, is measured.
  const warm = new ImportThread()
  await warm.onItsOwnThread()
  warm.close()
  const idle = await idleLoop(2000)
  const watched: LoopReport[] = []
  const imports = await time(
    async () => {
      const target = fresh('vault')
      await mkdir(target)
      const blocks = await LoopBlocks.during(async () => {
        const report = await importNotes(await Vault.open(target), { paths: [source], createClients: true, windows1252: false }, { duplicates: 'skip' })
        if (report.imported !== synthetic.entries)
          throw new Error(`the import wrote ${report.imported} entries: ${JSON.stringify(report.problems.slice(0, 3))}`)
      })
      watched.push(blocks)
    },
    1,
    0
  )
  rows.push({
    area: 'transfer',
    measure: `import that export into an empty vault (${synthetic.entries} entries, each flushed to disk)`,
    value: median(imports),
    unit: 'ms',
    baseline: { label: 'raw recursive copy of the export (fs.cp)', value: median(rawSource) },
    goal: '≤ 3×'
  })
  const importBlock = watched[0]
  if (!importBlock) throw new Error('no import was watched')
  rows.push({
    area: 'transfer',
    measure: `longest event-loop block during that import (${synthetic.entries} notes; ${described(importBlock)})`,
    value: importBlock.maxMs,
    unit: 'ms',
    baseline: { label: `idle event loop, 2 s (${described(idle)})`, value: idle.maxMs },
    goal: '≤ 16 ms'
  })
  return rows
}
