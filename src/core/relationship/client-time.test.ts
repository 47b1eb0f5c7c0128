import { describe, expect, it } from 'vitest'
import { clientLocalTime } from './client-time'

describe('the client’s local time', () => {
  const winter = new Date('2026-11-23T15:00:00Z')

  it('is read from their zone, with how far it is from the user', () => {
    expect(clientLocalTime('America/New_York', 'Europe/London', winter)).toEqual({
      valid: true,
      timeZone: 'America/New_York',
      day: '2026-11-23',
      time: '10:00',
      weekday: 'Mon',
      aheadOfUserMinutes: -300,
      text: '10:00 Mon, 5 hours behind you'
    })
    expect(clientLocalTime('Asia/Kolkata', 'Europe/London', winter)).toMatchObject({ time: '20:30', text: '20:30 Mon, 5½ hours ahead of you' })
    expect(clientLocalTime('Asia/Kathmandu', 'Europe/London', winter)).toMatchObject({ text: '20:45 Mon, 5 h 45 min ahead of you' })
    expect(clientLocalTime('Europe/London', 'Europe/London', winter)).toMatchObject({ text: '15:00 Mon, same time as you' })
  })

  it('is written with the user’s clock and language: 12-hour where they chose it or their language has it', () => {
    expect(clientLocalTime('America/New_York', 'Europe/London', winter, { locale: 'en-GB', hour12: true })).toMatchObject({
      time: '10:00 am',
      text: '10:00 am Mon, 5 hours behind you'
    })
    // en-US writes AM/PM after a space, plain or narrow as the ICU version has it.
    const us = clientLocalTime('Asia/Kolkata', 'Europe/London', winter, { locale: 'en-US', hour12: undefined })
    expect(us?.valid && us.time).toMatch(/^8:30\s?PM$/)
    expect(clientLocalTime('Asia/Kolkata', 'Europe/London', winter, { locale: 'en-US', hour12: false })).toMatchObject({ time: '20:30' })
  })

  it('is another day for a client across the date line', () => {
    expect(clientLocalTime('Pacific/Auckland', 'America/Los_Angeles', new Date('2026-11-23T20:00:00Z'))).toMatchObject({
      day: '2026-11-24',
      time: '09:00',
      weekday: 'Tue',
      text: '09:00 Tue, 21 hours ahead of you'
    })
  })

  it('follows each side’s own DST: New York is 4 hours behind London in mid-March', () => {
    expect(clientLocalTime('America/New_York', 'Europe/London', new Date('2026-03-15T15:00:00Z'))).toMatchObject({ time: '11:00', aheadOfUserMinutes: -240 })
    expect(clientLocalTime('America/New_York', 'Europe/London', new Date('2026-04-15T15:00:00Z'))).toMatchObject({ aheadOfUserMinutes: -300 })
  })

  it('is unknown without a zone, and a clear problem for a zone Rapport does not know', () => {
    expect(clientLocalTime(undefined, 'Europe/London', winter)).toBeNull()
    expect(clientLocalTime('  ', 'Europe/London', winter)).toBeNull()
    expect(clientLocalTime('London', 'Europe/London', winter)).toEqual({
      valid: false,
      timeZone: 'London',
      problem: '"London" is not a time zone Rapport knows; use a name like Europe/London or America/New_York.'
    })
  })
})
