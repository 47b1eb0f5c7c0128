import { cp, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { checkoutResourcesDir } from '../src/core/resources'
import { createDispatch, createHandlers } from '../src/core/service'
import type { ShellPorts } from '../src/core/service'
import { Vault } from '../src/core/vault/vault'
import type { Channel, Input, Output } from '../src/shared/api'
import { median, time } from './measure'
import type { Row } from './measure'
import type { BenchContext } from './run'

const shell: ShellPorts = {
  resourcesDir: checkoutResourcesDir,
  chooseSavePath: async () => null,
  chooseFolder: async () => null,
  openExternal: async () => undefined,
  flushed: () => undefined
}

/** Calls a channel through the contract, as the app does; a failure stops the bench. */
function contractOf(vault: Vault) {
  const dispatch = createDispatch(createHandlers(vault, shell))
  return async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const result = await dispatch(channel, input)
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
    return result.value as Output<C>
  }
}

/**
 * Export of the whole vault as Markdown, and import of that export into an
 * empty vault, each beside a raw recursive copy (`fs.cp`) of the same files
 * in the same run. An export writes new files without flushing each one to
 * disk (as a copy does); an import writes through the vault's stores, which
 * flush every entry to disk (temp file, fsync, rename, folder fsync).
 */
export async function transferBench({ vault: synthetic, scratch }: BenchContext): Promise<Row[]> {
  const rows: Row[] = []
  const vault = await Vault.open(synthetic.root)
  const call = contractOf(vault)
  let n = 0
  const fresh = (name: string): string => join(scratch, `${name}-${n++}`)

  const rawVault = await time(() => cp(synthetic.root, fresh('raw-vault'), { recursive: true }), 3)
  const exports = await time(async () => {
    const report = await call('export:run', { scope: { all: true }, target: fresh('export') })
    if (report?.status !== 'done' || report.written !== synthetic.entries + synthetic.clients) throw new Error(`export wrote ${report?.written} files`)
  }, 3)
  const raw = { label: 'raw recursive copy of the vault (fs.cp)', value: median(rawVault) }
  rows.push({ area: 'transfer', measure: `export the vault (${synthetic.entries} entries, ${synthetic.clients} clients) as Markdown`, value: median(exports), unit: 'ms', baseline: raw, goal: '≤ 2×' })
  const readable = await time(() => call('export:run', { scope: { all: true }, options: { frontMatter: false }, target: fresh('export-readable') }), 1)
  rows.push({ area: 'transfer', measure: 'export the vault without front matter (title heading, date line)', value: median(readable), unit: 'ms', baseline: raw })

  // Import: one export, into a new empty vault each time, beside a raw copy of that export.
  const source = fresh('source')
  await call('export:run', { scope: { all: true }, target: source })
  const rawSource = await time(() => cp(source, fresh('raw-export'), { recursive: true }), 3)
  const imports = await time(
    async () => {
      const target = fresh('vault')
      await mkdir(target)
      const report = await contractOf(await Vault.open(target))('import:run', { paths: [source], createClients: true, duplicates: 'skip' })
      if (report?.imported !== synthetic.entries) throw new Error(`import wrote ${report?.imported} entries: ${JSON.stringify(report?.problems.slice(0, 3))}`)
    },
    1,
    0
  )
  rows.push({
    area: 'transfer',
    measure: `import that export into an empty vault (${synthetic.entries} entries, each flushed to disk)`,
    value: median(imports),
    unit: 'ms',
    baseline: { label: 'raw recursive copy of the export (fs.cp)', value: median(rawSource) }
  })
  return rows
}
