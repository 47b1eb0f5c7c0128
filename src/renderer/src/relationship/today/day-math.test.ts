import { describe, expect, it } from 'vitest'
import { addDaysTo } from './day-math'

describe('addDaysTo', () => {
  it('crosses month ends, 29 February and New Year', () => {
    expect(addDaysTo('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDaysTo('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDaysTo('2026-02-28', 7)).toBe('2026-03-07')
    expect(addDaysTo('2026-03-28', 1)).toBe('2026-03-29')
  })
})
