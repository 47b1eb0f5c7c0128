import { describe, expect, it } from 'vitest'
import type { Interaction } from '../../shared/contract/relationship'
import { outreachOf } from './outreach'

let next = 0
const i = (at: string, direction: Interaction['direction'], outcome: Interaction['outcome']): Interaction => ({
  id: `i_${next++}`,
  at,
  channel: 'phone',
  direction,
  outcome
})
const now = new Date('2026-11-23T12:00:00Z')
const zone = 'Europe/London'

describe('unanswered attempts', () => {
  it('say nothing when there are no interactions', () => {
    expect(outreachOf([], now, zone)).toEqual({ unanswered: 0 })
  })

  it('count every attempt when you have never spoken, and say so calmly', () => {
    const result = outreachOf([i('2026-11-01', 'out', 'no-reply'), i('2026-11-08', 'out', 'left-message')], now, zone)
    expect(result).toEqual({ unanswered: 2, sentence: 'No conversation yet — 2 attempts so far' })
    expect(outreachOf([i('2026-11-01', 'out', 'no-reply')], now, zone).sentence).toBe('No conversation yet — 1 attempt so far')
  })

  it('count attempts since the last conversation, with its date', () => {
    const result = outreachOf(
      [
        i('2026-09-01', 'out', 'no-reply'),
        i('2026-10-12T10:00:00Z', 'out', 'conversation'),
        i('2026-10-20', 'out', 'no-reply'),
        i('2026-11-02', 'out', 'left-message'),
        i('2026-11-16', 'out', 'no-reply')
      ],
      now,
      zone
    )
    expect(result).toEqual({ unanswered: 3, lastSpokeAt: '2026-10-12T10:00:00Z', sentence: '3 attempts since you last spoke, on 12 Oct' })
  })

  it('say nothing when the last word was a conversation', () => {
    expect(outreachOf([i('2026-11-01', 'out', 'no-reply'), i('2026-11-02', 'out', 'meeting')], now, zone)).toEqual({ unanswered: 0, lastSpokeAt: '2026-11-02' })
  })

  it('count any contact from them, a meeting and value shared as speaking', () => {
    for (const [direction, outcome] of [
      ['in', 'no-reply'],
      ['in', 'left-message'],
      ['out', 'meeting'],
      ['out', 'value-shared'],
      ['in', 'conversation']
    ] as const) {
      const result = outreachOf([i('2026-11-01', 'out', 'no-reply'), i('2026-11-02', direction, outcome)], now, zone)
      expect(result.unanswered, `${direction} ${outcome}`).toBe(0)
      expect(result.lastSpokeAt).toBe('2026-11-02')
    }
  })

  it('follow the time of each interaction, not its place in the file', () => {
    const result = outreachOf(
      [i('2026-11-20', 'out', 'no-reply'), i('2026-11-18', 'out', 'no-reply'), i('2026-11-10T09:00:00Z', 'in', 'conversation')],
      now,
      zone
    )
    expect(result.unanswered).toBe(2)
    expect(result.lastSpokeAt).toBe('2026-11-10T09:00:00Z')
  })

  it('put a plain day before a timed interaction of the same day, and keep file order for ties', () => {
    expect(outreachOf([i('2026-11-10T09:00:00Z', 'out', 'no-reply'), i('2026-11-10', 'out', 'conversation')], now, zone).unanswered).toBe(1)
    expect(outreachOf([i('2026-11-10', 'out', 'conversation'), i('2026-11-10', 'out', 'no-reply')], now, zone).unanswered).toBe(1)
    expect(outreachOf([i('2026-11-10', 'out', 'no-reply'), i('2026-11-10', 'out', 'conversation')], now, zone).unanswered).toBe(0)
  })

  it('name the day you spoke as it was where the user is, with the year when it was another year', () => {
    const late = [i('2026-10-12T23:30:00Z', 'out', 'conversation'), i('2026-11-01', 'out', 'no-reply')]
    expect(outreachOf(late, now, 'Europe/London').sentence).toBe('1 attempt since you last spoke, on 13 Oct')
    expect(outreachOf(late, now, 'America/New_York').sentence).toBe('1 attempt since you last spoke, on 12 Oct')
    expect(outreachOf([i('2025-12-30', 'in', 'conversation'), i('2026-01-05', 'out', 'no-reply')], now, zone).sentence).toBe(
      '1 attempt since you last spoke, on 30 Dec 2025'
    )
  })

  it('never nags', () => {
    const many = Array.from({ length: 12 }, (_, n) => i(`2026-11-${String(n + 1).padStart(2, '0')}`, 'out', 'no-reply'))
    const sentence = outreachOf(many, now, zone).sentence ?? ''
    expect(sentence).toBe('No conversation yet — 12 attempts so far')
    expect(sentence).not.toMatch(/!|should|must|only|still|again|too many/i)
  })
})
