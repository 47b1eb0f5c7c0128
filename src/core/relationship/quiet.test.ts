import { describe, expect, it } from 'vitest'
import { quietOf } from './quiet'

const now = new Date('2026-11-23T12:00:00Z')
const zone = 'Europe/London'

describe('gone quiet', () => {
  it('is more days without a conversation than the chosen interval', () => {
    expect(quietOf({ stage: 'engaged', lastSpokeAt: '2026-10-23' }, 30, now, zone)).toEqual({ quiet: true, since: '2026-10-23', days: 31 })
    expect(quietOf({ stage: 'engaged', lastSpokeAt: '2026-10-24' }, 30, now, zone)).toEqual({ quiet: false, since: '2026-10-24', days: 30 })
    expect(quietOf({ stage: 'engaged', lastSpokeAt: '2026-11-16' }, 7, now, zone).quiet).toBe(false)
    expect(quietOf({ stage: 'engaged', lastSpokeAt: '2026-11-15' }, 7, now, zone).quiet).toBe(true)
  })

  it('is never said of a paused or ended relationship', () => {
    for (const stage of ['paused', 'ended'] as const) {
      expect(quietOf({ stage, lastSpokeAt: '2025-01-01' }, 30, now, zone)).toMatchObject({ quiet: false, days: 691 })
    }
  })

  it('counts from when the client was added when you have never spoken, and not at all without either', () => {
    expect(quietOf({ createdAt: '2026-10-01T09:00:00.000Z' }, 30, now, zone)).toEqual({ quiet: true, since: '2026-10-01T09:00:00.000Z', days: 53 })
    expect(quietOf({ createdAt: '2026-11-20T09:00:00.000Z' }, 30, now, zone).quiet).toBe(false)
    expect(quietOf({}, 30, now, zone)).toEqual({ quiet: false })
  })

  it('counts calendar days where the user is, across a DST change', () => {
    // 23:30 UTC on 31 March is already 1 April in London (BST since 29 March).
    const april = new Date('2026-03-31T23:30:00Z')
    expect(quietOf({ lastSpokeAt: '2026-03-01' }, 30, april, 'Europe/London')).toMatchObject({ quiet: true, days: 31 })
    expect(quietOf({ lastSpokeAt: '2026-03-01' }, 30, april, 'UTC')).toMatchObject({ quiet: false, days: 30 })
    // A conversation late on a New York evening is that day there, though UTC has moved on.
    expect(quietOf({ lastSpokeAt: '2026-11-02T03:00:00Z' }, 30, new Date('2026-12-02T15:00:00Z'), 'America/New_York')).toMatchObject({ days: 31, quiet: true })
  })
})
