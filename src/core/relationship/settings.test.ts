import { describe, expect, it } from 'vitest'
import { relationshipSettings } from './settings'

describe('relationship settings', () => {
  it('default to 30 quiet days, 3 days’ notice and the computer’s zone', () => {
    expect(relationshipSettings({}, 'Europe/Paris')).toEqual({
      quietAfterDays: 30,
      remindDaysBefore: 3,
      timeZone: 'Europe/Paris',
      usesSystemTimeZone: true,
      coaching: true,
      keepEmptySections: false,
      locale: null,
      clock: null
    })
  })

  it('use what the user chose, and defaults for what a hand edit made nonsense', () => {
    expect(relationshipSettings({ quietAfterDays: 14, remindDaysBefore: 0, timeZone: 'Asia/Tokyo' }, 'UTC')).toEqual({
      quietAfterDays: 14,
      remindDaysBefore: 0,
      timeZone: 'Asia/Tokyo',
      usesSystemTimeZone: false,
      coaching: true,
      keepEmptySections: false,
      locale: null,
      clock: null
    })
    expect(relationshipSettings({ quietAfterDays: 'soon', remindDaysBefore: -2, timeZone: 'Nowhere/Else' }, 'UTC')).toEqual({
      quietAfterDays: 30,
      remindDaysBefore: 3,
      timeZone: 'UTC',
      usesSystemTimeZone: true,
      coaching: true,
      keepEmptySections: false,
      locale: null,
      clock: null
    })
    expect(relationshipSettings({ quietAfterDays: 2.5, timeZone: null }, 'UTC')).toMatchObject({
      quietAfterDays: 30,
      usesSystemTimeZone: true,
      coaching: true,
      keepEmptySections: false
    })
  })
})

describe('the coaching settings', () => {
  it('coach by default and drop empty template sections by default; only a real boolean changes either', () => {
    expect(relationshipSettings({}, 'UTC')).toMatchObject({ coaching: true, keepEmptySections: false })
    expect(relationshipSettings({ coaching: false, keepEmptySections: true }, 'UTC')).toMatchObject({ coaching: false, keepEmptySections: true })
    expect(relationshipSettings({ coaching: 'no', keepEmptySections: 'yes' }, 'UTC')).toMatchObject({ coaching: true, keepEmptySections: false })
  })

  it('reads the date language and the clock, and drops what Intl cannot use', () => {
    expect(relationshipSettings({ locale: 'de-DE', clock: '12-hour' }, 'UTC')).toMatchObject({ locale: 'de-DE', clock: '12-hour' })
    expect(relationshipSettings({ locale: 'not a language!', clock: '13-hour' }, 'UTC')).toMatchObject({ locale: null, clock: null })
  })
})
