import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { TimeSlicer } from './time-slicer'

/** Runs `body` in a new Node process with a slicer at hand: what it printed, and its exit code once it ended of itself. */
async function inOwnProcess(body: string): Promise<{ out: string; code: number }> {
  const slicer = join(import.meta.dirname, 'time-slicer.ts')
  const script = `import { TimeSlicer } from ${JSON.stringify(slicer)}\n${body}`
  return promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 30_000 }).then(
    ({ stdout }) => ({ out: stdout, code: 0 }),
    (error: { stdout: string; code: number }) => ({ out: error.stdout, code: error.code })
  )
}

describe('a time slicer', () => {
  it('yields to the event loop once a slice has had its time, not at every pause', async () => {
    const slicer = new TimeSlicer({ sliceMs: 5, background: false })
    let turns = 0
    const ticker = setInterval(() => turns++, 0)
    let pauses = 0
    const began = performance.now()
    while (turns < 5 && performance.now() - began < 10_000) {
      await slicer.pause()
      pauses++
    }
    const elapsed = performance.now() - began
    clearInterval(ticker)
    // Five turns of the loop, each after a whole slice of 5 ms and never sooner, with many pauses between them that did not yield.
    expect(turns).toBe(5)
    expect(elapsed).toBeGreaterThanOrEqual(20)
    expect(pauses).toBeGreaterThan(100)
    expect(slicer.longestSliceMs).toBeGreaterThanOrEqual(5)
  })

  it('maps in order, across slices', async () => {
    const slicer = new TimeSlicer({ sliceMs: 0, background: false })
    expect(await slicer.map([3, 1, 2], (n) => n * 10)).toEqual([30, 10, 20])
  })

  it('keeps a process alive through its yields when the work is asked for, and not when it is background work no one holds', async () => {
    const work = (make: string): string => `const slicer = ${make}\nfor (let i = 0; i < 3; i++) await slicer.yieldNow()\nconsole.log('finished')`
    expect(await inOwnProcess(work('new TimeSlicer({ background: false })'))).toEqual({ out: 'finished\n', code: 0 })
    // Node ends a process left with nothing to wait for, its top-level await unsettled, with code 13.
    expect(await inOwnProcess(work('new TimeSlicer()'))).toEqual({ out: '', code: 13 })
    expect(await inOwnProcess(work('new TimeSlicer()\nslicer.hold()'))).toEqual({ out: 'finished\n', code: 0 })
  })
})
