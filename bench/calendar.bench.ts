import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { calendarFeed } from '../src/core/calendar/feed'
import { writeIfChanged } from '../src/core/calendar/feed-file'
import type { ClientData } from '../src/core/relationship/stored-client'
import { Vault } from '../src/core/vault/vault'
import type { BenchContext } from './run'
import { median, p95, time } from './measure'
import type { Row } from './measure'

const RUNS = 15

/**
 * The calendar feed (issue #16) for the synthetic vault (500 clients with
 * 2,000 commitments by default), every other commitment weekly with a done
 * occurrence, every client with a cadence and a birthday: built with
 * ical-generator and written atomically, as on every change. Beside it, the
 * same bytes written plainly (`writeFile`), so the ratio says what building
 * and writing safely cost over the disk itself. Goal: under 200 ms.
 */
export async function calendarBench({ vault: synthetic, scratch }: BenchContext): Promise<Row[]> {
  const vault = await Vault.open(synthetic.root)
  const clients: ClientData[] = vault.clients.list().flatMap((record) => {
    if (!record.data) return []
    const data = structuredClone(record.data)
    data.cadence = '1 month'
    data.person = { ...data.person, dates: [{ label: 'birthday', date: '1980-02-29' }] }
    data.commitments = (data.commitments ?? []).map((c, k) =>
      k % 2 === 0
        ? { ...c, due: '2026-12-03', repeat: 'FREQ=WEEKLY;BYDAY=TH', occurrences: [{ on: '2026-12-10', status: 'done' as const, at: '2026-12-10T10:00:00Z' }] }
        : c
    )
    return [{ id: record.id, name: data.name, data }]
  })
  const commitments = clients.reduce((sum, c) => sum + (c.data.commitments?.length ?? 0), 0)
  const options = { detail: 'full' as const, timeZone: 'Europe/London' }
  const target = join(scratch, 'rapport.ics')
  const plain = join(scratch, 'plain.ics')
  let bytes = ''
  let flip = 0
  // Each run changes one client's follow-up, so the file really is written every time (an unchanged feed is not).
  const runs = await time(
    async () => {
      const first = clients[0]
      if (first) first.data.followUp = flip++ % 2 ? '2026-12-24' : '2026-12-23'
      bytes = calendarFeed(clients, options, 30)
      await writeIfChanged(target, bytes)
    },
    RUNS,
    2
  )
  const baseline = await time(() => writeFile(plain, bytes), RUNS, 2)
  const what = `${clients.length} clients, ${commitments.toLocaleString('en')} commitments, ${(bytes.length / 1024).toFixed(0)} KiB`
  return [
    {
      area: 'calendar',
      measure: `feed built and written atomically, median (${what})`,
      value: median(runs),
      unit: 'ms',
      baseline: { label: 'same bytes, plain writeFile', value: median(baseline) },
      goal: '< 200 ms'
    },
    { area: 'calendar', measure: `feed built and written atomically, p95 (${what})`, value: p95(runs), unit: 'ms', goal: '< 200 ms' }
  ]
}
