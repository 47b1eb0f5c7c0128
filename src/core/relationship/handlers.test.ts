import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import type { Clock } from './viewpoint'

/** Monday 23 November 2026, 10:00 in London. */
const fixedClock = (iso = '2026-11-23T10:00:00Z', zone = 'Europe/London'): Clock & { set(iso: string): void } => {
  let now = new Date(iso)
  return { now: () => now, timeZone: () => zone, set: (next) => void (now = new Date(next)) }
}

/** Opens a vault whose relationship channels run on a fixed clock; calls go through the contract exactly as the app does. */
async function openVault(root?: string, clock = fixedClock()) {
  return { ...(await openTestVault(root, { clock })), clock }
}

const readJson = async (dir: string, path: string) => JSON.parse(await readFile(join(dir, path), 'utf8'))
const clientFile = (summary: { path: string }) => `${summary.path}/client.json`

describe('the profile', () => {
  it('is saved as it is edited, and read back after the vault is opened again', async () => {
    const { dir, call } = await openVault()
    const dana = await call('clients:create', { name: 'Dana Whitfield' })
    await call('clients:update-profile', { id: dana.id, patch: { organisation: 'Northwind', role: 'COO' } })
    await call('clients:update-profile', {
      id: dana.id,
      patch: { contact: { email: 'dana@northwind.example' }, style: { channel: 'phone', opening: 'straight-to-business', timeZone: 'America/New_York' } }
    })
    const detail = await call('clients:update-profile', {
      id: dana.id,
      patch: {
        person: { likes: ['jazz'], dates: [{ label: 'birthday', date: '1980-11-26' }] },
        business: { goals: 'Expand to Leeds' },
        tags: ['retainer', ' retainer', 'vip'],
        followUp: '2026-11-23'
      }
    })
    expect(detail.client).toMatchObject({
      organisation: 'Northwind',
      role: 'COO',
      tags: ['retainer', 'vip'],
      followUp: '2026-11-23',
      style: { channel: 'phone', timeZone: 'America/New_York' }
    })
    expect(detail.insights).toMatchObject({
      followUp: { day: '2026-11-23', state: 'today', days: 0 },
      localTime: { valid: true, time: '05:00', text: '05:00 Mon, 5 hours behind you' },
      importantDates: [{ label: 'birthday', next: '2026-11-26', daysUntil: 3, reminderDue: true, years: 46 }]
    })
    expect(detail.summary).toMatchObject({ organisation: 'Northwind', followUp: '2026-11-23', followUpDue: true, openCommitments: 0, unansweredAttempts: 0 })

    const file = await readJson(dir, clientFile(dana))
    expect(file).toMatchObject({ organisation: 'Northwind', contact: { email: 'dana@northwind.example' }, business: { goals: 'Expand to Leeds' } })
    const again = await openVault(dir)
    expect((await again.call('clients:get', { id: dana.id })).client).toEqual(detail.client)
  })

  it('keeps fields Rapport does not know, and the order of keys, and shows hand edits after a reload', async () => {
    const { dir, vault, call } = await openVault()
    const c = await call('clients:create', { name: 'Northwind' })
    const path = join(dir, clientFile(c))
    const original = await readJson(dir, clientFile(c))
    await writeFile(path, JSON.stringify({ crmId: 'NW-42', ...original, style: { channel: 'email', mood: 'calm' }, extra: { nested: [1, 2] } }, null, 2))
    await vault.reload()
    expect((await call('clients:get', { id: c.id })).client).toMatchObject({ crmId: 'NW-42', style: { mood: 'calm' } })

    await call('clients:update-profile', { id: c.id, patch: { style: { detail: 'big-picture' }, organisation: 'Northwind Traders' } })
    const after = await readJson(dir, clientFile(c))
    expect(Object.keys(after)).toEqual(['crmId', ...Object.keys(original), 'style', 'extra', 'organisation'])
    expect(after.style).toEqual({ channel: 'email', mood: 'calm', detail: 'big-picture' })
    expect(after.extra).toEqual({ nested: [1, 2] })

    // A person adds a commitment and an interaction in a text editor; the app sees them once the vault is read again.
    const edited = {
      ...after,
      commitments: [{ id: 'k_hand', by: 'client', what: 'Send the figures', due: '2026-11-20', status: 'open', createdAt: '2026-11-01' }],
      interactions: [{ id: 'i_hand', at: '2026-11-02', channel: 'phone', direction: 'out', outcome: 'no-reply' }]
    }
    await writeFile(path, JSON.stringify(edited, null, 2))
    await vault.reload()
    const detail = await call('clients:get', { id: c.id })
    expect(detail.insights.outreach).toEqual({ unanswered: 1, sentence: 'No conversation yet — 1 attempt so far' })
    expect(detail.insights.commitments).toEqual({ open: 1, overdue: 1, dueToday: 0 })
    expect((await call('commitments:list-all', undefined)).map((k) => k.commitment.id)).toEqual(['k_hand'])
  })

  it('records stage and trust changes with the date and the reason', async () => {
    const { dir, call } = await openVault()
    const c = await call('clients:create', { name: 'Dana' })
    await call('clients:set-stage', { id: c.id, stage: 'first-meeting', note: 'Coffee in Soho' })
    const detail = await call('clients:set-trust', { id: c.id, trust: 'friend' })
    expect(detail.summary).toMatchObject({ stage: 'first-meeting', trust: 'friend' })
    const file = await readJson(dir, clientFile(c))
    expect(file.stage.history).toEqual([
      { stage: 'first-contact', at: expect.any(String) },
      { stage: 'first-meeting', at: '2026-11-23T10:00:00.000Z', note: 'Coffee in Soho' }
    ])
    expect(file.trust).toEqual({ current: 'friend', history: [{ trust: 'friend', at: '2026-11-23T10:00:00.000Z' }] })
    const timeline = await call('timeline:get', { clientId: c.id })
    expect(timeline.filter((e) => e.kind === 'stage' || e.kind === 'trust').map((e) => e.label)).toEqual([
      'Stage: First contact',
      'Stage: First meeting',
      'Trust: Friend'
    ])
  })

  it('saves every one of several edits sent at once', async () => {
    const { dir, call } = await openVault()
    const c = await call('clients:create', { name: 'Quick typist' })
    await Promise.all([
      call('clients:update-profile', { id: c.id, patch: { organisation: 'A' } }),
      call('clients:update-profile', { id: c.id, patch: { role: 'B' } }),
      call('clients:update-profile', { id: c.id, patch: { business: { goals: 'C' } } }),
      call('interactions:add', { clientId: c.id, channel: 'email', direction: 'out', outcome: 'no-reply' }),
      call('commitments:add', { clientId: c.id, by: 'me', what: 'D' })
    ])
    const file = await readJson(dir, clientFile(c))
    expect(file).toMatchObject({ organisation: 'A', role: 'B', business: { goals: 'C' } })
    expect(file.interactions).toHaveLength(1)
    expect(file.commitments).toHaveLength(1)
  })
})

