import { describe, expect, it } from 'vitest'
import { relationshipSettings } from './settings'

describe('relationship settings', () => {
  it('default to 30 quiet days, 3 days’ notice and the computer’s zone', () => {
    expect(relationshipSettings({}, 'Europe/Paris')).toEqual({ quietAfterDays: 30, remindDaysBefore: 3, timeZone: 'Europe/Paris', usesSystemTimeZone: true })
  })

  it('use what the user chose, and defaults for what a hand edit made nonsense', () => {
    expect(relationshipSettings({ quietAfterDays: 14, remindDaysBefore: 0, timeZone: 'Asia/Tokyo' }, 'UTC')).toEqual({ quietAfterDays: 14, remindDaysBefore: 0, timeZone: 'Asia/Tokyo', usesSystemTimeZone: false })
    expect(relationshipSettings({ quietAfterDays: 'soon', remindDaysBefore: -2, timeZone: 'Nowhere/Else' }, 'UTC')).toEqual({ quietAfterDays: 30, remindDaysBefore: 3, timeZone: 'UTC', usesSystemTimeZone: true })
    expect(relationshipSettings({ quietAfterDays: 2.5, timeZone: null }, 'UTC')).toMatchObject({ quietAfterDays: 30, usesSystemTimeZone: true })
  })
})
