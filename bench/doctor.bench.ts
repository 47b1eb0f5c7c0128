/**
 * doctor in the window (issue #24): the plan the problems dialog reads when
 * it opens — every file of the vault checked — beside opening the same vault,
 * which reads every file too; and the longest the core's event loop waited
 * while the plan was made (what a keystroke's save could have waited for).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { planRepairs } from '../src/core/doctor/chosen-repairs'
import { Vault } from '../src/core/vault/vault'
import type { BenchContext } from './run'
import { median, time } from './measure'
import type { Row } from './measure'

export async function doctorBench({ vault: synthetic }: BenchContext): Promise<Row[]> {
  const size = `${synthetic.entries} entries, ${synthetic.clients} clients`
  // The event loop first, before the timed runs fill the heap (their garbage collection would be counted as the plan's).
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  await planRepairs(synthetic.root, new Date())
  delay.disable()
  const open = median(await time(() => Vault.open(synthetic.root), 3))
  const plan = median(await time(() => planRepairs(synthetic.root, new Date()), 3))
  return [
    { area: 'doctor', measure: `doctor:plan, every file checked (${size})`, value: plan, unit: 'ms', baseline: { label: 'opening the vault', value: open } },
    { area: 'doctor', measure: 'longest event-loop wait while planning', value: delay.max / 1e6, unit: 'ms', goal: 'a keystroke never waits long' }
  ]
}