describe('invalid input', () => {
  it('is refused with a clear message, and nothing is written', async () => {
    const { dir, call, dispatch } = await openVault()
    const c = await call('clients:create', { name: 'Dana' })
    const before = await readFile(join(dir, clientFile(c)), 'utf8')
    expect(await dispatch('clients:set-stage', { id: c.id, stage: 'married' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/\(stage\)$/) }
    })
    expect(await dispatch('commitments:add', { clientId: c.id, by: 'me', what: 'Scope', due: '2026-02-30' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'must be a real date, like 2026-11-22 (due)' }
    })
    expect(await dispatch('commitments:add', { clientId: c.id, by: 'me', what: 'Scope', due: 'next Tuesday' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'must be an ISO 8601 date like 2026-11-22 (due)' }
    })
    expect(await dispatch('commitments:add', { clientId: c.id, by: 'me', what: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'Say what was promised. (what)' }
    })
    expect(await dispatch('clients:update-profile', { id: c.id, patch: { style: { chanel: 'email' } } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/chanel.*\(patch\.style\)/) }
    })
    expect(await dispatch('clients:update-profile', { id: c.id, patch: { style: { timeZone: 'London' } } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/time zone name like Europe\/London/) }
    })
    expect(await dispatch('interactions:add', { clientId: c.id, channel: 'pigeon', direction: 'out', outcome: 'no-reply' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/\(channel\)$/) }
    })
    expect(await dispatch('settings:update', { quietAfterDays: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'must be at least 1 day (quietAfterDays)' }
    })
    expect(await readFile(join(dir, clientFile(c)), 'utf8')).toBe(before)
  })

  it('naming something that does not exist is not-found, with what was looked for', async () => {
    const { call, dispatch } = await openVault()
    const c = await call('clients:create', { name: 'Dana' })
    expect(await dispatch('commitments:update', { clientId: c.id, id: 'k_missing', status: 'done' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Dana has no commitment with the id k_missing. It may have been removed from client.json.' }
    })
    expect(await dispatch('interactions:delete', { clientId: c.id, id: 'i_missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await dispatch('commitments:add', { clientId: c.id, by: 'me', what: 'x', entry: 'e_missing' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/no entry e_missing/) }
    })
    expect(await dispatch('clients:get', { id: 'c_missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('a broken client.json is never changed, whether broken before opening or on disk since', async () => {
    const { dir, vault, call, dispatch } = await openVault()
    const c = await call('clients:create', { name: 'Dana' })
    const path = join(dir, clientFile(c))
    const file = await readJson(dir, clientFile(c))
    // Valid JSON, but not a client file any more: edited by hand after Rapport read it.
    const handBroken = JSON.stringify({ ...file, stage: { current: 'married' } }, null, 2)
    await writeFile(path, handBroken)
    expect(await dispatch('clients:set-trust', { id: c.id, trust: 'friend' })).toMatchObject({
      ok: false,
      error: { code: 'broken-file', message: expect.stringMatching(/stage\.current/), path: clientFile(c) }
    })
    expect(await readFile(path, 'utf8')).toBe(handBroken)

    await writeFile(path, '{ "name": ')
    await vault.reload()
    const broken = (await call('clients:list', undefined))[0]
    expect(await dispatch('clients:get', { id: broken?.id ?? '' })).toMatchObject({ ok: false, error: { code: 'broken-file' } })
    expect(await dispatch('interactions:add', { clientId: broken?.id ?? '', channel: 'phone', direction: 'out', outcome: 'no-reply' })).toMatchObject({
      ok: false,
      error: { code: 'broken-file' }
    })
    expect(await call('today:get', undefined)).toMatchObject({ followUps: [], quiet: [] })
    expect(await readFile(path, 'utf8')).toBe('{ "name": ')
  })
})

describe('commitments', () => {
  it('are listed across clients, overdue first, then by due date, undated last', async () => {
    const { call } = await openVault()
    const a = await call('clients:create', { name: 'Aaron' })
    const b = await call('clients:create', { name: 'Bea' })
    await call('commitments:add', { clientId: a.id, by: 'me', what: 'Undated' })
    await call('commitments:add', { clientId: a.id, by: 'me', what: 'Next week', due: '2026-11-30' })
    await call('commitments:add', { clientId: b.id, by: 'client', what: 'Long overdue', due: '2026-11-01' })
    await call('commitments:add', { clientId: a.id, by: 'me', what: 'Overdue', due: '2026-11-20' })
    await call('commitments:add', { clientId: b.id, by: 'me', what: 'Today', due: '2026-11-23' })
    const { commitment: done } = await call('commitments:add', { clientId: b.id, by: 'me', what: 'Kept', due: '2026-11-02' })
    await call('commitments:update', { clientId: b.id, id: done.id, status: 'done' })

    const list = await call('commitments:list-all', undefined)
    expect(list.map((k) => [k.clientName, k.commitment.what, k.overdue])).toEqual([
      ['Bea', 'Long overdue', true],
      ['Aaron', 'Overdue', true],
      ['Bea', 'Today', false],
      ['Aaron', 'Next week', false],
      ['Aaron', 'Undated', false]
    ])
    expect((await call('commitments:list-all', { by: 'client' })).map((k) => k.commitment.what)).toEqual(['Long overdue'])
    const all = await call('commitments:list-all', { include: 'all' })
    expect(all.at(-1)).toMatchObject({ active: false, overdue: false, commitment: { what: 'Kept', status: 'done', closedAt: '2026-11-23T10:00:00.000Z' } })
    expect((await call('clients:get', { id: a.id })).summary).toMatchObject({ openCommitments: 3, overdueCommitments: 1 })
  })

  it('come from a selection in an entry, and keep the old date when renegotiated', async () => {
    const { dir, call } = await openVault()
    const c = await call('clients:create', { name: 'Dana' })
    const entry = await call('entries:create', { clientId: c.id, title: 'Scope call', body: 'I will send the revised scope by Wednesday.\n' })
    const { commitment } = await call('commitments:add', { clientId: c.id, by: 'me', what: 'send the revised scope', due: '2026-11-25', entry: entry.id })
    expect(commitment).toMatchObject({ entry: entry.id, status: 'open', createdAt: '2026-11-23T10:00:00.000Z' })
    const { commitment: moved } = await call('commitments:update', {
      clientId: c.id,
      id: commitment.id,
      status: 'renegotiated',
      due: '2026-12-02',
      note: 'They need legal first'
    })
    expect(moved).toMatchObject({ due: '2026-12-02', status: 'renegotiated', history: [{ due: '2026-11-25', status: 'open', note: 'They need legal first' }] })
    expect((await readJson(dir, clientFile(c))).commitments[0].history).toHaveLength(1)
    const timeline = await call('timeline:get', { clientId: c.id })
    // The entry is stamped by the real clock, the commitments by the test's: only their presence and targets are compared.
    expect(timeline.map((e) => [e.kind, e.target?.id ?? null])).toEqual(
      expect.arrayContaining([
        ['stage', null],
        ['entry', entry.id],
        ['commitment-made', commitment.id],
        ['commitment-moved', commitment.id]
      ])
    )
  })
})

describe('interactions', () => {
  it('are added quickly, counted calmly, changed and deleted', async () => {
    const { call } = await openVault()
    const c = await call('clients:create', { name: 'Dana' })
    await call('interactions:add', { clientId: c.id, at: '2026-10-12T10:00:00Z', channel: 'phone', direction: 'out', outcome: 'conversation' })
    for (const at of ['2026-10-20', '2026-11-02', '2026-11-16'])
      await call('interactions:add', { clientId: c.id, at, channel: 'email', direction: 'out', outcome: 'no-reply' })
    const { interaction, client } = await call('interactions:add', {
      clientId: c.id,
      channel: 'phone',
      direction: 'out',
      outcome: 'left-message',
      note: 'Voicemail'
    })
    expect(interaction).toMatchObject({ at: '2026-11-23T10:00:00.000Z', note: 'Voicemail' })
    expect(client.insights.outreach).toEqual({ unanswered: 4, lastSpokeAt: '2026-10-12T10:00:00Z', sentence: '4 attempts since you last spoke, on 12 Oct' })
    expect(client.summary.unansweredAttempts).toBe(4)
    expect(client.insights.quiet).toEqual({ quiet: true, since: '2026-10-12T10:00:00Z', days: 42 })

    const answered = await call('interactions:update', { clientId: c.id, id: interaction.id, direction: 'in', outcome: 'conversation' })
    expect(answered.client.insights.outreach).toEqual({ unanswered: 0, lastSpokeAt: '2026-11-23T10:00:00.000Z' })
    expect(answered.client.insights.quiet.quiet).toBe(false)
    const deleted = await call('interactions:delete', { clientId: c.id, id: interaction.id })
    expect(deleted.client.interactions).toHaveLength(4)
  })
})

describe('Today, notifications and settings', () => {
  async function twoClients() {
    const opened = await openVault()
    const { call } = opened
    const dana = await call('clients:create', { name: 'Dana' })
    const sam = await call('clients:create', { name: 'Sam' })
    await call('clients:update-profile', { id: dana.id, patch: { followUp: '2026-11-23', person: { dates: [{ label: 'birthday', date: '1980-11-26' }] } } })
    await call('commitments:add', { clientId: dana.id, by: 'me', what: 'Send the scope', due: '2026-11-20' })
    await call('commitments:add', { clientId: sam.id, by: 'client', what: 'Sign', due: '2026-11-23' })
    await call('interactions:add', { clientId: sam.id, at: '2026-10-01', channel: 'phone', direction: 'in', outcome: 'conversation' })
    return { ...opened, dana, sam }
  }

  it('lists what needs the user today', async () => {
    const { call } = await twoClients()
    const today = await call('today:get', undefined)
    expect(today).toMatchObject({ day: '2026-11-23', timeZone: 'Europe/London' })
    expect(today.followUps.map((f) => `${f.clientName}: ${f.line}`)).toEqual(['Dana: Follow up today'])
    expect(today.commitments.mine.map((k) => `${k.clientName}: ${k.line}`)).toEqual(['Dana: You promised “Send the scope” — was due 20 Nov (3 days ago)'])
    expect(today.commitments.theirs.map((k) => `${k.clientName}: ${k.line}`)).toEqual(['Sam: They promised “Sign” — due today'])
    expect(today.importantDates.map((d) => `${d.clientName}: ${d.line}`)).toEqual(['Dana: Birthday in 3 days (26 Nov)'])
    expect(today.quiet.map((q) => `${q.clientName}: ${q.line}`)).toEqual(['Sam: No conversation for 53 days — last on 1 Oct'])
  })

  it('follow the user’s settings: the quiet interval and their time zone', async () => {
    const { dir, call } = await twoClients()
    expect(await call('settings:get', undefined)).toEqual({
      quietAfterDays: 30,
      remindDaysBefore: 3,
      timeZone: 'Europe/London',
      usesSystemTimeZone: true,
      coaching: true,
      keepEmptySections: false,
      locale: null,
      clock: null
    })
    expect(await call('settings:update', { quietAfterDays: 60, remindDaysBefore: 1, timeZone: 'Pacific/Auckland' })).toEqual({
      quietAfterDays: 60,
      remindDaysBefore: 1,
      timeZone: 'Pacific/Auckland',
      usesSystemTimeZone: false,
      coaching: true,
      keepEmptySections: false,
      locale: null,
      clock: null
    })
    expect(JSON.parse(await readFile(join(dir, 'rapport.json'), 'utf8')).settings).toMatchObject({
      quietAfterDays: 60,
      remindDaysBefore: 1,
      timeZone: 'Pacific/Auckland'
    })
    const today = await call('today:get', undefined)
    // 10:00 UTC is 23:00 in Auckland: still the 23rd there, Sam is no longer "quiet" at 60 days, the birthday is 3 days off (reminder from 1 day).
    expect(today).toMatchObject({ day: '2026-11-23', timeZone: 'Pacific/Auckland', quiet: [] })
    expect((await call('clients:list', undefined)).find((c) => c.name === 'Sam')?.quiet).toBe(false)
    expect((await call('settings:update', { timeZone: null })).usesSystemTimeZone).toBe(true)
  })

  it('keep the language and clock dates are written in, and tell the renderer the core clock’s time', async () => {
    const { call, clock } = await twoClients()
    expect(await call('settings:update', { locale: 'de-DE', clock: '12-hour' })).toMatchObject({ locale: 'de-DE', clock: '12-hour' })
    await expect(call('settings:update', { locale: 'not a language!' })).rejects.toMatchObject({ code: 'invalid-input' })
    expect(await call('settings:update', { locale: null, clock: null })).toMatchObject({ locale: null, clock: null })
    clock.set('2026-11-23T08:30:00Z')
    expect(await call('app:now', undefined)).toBe('2026-11-23T08:30:00.000Z')
  })

  it('notify once per item per day, from 09:00 in the user’s zone, and remember it across restarts', async () => {
    const { dir, call, clock } = await twoClients()
    clock.set('2026-11-23T08:30:00Z')
    expect(await call('notifications:due', undefined)).toEqual([])
    clock.set('2026-11-23T09:15:00Z')
    const first = await call('notifications:due', undefined)
    expect(first.map((n) => n.title)).toEqual(['Follow up with Dana', 'Your promise to Dana', 'Sam’s promise to you', 'Dana: Birthday in 3 days (26 Nov)'])
    expect(await call('notifications:due', undefined)).toEqual([])
    expect(existsSync(join(dir, '.rapport/notified.json'))).toBe(true)

    const restarted = await openVault(dir, fixedClock('2026-11-23T12:00:00Z'))
    expect(await restarted.call('notifications:due', undefined)).toEqual([])
    restarted.clock.set('2026-11-24T09:00:00Z')
    expect((await restarted.call('notifications:due', undefined)).map((n) => n.title)).toEqual([
      'Follow up with Dana',
      'Your promise to Dana',
      'Sam’s promise to you'
    ])
  })

  it('are refused in a vault opened read-only, which still reads', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'rapport.json'), JSON.stringify({ format: 99, createdAt: '2030-01-01', settings: {} }))
    const { dispatch } = await openVault(dir)
    expect(await dispatch('settings:update', { quietAfterDays: 10 })).toMatchObject({ ok: false, error: { code: 'read-only' } })
    expect(await dispatch('interactions:add', { clientId: 'c_x', channel: 'phone', direction: 'out', outcome: 'no-reply' })).toMatchObject({
      ok: false,
      error: { code: 'read-only' }
    })
    expect(await dispatch('today:get', undefined)).toMatchObject({ ok: true })
    expect(await dispatch('notifications:due', undefined)).toEqual({ ok: true, value: [] })
    expect(existsSync(join(dir, '.rapport/notified.json'))).toBe(false)
  })
})
