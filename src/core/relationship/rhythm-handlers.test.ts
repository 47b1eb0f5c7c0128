import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runDoctor } from '../doctor/doctor'
import { openTestVault } from '../testing/open-vault'
import type { Clock } from './viewpoint'

/** A clock the test moves; the zone is London unless said. */
const movableClock = (iso: string, zone = 'Europe/London'): Clock & { set(iso: string): void } => {
  let now = new Date(iso)
  return { now: () => now, timeZone: () => zone, set: (next) => void (now = new Date(next)) }
}

async function vaultAt(iso: string, zone?: string) {
  const clock = movableClock(iso, zone)
  return { ...(await openTestVault(undefined, { clock })), clock }
}

const fileOf = async (dir: string, path: string) => JSON.parse(await readFile(join(dir, path, 'client.json'), 'utf8')) as Record<string, unknown>

describe('cadence through the contract', () => {
  it('puts a client on Reach out once a cadence has passed, and logging a conversation takes them off', async () => {
    const { call, clock, dir } = await vaultAt('2026-11-02T10:00:00Z')
    const dana = await call('clients:create', { name: 'Dana' })
    await call('interactions:add', { clientId: dana.id, at: '2026-11-02T09:00:00Z', channel: 'phone', direction: 'out', outcome: 'conversation' })
    await call('cadence:set', { clientId: dana.id, cadence: 'every 2 weeks' })
    expect(await fileOf(dir, dana.path)).toMatchObject({ cadence: 'every 2 weeks' })
    clock.set('2026-11-16T10:00:00Z')
    const today = await call('today:get', undefined)
    expect(today.reachOut).toEqual([expect.objectContaining({ clientName: 'Dana', cadence: 'every 2 weeks', due: '2026-11-16', daysPast: 0 })])
    await call('interactions:add', { clientId: dana.id, channel: 'phone', direction: 'out', outcome: 'left-message' })
    expect((await call('today:get', undefined)).reachOut[0]?.line).toContain('1 attempt since you last spoke')
    await call('interactions:add', { clientId: dana.id, channel: 'video', direction: 'out', outcome: 'conversation' })
    expect((await call('today:get', undefined)).reachOut).toEqual([])
  })

  it('sets a person’s cadence, refuses one it cannot read, and removes it with none', async () => {
    const { call, dir } = await vaultAt('2026-11-02T10:00:00Z')
    const dana = await call('clients:create', { name: 'Dana' })
    const priya = await call('people:add', { clientId: dana.id, name: 'Priya' })
    await call('cadence:set', { clientId: dana.id, personId: priya.person.id, cadence: 'monthly' })
    expect(await fileOf(dir, dana.path)).toMatchObject({ people: [{ name: 'Priya', cadence: 'monthly' }] })
    await expect(call('cadence:set', { clientId: dana.id, cadence: 'now and then' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('not a cadence')
    })
    await expect(call('cadence:set', { clientId: dana.id, personId: 'p_nobody', cadence: 'monthly' })).rejects.toMatchObject({ code: 'not-found' })
    await call('cadence:set', { clientId: dana.id, personId: priya.person.id, cadence: null })
    expect((await fileOf(dir, dana.path)).people).toEqual([expect.not.objectContaining({ cadence: expect.anything() })])
  })
})

describe('a weekly promise', () => {
  it('shows one occurrence at a time: done brings the next, and the history is kept', async () => {
    const { call, clock, dir } = await vaultAt('2026-12-03T10:00:00Z')
    const dana = await call('clients:create', { name: 'Dana' })
    const { commitment } = await call('commitments:add', {
      clientId: dana.id,
      by: 'me',
      what: 'Status note',
      due: '2026-12-03',
      repeat: 'FREQ=WEEKLY;BYDAY=TH'
    })
    expect(commitment.repeat).toBe('FREQ=WEEKLY;BYDAY=TH')
    let today = await call('today:get', undefined)
    expect(today.commitments.mine).toEqual([
      expect.objectContaining({ occurrence: '2026-12-03', repeat: 'every Thursday', line: 'You promised “Status note” (every Thursday) — due today' })
    ])
    const marked = await call('commitments:occurrence', { clientId: dana.id, id: commitment.id, on: '2026-12-03', status: 'done' })
    // The profile's panel acts on the occurrence it is given here, never on the series.
    expect(marked.client.insights.recurring).toEqual({ [commitment.id]: { repeat: 'every Thursday', occurrence: '2026-12-10' } })
    today = await call('today:get', undefined)
    expect(today.commitments.mine).toEqual([])
    const [listed] = await call('commitments:list-all', {})
    expect(listed).toMatchObject({ occurrence: '2026-12-10', due: { day: '2026-12-10', state: 'later' }, active: true })
    // Missed a week: the 10th is overdue on the 17th's morning, until skipped.
    clock.set('2026-12-17T08:00:00Z')
    today = await call('today:get', undefined)
    expect(today.commitments.mine[0]).toMatchObject({ occurrence: '2026-12-10', due: { state: 'overdue' } })
    await call('commitments:occurrence', { clientId: dana.id, id: commitment.id, on: '2026-12-10', status: 'skipped' })
    expect((await call('today:get', undefined)).commitments.mine[0]).toMatchObject({ occurrence: '2026-12-17', due: { state: 'today' } })
    const file = await fileOf(dir, dana.path)
    expect(file.commitments).toEqual([
      expect.objectContaining({
        status: 'open',
        occurrences: [expect.objectContaining({ on: '2026-12-03', status: 'done' }), expect.objectContaining({ on: '2026-12-10', status: 'skipped' })]
      })
    ])
    await expect(call('commitments:occurrence', { clientId: dana.id, id: commitment.id, on: '2026-12-18', status: 'done' })).rejects.toMatchObject({
      message: '2026-12-18 is not an occurrence of “Status note”.'
    })
    const brief = await call('brief:get', { clientId: dana.id })
    expect(JSON.stringify(brief)).toContain('every Thursday')
  })

  it('refuses a rule it cannot read, and one without a first due date', async () => {
    const { call } = await vaultAt('2026-12-03T10:00:00Z')
    const dana = await call('clients:create', { name: 'Dana' })
    await expect(call('commitments:add', { clientId: dana.id, by: 'me', what: 'x', due: '2026-12-03', repeat: 'every thursday' })).rejects.toMatchObject({
      code: 'invalid-input'
    })
    await expect(call('commitments:add', { clientId: dana.id, by: 'me', what: 'x', repeat: 'FREQ=WEEKLY' })).rejects.toMatchObject({
      message: expect.stringContaining('needs a due date')
    })
  })
})

describe('snooze', () => {
  it('hides a follow-up until its day, under a clock that moves on', async () => {
    const { call, clock } = await vaultAt('2026-12-30T10:00:00Z')
    const dana = await call('clients:create', { name: 'Dana' })
    await call('clients:update-profile', { id: dana.id, patch: { followUp: '2026-12-30' } })
    expect((await call('today:get', undefined)).followUps).toHaveLength(1)
    await expect(call('today:snooze', { clientId: dana.id, key: 'follow-up', until: '2026-12-30' })).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(call('today:snooze', { clientId: dana.id, key: '../anything', until: '2027-01-02' })).rejects.toMatchObject({ code: 'invalid-input' })
    await call('today:snooze', { clientId: dana.id, key: 'follow-up', until: '2027-01-02' })
    expect((await call('today:get', undefined)).followUps).toHaveLength(0)
    clock.set('2027-01-01T23:30:00Z')
    expect((await call('today:get', undefined)).followUps).toHaveLength(0)
    clock.set('2027-01-02T00:30:00Z')
    expect((await call('today:get', undefined)).followUps).toEqual([
      expect.objectContaining({ clientName: 'Dana', due: expect.objectContaining({ state: 'overdue' }) })
    ])
  })
})

describe('hand edits', () => {
  it('a bad cadence or rule gets a doctor message and is never rewritten', async () => {
    const { call, dir, vault } = await vaultAt('2026-12-03T10:00:00Z')
    const dana = await call('clients:create', { name: 'Dana' })
    const { commitment } = await call('commitments:add', { clientId: dana.id, by: 'me', what: 'Status note', due: '2026-12-03', repeat: 'FREQ=WEEKLY' })
    const path = join(dir, dana.path, 'client.json')
    const data = JSON.parse(await readFile(path, 'utf8'))
    data.cadence = 'whenever'
    data.commitments[0].repeat = 'FREQ=FORTNIGHTLY'
    await writeFile(path, JSON.stringify(data, null, 2))
    await vault.reload()
    const report = await runDoctor(dir)
    expect(report.findings.map((f) => f.reason)).toEqual([
      expect.stringContaining('cadence: “whenever” is not a cadence Rapport knows'),
      expect.stringContaining('commitments.0.repeat (“Status note”): the repeat rule “FREQ=FORTNIGHTLY” repeats FORTNIGHTLY')
    ])
    // The app still works from the rest of the file, and a change elsewhere keeps both as written.
    expect((await call('today:get', undefined)).commitments.mine).toEqual([expect.objectContaining({ commitmentId: commitment.id })])
    await call('clients:update-profile', { id: dana.id, patch: { role: 'COO' } })
    expect(await fileOf(dir, dana.path)).toMatchObject({
      role: 'COO',
      cadence: 'whenever',
      commitments: [expect.objectContaining({ repeat: 'FREQ=FORTNIGHTLY' })]
    })
  })
})

describe('notifications from the shell', () => {
  it('says what was missed while closed once, in one notification, then nothing more that day', async () => {
    const { call, clock } = await vaultAt('2026-12-31T08:00:00Z')
    const dana = await call('clients:create', { name: 'Dana' })
    await call('clients:update-profile', { id: dana.id, patch: { followUp: '2026-12-30' } })
    await call('commitments:add', { clientId: dana.id, by: 'me', what: 'Status note', due: '2026-12-24', repeat: 'FREQ=WEEKLY' })
    // Before nine on the user's clock nothing is said, not even what was missed.
    expect(await call('notifications:missed', undefined)).toEqual({ summary: null })
    clock.set('2026-12-31T10:00:00Z')
    const { summary } = await call('notifications:missed', undefined)
    expect(summary).toMatchObject({ title: '2 reminders while Rapport was closed', body: expect.stringContaining('Follow up with Dana') })
    expect(await call('notifications:due', undefined)).toEqual([])
    expect(await call('notifications:missed', undefined)).toEqual({ summary: null })
  })

  it('acts on Done and Snooze from a notification as Today does', async () => {
    const { call, clock } = await vaultAt('2026-12-31T10:00:00Z')
    const dana = await call('clients:create', { name: 'Dana' })
    await call('clients:update-profile', { id: dana.id, patch: { followUp: '2026-12-31' } })
    const { commitment } = await call('commitments:add', { clientId: dana.id, by: 'me', what: 'Status note', due: '2026-12-31', repeat: 'FREQ=WEEKLY' })
    const due = await call('notifications:due', undefined)
    expect(due.map((n) => n.item)).toEqual(['follow-up', `commitment:${commitment.id}`])
    await call('notifications:act', { clientId: dana.id, item: `commitment:${commitment.id}`, action: 'done' })
    await call('notifications:act', { clientId: dana.id, item: 'follow-up', action: 'snooze' })
    let today = await call('today:get', undefined)
    expect(today.followUps).toEqual([])
    expect(today.commitments.mine).toEqual([])
    clock.set('2027-01-01T10:00:00Z')
    today = await call('today:get', undefined)
    expect(today.followUps).toHaveLength(1)
    await call('notifications:act', { clientId: dana.id, item: 'follow-up', action: 'done' })
    expect((await call('clients:get', { id: dana.id })).client.followUp).toBeUndefined()
    expect((await call('commitments:list-all', {}))[0]).toMatchObject({ occurrence: '2027-01-07' })
  })
})
