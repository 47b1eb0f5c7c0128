/**
 * doctor in the window (issue #24): the plan the problems dialog reads when
 * it opens — every file of the vault checked — beside opening the same vault,
 * which reads every file too; and the longest the core's event loop waited
 * while the plan was made (what a keystroke's save could have waited for).
 */
import { planRepairs } from '../src/core/doctor/chosen-repairs'
import { Vault } from '../src/core/vault/vault'
import type { BenchContext } from './run'
import { described, idleLoop, LoopBlocks } from './loop-blocks'
import { median, time } from './measure'
import type { Row } from './measure'

export async function doctorBench({ vault: synthetic }: BenchContext): Promise<Row[]> {
  const size = `${synthetic.entries} entries, ${synthetic.clients} clients`
  // The event loop first, before the timed runs fill the heap (their garbage collection would be counted as the plan's).
  const idle = await idleLoop(2000)
  const loop = await LoopBlocks.during(() => planRepairs(synthetic.root, new Date()))
  const open = median(await time(() => Vault.open(synthetic.root), 3))
  const plan = median(await time(() => planRepairs(synthetic.root, new Date()), 3))
  return [
    { area: 'doctor', measure: `doctor:plan, every file checked (${size})`, value: plan, unit: 'ms', baseline: { label: 'opening the vault', value: open } },
    {
      area: 'doctor',
      measure: `longest event-loop wait while planning (${described(loop)})`,
      value: loop.maxMs,
      unit: 'ms',
      baseline: { label: `idle event loop, 2 s (${described(idle)})`, value: idle.maxMs },
      goal: '≤ 16 ms'
    }
  ]
}
