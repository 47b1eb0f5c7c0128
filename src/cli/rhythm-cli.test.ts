import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../core/testing/temp-vault'
import type { Clock } from '../core/relationship/viewpoint'
import { rapport } from './testing/run-cli'

/** 31 December 2026, 10:00 UTC: the year's last day, when a weekly rule crosses into the next. */
const clock: Clock = { now: () => new Date('2026-12-31T10:00:00Z'), timeZone: () => 'UTC' }

async function vaultWithDana() {
  const vault = await tempDir()
  const v = ['--vault', vault]
  await rapport(['init', ...v])
  await rapport(['client', 'add', 'Dana Whitfield', ...v], null, {}, clock)
  await rapport(['person', 'add', 'Priya Raman', '--client', 'Dana', ...v], null, {}, clock)
  return { vault, v }
}

describe('rapport cadence, promise --repeat, today --json and calendar', () => {
  it('sets a cadence on a client and a person, and refuses one it cannot read', async () => {
    const { vault, v } = await vaultWithDana()
    expect(await rapport(['cadence', 'Dana', '2 weeks', ...v], null, {}, clock)).toMatchObject({ code: 0, out: 'Dana Whitfield: keep in touch every 2 weeks' })
    expect(await rapport(['cadence', 'Dana', '--person', 'Priya', 'monthly', ...v], null, {}, clock)).toMatchObject({
      code: 0,
      out: 'Priya Raman at Dana Whitfield: keep in touch every month'
    })
    const bad = await rapport(['cadence', 'Dana', 'whenever', ...v], null, {}, clock)
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('“whenever” is not a cadence Rapport knows')
    const file = JSON.parse(await readFile(join(vault, 'clients/dana-whitfield/client.json'), 'utf8'))
    expect(file).toMatchObject({ cadence: '2 weeks', people: [{ name: 'Priya Raman', cadence: 'monthly' }] })
    expect(await rapport(['cadence', 'Dana', 'none', ...v], null, {}, clock)).toMatchObject({
      code: 0,
      out: expect.stringContaining('no cadence of their own')
    })
  })

  it('lists the reach-out and the occurrence waiting in today --json, across New Year', async () => {
    const { vault, v } = await vaultWithDana()
    const path = join(vault, 'clients/dana-whitfield/client.json')
    const data = JSON.parse(await readFile(path, 'utf8'))
    data.interactions = [{ id: 'i_1', at: '2026-12-01T10:00:00Z', channel: 'phone', direction: 'out', outcome: 'conversation' }]
    await writeFile(path, JSON.stringify(data, null, 2))
    await rapport(['cadence', 'Dana', '2 weeks', ...v], null, {}, clock)
    expect(await rapport(['promise', 'Dana', 'Status note', '--due', '2026-12-24', '--repeat', 'FREQ=WEEKLY;BYDAY=TH', ...v], null, {}, clock)).toMatchObject({
      code: 0
    })
    const today = JSON.parse((await rapport(['today', '--json', ...v], null, {}, clock)).out)
    expect(today.reachOut).toEqual([expect.objectContaining({ clientName: 'Dana Whitfield', cadence: 'every 2 weeks', due: '2026-12-15', daysPast: 16 })])
    expect(today.commitments.mine).toEqual([
      expect.objectContaining({ occurrence: '2026-12-24', repeat: 'every Thursday', due: expect.objectContaining({ state: 'overdue' }) })
    ])
    const human = (await rapport(['today', ...v], null, {}, clock)).out
    expect(human).toContain('Reach out\n  Dana Whitfield: Reach out to Dana Whitfield — every 2 weeks; last spoke 1 Dec')
  })

  it('writes the feed once with calendar --out, and refuses a file that is not .ics', async () => {
    const { v } = await vaultWithDana()
    await rapport(['followup', 'Dana', '2027-01-04', ...v], null, {}, clock)
    const out = join(await tempDir(), 'feed.ics')
    expect(await rapport(['calendar', '--out', out, ...v], null, {}, clock)).toMatchObject({ code: 0, out: `${out}: 1 event` })
    const events = new ICAL.Component(ICAL.parse(await readFile(out, 'utf8'))).getAllSubcomponents('vevent')
    expect(events.map((e) => new ICAL.Event(e).startDate.toString())).toEqual(['2027-01-04'])
    expect(await rapport(['calendar', '--out', out, ...v], null, {}, clock)).toMatchObject({ code: 0, out: `${out}: 1 event (unchanged)` })
    expect((await rapport(['calendar', '--out', join(await tempDir(), 'notes.txt'), ...v], null, {}, clock)).code).toBe(2)
  })
})
