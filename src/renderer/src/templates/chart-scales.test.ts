import { describe, expect, it } from 'vitest'
import { intensity, lastMonths, linear, monthTicks } from './chart-scales'
import { matchesTemplate } from './filter-templates'

describe('chart scales', () => {
  it('maps a domain onto a range, and a single point to the middle', () => {
    expect(linear(1, 5, 100, 0)(1)).toBe(100)
    expect(linear(1, 5, 100, 0)(5)).toBe(0)
    expect(linear(3, 3, 0, 10)(3)).toBe(5)
  })
  it('keeps the last months and shades by count', () => {
    expect(lastMonths(['a', 'b', 'c'], 2)).toEqual(['b', 'c'])
    expect(intensity(0, 4)).toBe(0)
    expect(intensity(4, 4)).toBe(1)
    expect(intensity(1, 4)).toBeGreaterThan(0)
  })
  it('puts a tick on the first of each month inside the range', () => {
    const ticks = monthTicks(new Date(2026, 7, 20).getTime(), new Date(2026, 10, 2).getTime())
    expect(ticks.map((t) => new Date(t.time).getMonth())).toEqual([8, 9, 10])
  })
  it('filters templates by every word typed, in name or description', () => {
    const t = { name: 'After a difficult meeting', description: 'When a conversation went badly' }
    expect(matchesTemplate(t, 'difficult conv')).toBe(true)
    expect(matchesTemplate(t, 'first')).toBe(false)
    expect(matchesTemplate(t, '  ')).toBe(true)
  })
})
