import { describe, expect, it } from 'vitest'
import { throttle } from './activity'

describe('activity pings', () => {
  it('sends the first at once, then at most one per interval however often the person types', () => {
    let clock = 0
    const sent: number[] = []
    const ping = throttle(
      () => sent.push(clock),
      15_000,
      () => clock
    )
    for (clock = 0; clock <= 40_000; clock += 250) ping()
    expect(sent).toEqual([0, 15_000, 30_000])
  })

  it('sends at once when the person comes back after a quiet spell', () => {
    let clock = 1_000
    const sent: number[] = []
    const ping = throttle(
      () => sent.push(clock),
      15_000,
      () => clock
    )
    ping()
    clock = 14_999
    ping()
    clock = 120_000
    ping()
    expect(sent).toEqual([1_000, 120_000])
  })
})
