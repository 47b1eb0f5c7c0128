import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { contentLines, escapeText, foldLine } from './ics-lines'

describe('content lines', () => {
  it('escapes TEXT and folds at 75 octets without splitting a character, and ical.js reads it back', () => {
    const summary = `Dana; “Whitfield”, COO\\ ${'é'.repeat(60)} 👩‍💼 end\nsecond line`
    const text = contentLines([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Rapport//Test//EN',
      'BEGIN:VEVENT',
      'UID:a@rapport',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;VALUE=DATE:20261203',
      `SUMMARY:${escapeText(summary)}`,
      'END:VEVENT',
      'END:VCALENDAR'
    ])
    for (const physical of text.split('\r\n')) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75)
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') ?? undefined)
    expect(event.summary).toBe(summary)
    expect(foldLine('SHORT:ascii')).toBe('SHORT:ascii')
    const long = `SUMMARY:${'abcdefghij'.repeat(30)}`
    const folded = foldLine(long)
    expect(folded.split('\r\n').map((l) => l.length)).toEqual([75, 75, 75, 75, 12])
    expect(folded.replace(/\r\n /g, '')).toBe(long)
  })
})
