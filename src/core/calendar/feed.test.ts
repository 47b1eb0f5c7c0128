import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import type { ClientData } from '../relationship/stored-client'
import { calendarFeed } from './feed'
import { zoneDefinition } from './vtimezone'
import { feedBlocked, reminderSettings } from './reminder-settings'

/** ical.js, an independent parser, reads the feed ical-generator wrote. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent)
    const start = vevent.getFirstProperty('dtstart')
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      tzid: start?.getParameter('tzid') ?? null,
      rrule: vevent.getFirstPropertyValue('rrule')?.toString() ?? null,
      exdates: vevent.getAllProperties('exdate').flatMap((p) => p.getValues().map((v) => String(v))),
      next: (n: number) => {
        const it = event.iterator()
        const out: string[] = []
        for (let next = it.next(); next && out.length < n; next = it.next()) out.push(next.toString())
        return out
      }
    }
  })
}

const dana: ClientData = {
  id: 'c_dana',
  name: 'Dana; Whitfield, "COO"',
  data: {
    format: 1,
    id: 'c_dana',
    name: 'Dana; Whitfield, "COO"',
    createdAt: '2026-01-10T09:00:00Z',
    followUp: '2026-12-31',
    cadence: 'monthly',
    person: {
      dates: [
        { label: 'birthday', date: '1980-02-29' },
        { label: 'launch', date: '2027-01-15', repeats: 'once' }
      ]
    },
    interactions: [{ id: 'i1', at: '2026-11-30T10:00:00Z', channel: 'phone', direction: 'out', outcome: 'conversation' }],
    people: [{ id: 'p_1', name: 'Priya', cadence: '2 weeks' }],
    commitments: [
      {
        id: 'k_1',
        by: 'me',
        what: 'Status note\nevery week',
        due: '2026-12-03',
        status: 'open',
        createdAt: '2026-11-20T10:00:00Z',
        repeat: 'FREQ=WEEKLY;BYDAY=TH',
        occurrences: [{ on: '2026-12-10', status: 'done', at: '2026-12-10T12:00:00Z' }]
      },
      {
        id: 'k_2',
        by: 'client',
        what: 'Backlog numbers',
        due: '2026-01-31',
        status: 'open',
        createdAt: '2026-01-02T10:00:00Z',
        repeat: 'FREQ=MONTHLY;BYMONTHDAY=-1'
      },
      { id: 'k_3', by: 'me', what: 'Call at nine', due: '2026-03-26T09:00', status: 'open', createdAt: '2026-03-01T10:00:00Z', repeat: 'FREQ=WEEKLY' },
      { id: 'k_4', by: 'me', what: 'Kept already', due: '2026-12-01', status: 'done', createdAt: '2026-11-01T10:00:00Z' }
    ]
  }
}

describe('the calendar feed', () => {
  it('round-trips through ical.js with the same dates, recurrences and time zones', () => {
    const events = parse(calendarFeed([dana], { detail: 'full', timeZone: 'Europe/London' }, 30))
    const byUid = new Map(events.map((e) => [e.uid, e]))
    expect(events).toHaveLength(8)
    expect(byUid.get('follow-up.c_dana@rapport')).toMatchObject({ start: '2026-12-31', allDay: true, summary: 'Follow up with Dana; Whitfield, "COO"' })
    const weekly = byUid.get('k_1.c_dana@rapport')
    expect(weekly).toMatchObject({
      summary: 'Promise to Dana; Whitfield, "COO": Status note\nevery week',
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
      exdates: ['2026-12-10']
    })
    expect(weekly?.next(3)).toEqual(['2026-12-03', '2026-12-17', '2026-12-24'])
    expect(byUid.get('k_2.c_dana@rapport')?.next(3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31'])
    const timed = byUid.get('k_3.c_dana@rapport')
    expect(timed).toMatchObject({ tzid: 'Europe/London', allDay: false })
    expect(timed?.next(2)).toEqual(['2026-03-26T09:00:00', '2026-04-02T09:00:00'])
    expect(byUid.get('date-0.c_dana@rapport')).toMatchObject({ start: '1980-02-29', rrule: 'FREQ=YEARLY' })
    expect(byUid.get('date-1.c_dana@rapport')).toMatchObject({ start: '2027-01-15', rrule: null })
    expect(byUid.get('reach-out.c_dana@rapport')).toMatchObject({ start: '2026-12-30', summary: 'Reach out to Dana; Whitfield, "COO"' })
    expect(byUid.get('reach-out-p_1.c_dana@rapport')).toMatchObject({ start: '2026-12-14' })
    expect(byUid.has('k_4.c_dana@rapport')).toBe(false)
  })

  it('defines the zone its timed promises use (VTIMEZONE), so a calendar places 09:00 right on both sides of a DST change', () => {
    const timedOnly: ClientData = { ...dana, data: { ...dana.data, commitments: dana.data.commitments?.filter((c) => c.id === 'k_3') ?? [] } }
    for (const [zone, before, after] of [
      // London moves to BST on 29 March 2026; New York to EDT on 8 March.
      ['Europe/London', '2026-03-26T09:00:00Z', '2026-04-02T08:00:00Z'],
      ['America/New_York', '2026-03-26T13:00:00Z', '2026-04-02T13:00:00Z']
    ] as const) {
      const calendar = new ICAL.Component(ICAL.parse(calendarFeed([timedOnly], { detail: 'full', timeZone: zone }, 30)))
      const definitions = calendar.getAllSubcomponents('vtimezone')
      expect(definitions.map((d) => d.getFirstPropertyValue('tzid'))).toEqual([zone])
      // ical.js places a TZID's times only through a registered definition: the one the feed carries, nothing built in.
      const timezone = new ICAL.Timezone(definitions[0] as ICAL.Component)
      const vevent = calendar.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === 'k_3.c_dana@rapport')
      const it = new ICAL.Event(vevent).iterator()
      const instants = [it.next(), it.next()].map((time) => {
        const local = time as ICAL.Time
        local.zone = timezone
        return new Date(local.toUnixTime() * 1000).toISOString().replace('.000', '')
      })
      expect(instants).toEqual([before, after])
    }
    // All-day items need no zone: a feed without timed promises defines none.
    const allDayOnly: ClientData = { ...dana, data: { ...dana.data, commitments: [] } }
    expect(calendarFeed([allDayOnly], { detail: 'full', timeZone: 'Europe/London' }, 30)).not.toContain('VTIMEZONE')
    // Every zone this Node knows has a definition (a newer zone than the library's would be written floating, never with an undefined TZID).
    expect(Intl.supportedValuesOf('timeZone').filter((zone) => zoneDefinition(zone) === null)).toEqual([])
    expect(zoneDefinition('Mars/Olympus_Mons')).toBeNull()
    expect(zoneDefinition('UTC')?.tzid).toBe('Etc/UTC')
  })

  it('names no one when private, and gives the same bytes for the same vault', () => {
    const text = calendarFeed([dana], { detail: 'private', timeZone: 'Europe/London' }, 30)
    expect(text).not.toContain('Dana')
    expect(text).not.toContain('Status note')
    expect(parse(text).map((e) => e.summary)).toContain('Rapport: follow up with a client')
    expect(calendarFeed([dana], { detail: 'private', timeZone: 'Europe/London' }, 30)).toBe(text)
  })

  it('is written on every change once turned on, and only when its bytes change', async () => {
    const clock = { now: () => new Date('2026-12-03T10:00:00Z'), timeZone: () => 'Europe/London' }
    const { call, dir } = await openTestVault(undefined, { clock })
    const c = await call('clients:create', { name: 'Dana' })
    await call('clients:update-profile', { id: c.id, patch: { followUp: '2026-12-10' } })
    await expect(stat(join(dir, 'rapport.ics'))).rejects.toThrow(/ENOENT/)
    const settings = await call('reminders:update', { calendarFeed: true, calendarDetail: 'full' })
    expect(settings).toMatchObject({ calendarFeed: true, calendarPath: join(dir, 'rapport.ics'), encrypted: false })
    expect(parse(await readFile(join(dir, 'rapport.ics'), 'utf8')).map((e) => e.summary)).toEqual(['Follow up with Dana'])
    const before = (await stat(join(dir, 'rapport.ics'))).mtimeMs
    await call('clients:update-profile', { id: c.id, patch: { role: 'COO' } })
    expect((await stat(join(dir, 'rapport.ics'))).mtimeMs).toBe(before)
    await call('commitments:add', { clientId: c.id, by: 'me', what: 'Scope', due: '2026-12-04' })
    expect(parse(await readFile(join(dir, 'rapport.ics'), 'utf8')).map((e) => e.summary)).toEqual(['Follow up with Dana', 'Promise to Dana: Scope'])
    const elsewhere = join(await tempDir(), 'feeds', 'mine.ics')
    await call('reminders:update', { calendarPath: elsewhere })
    expect(await call('calendar:write', undefined)).toMatchObject({ path: elsewhere, events: 2, written: false })
    expect(parse(await readFile(elsewhere, 'utf8'))).toHaveLength(2)
  })
})

describe('the feed of an encrypted vault', () => {
  it('is off until the user accepts plain text, and only outside the vault', () => {
    const on = (stored: Record<string, unknown>) => feedBlocked(reminderSettings({ calendarFeed: true, ...stored }, '/v', true), '/v')
    expect(feedBlocked(reminderSettings({}, '/v', false), '/v')).toContain('off')
    expect(on({})).toContain('accept that in Settings first')
    expect(on({ calendarEncryptedAccepted: true })).toContain('outside the vault')
    expect(on({ calendarEncryptedAccepted: true, calendarPath: '/v/../elsewhere/r.ics' })).toBeNull()
    expect(feedBlocked(reminderSettings({ calendarFeed: true }, '/v', false), '/v')).toBeNull()
  })
})
