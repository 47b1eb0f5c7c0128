import { describe, expect, it } from 'vitest'
import { trustSoFar } from './trust-history'

const now = new Date('2026-12-07T10:00:00Z').getTime()

describe('trustSoFar', () => {
  it('says each step’s day in words, with the year only when it is not this one', () => {
    const history = [
      { trust: 'fringe', at: '2025-11-12' },
      { trust: 'friend', at: '2026-12-06' }
    ]
    expect(trustSoFar(history, now, { locale: 'en-GB', hour12: false, timeZone: 'UTC' })).toBe('Fringe (12 Nov 2025) → Friend (6 Dec)')
    expect(trustSoFar(history, now, { locale: 'en-US', hour12: true, timeZone: 'UTC' })).toBe('Fringe (Nov 12, 2025) → Friend (Dec 6)')
  })

  it('reads a moment as its day in the user’s zone, and keeps a level it does not know as written', () => {
    expect(trustSoFar([{ trust: 'familiar', at: '2026-12-06T23:30:00Z' }], now, { locale: 'en-GB', hour12: false, timeZone: 'Pacific/Auckland' })).toBe(
      'Familiar (7 Dec)'
    )
    expect(trustSoFar([{ trust: 'devoted', at: '' }], now, { locale: 'en-GB', hour12: false, timeZone: 'UTC' })).toBe('devoted')
  })
})
