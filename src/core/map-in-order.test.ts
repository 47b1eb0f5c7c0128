import { describe, expect, it } from 'vitest'
import { mapInOrder } from './map-in-order'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('mapInOrder', () => {
  it('gives results in the items’ order whatever order the work finishes in', async () => {
    const delays = [30, 5, 20, 1, 10, 0]
    expect(await mapInOrder(delays, 3, async (ms, i) => (await pause(ms), `${i}:${ms}`))).toEqual(delays.map((ms, i) => `${i}:${ms}`))
  })

  it('never runs more than it is allowed at once, and does run that many', async () => {
    let running = 0
    let most = 0
    await mapInOrder(
      Array.from({ length: 40 }, (_, i) => i),
      4,
      async () => {
        running++
        most = Math.max(most, running)
        await pause(2)
        running--
      }
    )
    expect(most).toBe(4)
  })

  it('passes a failure on', async () => {
    await expect(mapInOrder([1, 2, 3], 2, async (n) => (n === 2 ? Promise.reject(new Error('two')) : n))).rejects.toThrow('two')
  })

  it('starts nothing after a failure, and passes it on only once the work under way has settled', async () => {
    const started: number[] = []
    let settled = 0
    const run = mapInOrder([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n)
      if (n === 1) throw new Error('one')
      await pause(20)
      settled++
    })
    await expect(run).rejects.toThrow('one')
    expect(started).toEqual([1, 2])
    expect(settled).toBe(1)
  })

  it('handles an empty list', async () => {
    expect(await mapInOrder([], 8, async () => 1)).toEqual([])
  })
})
