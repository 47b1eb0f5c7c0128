import { describe, expect, it } from 'vitest'
import { snapshotsToDelete } from './retention'

const now = new Date('2026-11-23T12:00:00Z')
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000)

describe('history retention', () => {
  it('keeps everything from the last day', () => {
    expect(snapshotsToDelete([hoursAgo(1), hoursAgo(2), hoursAgo(23)], now)).toEqual([])
  })

  it('keeps the newest of each day for a month, then the newest of each week', () => {
    const times = [hoursAgo(30), hoursAgo(31), hoursAgo(26 * 24), hoursAgo(26 * 24 + 1), hoursAgo(60 * 24), hoursAgo(61 * 24), hoursAgo(62 * 24)]
    const doomed = snapshotsToDelete(times, now).map((d) => d.toISOString())
    expect(doomed).toContain(hoursAgo(31).toISOString())
    expect(doomed).toContain(hoursAgo(26 * 24 + 1).toISOString())
    expect(doomed).not.toContain(hoursAgo(30).toISOString())
    expect(doomed).not.toContain(hoursAgo(26 * 24).toISOString())
    // 60, 61 and 62 days ago: 2026-09-24 (Thu), -23 (Wed), -22 (Tue) share one ISO week.
    expect(doomed.filter((d) => d < hoursAgo(59 * 24).toISOString())).toHaveLength(2)
  })
})
