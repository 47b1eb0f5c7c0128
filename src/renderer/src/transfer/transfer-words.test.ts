import { describe, expect, it } from 'vitest'
import { progressAnnouncement } from './transfer-words'

describe('progressAnnouncement', () => {
  it('says what is happening while the total is not known', () => {
    expect(progressAnnouncement(null, 'notes')).toBe('Getting ready…')
    expect(progressAnnouncement({ jobId: 'j', phase: 'scanning', done: 312, total: 0 }, 'notes')).toBe('Looking for notes…')
  })

  it('changes only at each tenth of the way, so a live region speaks about ten times', () => {
    const said = new Set<string>()
    for (let done = 0; done <= 10_000; done += 7) said.add(progressAnnouncement({ jobId: 'j', phase: 'writing', done, total: 10_000 }, 'notes'))
    said.add(progressAnnouncement({ jobId: 'j', phase: 'writing', done: 10_000, total: 10_000 }, 'notes'))
    expect([...said]).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((p) => `${p}% of 10,000 notes done`))
  })
})
