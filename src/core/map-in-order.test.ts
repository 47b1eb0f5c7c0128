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

  it('handles an empty list', async () => {
    expect(await mapInOrder([], 8, async () => 1)).toEqual([])
  })
})
