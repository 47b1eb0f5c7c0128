/**
 * The command line (issue #19): what one recording verb costs on the whole
 * synthetic vault, end to end (open the vault, change one client.json, close),
 * beside opening the same vault, which every verb must do first; and what one
 * Tab costs when completion asks for the client names (`clients --names`),
 * in-process and as the real command, beside starting Node doing nothing.
 */
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { runCli } from '../src/cli/main'
import type { Io } from '../src/cli/output'
import { Vault } from '../src/core/vault/vault'
import type { BenchContext } from './run'
import { median, time } from './measure'
import type { Row } from './measure'

const run = promisify(execFile)
/** A client of the synthetic vault, by id (names there share beginnings: Client 7, Client 70…). */
const CLIENT = 'c_BENCH00000000000000000007'

/** Output thrown away; a failure is thrown, so a broken verb cannot pass for a fast one. */
async function rapport(args: string[]): Promise<void> {
  const errors: string[] = []
  const io: Io = { out: () => undefined, err: (t) => void errors.push(t), readStdin: async () => null }
  const code = await runCli(args, io, {})
  if (code !== 0) throw new Error(`rapport ${args.join(' ')} exited ${code}: ${errors.join('\n')}`)
}

export async function cliBench({ vault: synthetic }: BenchContext): Promise<Row[]> {
  const v = ['--vault', synthetic.root]
  const size = `${synthetic.entries} entries, ${synthetic.clients} clients`
  const open = median(await time(() => Vault.open(synthetic.root), 3))
  const baseline = { label: 'opening the vault', value: open }
  const stages = ['feedback', 'engaged'] as const
  let turn = 0
  const stage = median(await time(() => rapport(['stage', CLIENT, stages[turn++ % 2] ?? 'engaged', ...v]), 5))
  const promise = median(await time(() => rapport(['promise', CLIENT, 'Send the bench figures', '--due', '2026-12-01', ...v]), 3))
  const commitments = median(await time(() => rapport(['commitments', '--overdue', ...v]), 3))
  const names = median(await time(() => rapport(['clients', '--names', ...v]), 3))

  const bin = resolve(import.meta.dirname, '../bin/rapport.mjs')
  const node = median(await time(() => run(process.execPath, ['-e', '0']), 3))
  const tab = median(await time(() => run(process.execPath, [bin, 'clients', '--names', ...v]), 3))
  return [
    { area: 'cli', measure: `rapport stage NAME STAGE (${size})`, value: stage, unit: 'ms', baseline },
    { area: 'cli', measure: 'rapport promise NAME "what" --due DATE', value: promise, unit: 'ms', baseline },
    { area: 'cli', measure: 'rapport commitments --overdue (every client)', value: commitments, unit: 'ms', baseline },
    { area: 'cli', measure: 'rapport clients --names (in-process)', value: names, unit: 'ms', baseline },
    {
      area: 'cli',
      measure: 'one Tab: the real command for client names',
      value: tab,
      unit: 'ms',
      baseline: { label: 'node -e 0', value: node },
      goal: 'under a second'
    }
  ]
}
