/**
 * How long the event loop was kept waiting while something ran, and what the
 * longest waits were made of.
 *
 * The maximum of `monitorEventLoopDelay` alone cannot tell work on this
 * thread from the operating system giving the core to another thread (the
 * index's worker, its garbage collector's helpers, another process): on a
 * busy two-core machine the second often dominates. So a 1 ms ticker also
 * reads this thread's own scheduler counters (Linux: /proc/thread-self/
 * schedstat, nanoseconds on a CPU and waiting for one) at each tick, and
 * each block is split into the time this thread *ran* (work of ours that
 * did not yield: what the code controls), the time it *waited for a CPU*,
 * and the rest, when it was *blocked* in the kernel (neither running nor
 * runnable). Elsewhere only the loop's own figures are given.
 */
import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

export interface LoopReport {
  /** The longest the loop waited, ms (monitorEventLoopDelay, 1 ms resolution). */
  maxMs: number
  /** The 99th percentile of the loop's waits, ms. */
  p99Ms: number
  /** The longest gap between two ticks, with how much of it this thread ran and how much it waited for a CPU (null off Linux). */
  longest: { ms: number; runMs: number; waitMs: number } | null
  /** The most this thread ran inside any one gap between ticks, ms: its longest own block (null off Linux). */
  longestRunMs: number | null
}

const SCHEDSTAT = '/proc/thread-self/schedstat'

function schedstat(): [number, number] | null {
  try {
    const [run, wait] = readFileSync(SCHEDSTAT, 'utf8').split(' ').map(Number)
    return run !== undefined && wait !== undefined && Number.isFinite(run) && Number.isFinite(wait) ? [run, wait] : null
  } catch {
    return null
  }
}

export class LoopBlocks {
  private readonly loop = monitorEventLoopDelay({ resolution: 1 })
  private timer: NodeJS.Timeout | null = null
  private longest: LoopReport['longest'] = null
  private longestRunMs: number | null = null

  start(): this {
    this.loop.enable()
    let last = performance.now()
    let lastStat = schedstat()
    const tick = (): void => {
      const now = performance.now()
      const stat = lastStat && schedstat()
      if (lastStat && stat) {
        const ms = now - last
        const runMs = (stat[0] - lastStat[0]) / 1e6
        const waitMs = (stat[1] - lastStat[1]) / 1e6
        if (!this.longest || ms > this.longest.ms) this.longest = { ms, runMs, waitMs }
        this.longestRunMs = Math.max(this.longestRunMs ?? 0, runMs)
      }
      last = now
      lastStat = stat
      this.timer = setTimeout(tick, 1)
    }
    this.timer = setTimeout(tick, 1)
    return this
  }

  stop(): LoopReport {
    this.loop.disable()
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    return { maxMs: this.loop.max / 1e6, p99Ms: this.loop.percentile(99) / 1e6, longest: this.longest, longestRunMs: this.longestRunMs }
  }

  /** Watches the loop while `task` runs. */
  static async during(task: () => Promise<unknown>): Promise<LoopReport> {
    const blocks = new LoopBlocks().start()
    try {
      await task()
    } catch (error) {
      blocks.stop()
      throw error
    }
    return blocks.stop()
  }
}

/** The loop doing nothing for `ms`: on a shared machine the OS alone stalls it now and then. */
export const idleLoop = (ms: number): Promise<LoopReport> => LoopBlocks.during(() => new Promise((resolve) => setTimeout(resolve, ms)))

/** The larger of two reports, figure by figure (several runs of the same thing). */
export function worst(a: LoopReport | null, b: LoopReport): LoopReport {
  if (!a) return b
  const longest = !a.longest || (b.longest && b.longest.ms > a.longest.ms) ? b.longest : a.longest
  const runs = [a.longestRunMs, b.longestRunMs].filter((value): value is number => value !== null)
  return { maxMs: Math.max(a.maxMs, b.maxMs), p99Ms: Math.max(a.p99Ms, b.p99Ms), longest, longestRunMs: runs.length > 0 ? Math.max(...runs) : null }
}

/** The breakdown, for a row's measure: p99, the longest block's parts, this thread's longest own block. */
export function described(report: LoopReport): string {
  const parts = [`p99 ${report.p99Ms.toFixed(1)} ms`]
  if (report.longest) {
    const { ms, runMs, waitMs } = report.longest
    // What is neither: the thread was off the CPU and not runnable (blocked in the kernel: a page fault, a lock, I/O).
    const blocked = Math.max(0, ms - runMs - waitMs)
    parts.push(`longest ${ms.toFixed(1)} ms = ran ${runMs.toFixed(1)} + waited for a CPU ${waitMs.toFixed(1)} + blocked ${blocked.toFixed(1)}`)
  }
  if (report.longestRunMs !== null) parts.push(`main thread's longest own run ${report.longestRunMs.toFixed(1)} ms`)
  return parts.join('; ')
}
