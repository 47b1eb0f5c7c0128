import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Clock } from '../core/relationship/viewpoint'
import { tempDir } from '../core/testing/temp-vault'
import { rapport } from './testing/run-cli'

/** Monday 23 November 2026, 10:00 in London: every "now", "today" and "overdue" below is judged from here. */
const clock: Clock = { now: () => new Date('2026-11-23T10:00:00Z'), timeZone: () => 'Europe/London' }

/** A vault with clients, driven through the real CLI at the fixed clock. */
async function vaultWith(...names: string[]) {
  const dir = await tempDir()
  const run = (args: string[], stdin: string | null = null) => rapport([...args, '--vault', dir], stdin, {}, clock)
  expect((await run(['init'])).code).toBe(0)
  for (const name of names) expect((await run(['client', 'add', name])).code).toBe(0)
  const clientFile = async (slug: string) => JSON.parse(await readFile(join(dir, 'clients', slug, 'client.json'), 'utf8')) as Record<string, any>
  const bytes = (slug: string) => readFile(join(dir, 'clients', slug, 'client.json'), 'utf8')
  return { dir, run, clientFile, bytes }
}

describe('rapport CLI: recording the relationship', () => {
  it('moves the stage and the trust with a note, plans a follow-up and clears it, all kept in client.json', async () => {
    const { run, clientFile } = await vaultWith('Dana Whitfield')
    expect(await run(['stage', 'Dana', 'Whitfield', 'Engaged', '--note', 'Signed the pilot'])).toMatchObject({ code: 0, out: 'Dana Whitfield: Engaged' })
    expect(await run(['trust', 'dana', 'familiar'])).toMatchObject({ code: 0, out: 'Dana Whitfield: trust Familiar' })
    expect(await run(['followup', 'Dana Whitfield', '2026-11-26'])).toMatchObject({ code: 0, out: 'Dana Whitfield: follow up 2026-11-26 (in 3 days)' })

    const data = await clientFile('dana-whitfield')
    expect(data.stage.current).toBe('engaged')
    expect(data.stage.history.at(-1)).toMatchObject({ stage: 'engaged', note: 'Signed the pilot', at: expect.stringMatching(/^2026-11-23/) })
    expect(data.trust).toMatchObject({ current: 'familiar' })
    expect(data.followUp).toBe('2026-11-26')

    const json = JSON.parse((await run(['followup', 'Dana', 'none', '--json'])).out)
    expect(json).toEqual({ clientId: data.id, followUp: null, due: null })
    expect((await clientFile('dana-whitfield')).followUp).toBeUndefined()
    expect(JSON.parse((await run(['stage', 'Dana', 'paused', '--json'])).out)).toMatchObject({ current: 'paused' })
    expect(JSON.parse((await run(['trust', 'Dana', 'friend', '--json'])).out)).toMatchObject({ current: 'friend' })
  })

  it('records promises both ways, lists them (by client, overdue only, as JSON) and marks one kept', async () => {
    const { run, clientFile } = await vaultWith('Dana Whitfield', 'Sam Okafor')
    const mine = await run(['promise', 'Dana', 'Send the revised scope', '--due', '2026-11-20'])
    expect(mine.code).toBe(0)
    expect(mine.out).toMatch(/^k_\S+ {2}Dana Whitfield: You promised “Send the revised scope” — was due 2026-11-20 \(3 days ago\)$/)
    const theirs = JSON.parse((await run(['promise', 'Dana Whitfield', 'Share the budget', '--by', 'them', '--json'])).out)
    expect(theirs).toMatchObject({ by: 'client', what: 'Share the budget', status: 'open', createdAt: expect.stringMatching(/^2026-11-23/) })
    expect(theirs.due).toBeUndefined()
    await run(['promise', 'Sam', 'Intro to the CFO', '--due', '2026-12-01'])

    const all = await run(['commitments'])
    expect(all.code).toBe(0)
    expect(all.out.split('\n')).toEqual([
      expect.stringMatching(/Dana Whitfield: You promised “Send the revised scope” — was due 2026-11-20/),
      expect.stringMatching(/Sam Okafor: You promised “Intro to the CFO” — due 2026-12-01 \(in 8 days\)$/),
      expect.stringMatching(/Dana Whitfield: They promised “Share the budget”$/)
    ])
    expect((await run(['commitments', '--overdue'])).out.split('\n')).toHaveLength(1)
    const samOnly = JSON.parse((await run(['commitments', '--client', 'Sam', '--json'])).out) as Array<{ clientName: string }>
    expect(samOnly.map((i) => i.clientName)).toEqual(['Sam Okafor'])

    const id = /^(k_\S+)/.exec(mine.out)?.[1] ?? ''
    expect(await run(['done', id])).toMatchObject({ code: 0, out: 'Kept: Send the revised scope (Dana Whitfield)' })
    const kept = (await clientFile('dana-whitfield')).commitments.find((k: { id: string }) => k.id === id)
    expect(kept).toMatchObject({ status: 'done', closedAt: expect.stringMatching(/^2026-11-23/) })
    expect(await run(['done', id])).toMatchObject({ code: 0, out: 'Already kept: Send the revised scope (Dana Whitfield)' })
    expect(JSON.parse((await run(['done', id, '--json'])).out)).toMatchObject({ id, status: 'done' })
    expect((await run(['commitments', '--overdue'])).out).toBe('Nothing is overdue.')
    expect(await run(['done', 'k_NOPE'])).toMatchObject({ code: 1, err: 'No commitment has the id "k_NOPE". "rapport commitments" lists them.' })
  })

  it('logs a contact now or at a given time, and says how the outreach stands', async () => {
    const { run, clientFile } = await vaultWith('Dana Whitfield')
    const first = await run(['log', 'Dana', '--channel', 'phone', '--outcome', 'left-message'])
    expect(first.code).toBe(0)
    expect(first.out).toMatch(/^Dana Whitfield: Phone · from you · left a message, 2026-11-23 10:00 {2}\(i_\S+\)\nNo conversation yet — 1 attempt so far$/)
    const second = JSON.parse(
      (
        await run([
          'log',
          'Dana',
          '--channel',
          'email',
          '--outcome',
          'conversation',
          '--direction',
          'in',
          '--note',
          'She wrote back',
          '--at',
          '2026-11-22T16:30',
          '--json'
        ])
      ).out
    )
    // 16:30 in London in November is 16:30 UTC; in July it would be 15:30.
    expect(second).toMatchObject({ at: '2026-11-22T16:30:00.000Z', channel: 'email', direction: 'in', outcome: 'conversation', note: 'She wrote back' })
    const summer = await run(['log', 'Dana', '--channel', 'video', '--outcome', 'meeting', '--at', '2026-07-01 09:00'])
    expect(summer.out).toMatch(/^Dana Whitfield: Video call · from you · meeting, 2026-07-01 09:00 /)
    expect((await clientFile('dana-whitfield')).interactions.at(-1).at).toBe('2026-07-01T08:00:00.000Z')
    expect(JSON.parse((await run(['log', 'Dana', '--channel', 'video', '--outcome', 'meeting', '--at', '2026-11-21', '--json'])).out).at).toBe('2026-11-21')
    expect((await clientFile('dana-whitfield')).interactions).toHaveLength(4)
  })

  it('adds, updates and removes the people at a client, and sets a person’s trust', async () => {
    const { run, clientFile } = await vaultWith('Northwind')
    expect(JSON.parse((await run(['person', 'add', 'Sam', '--client', 'Northwind', '--json'])).out)).toMatchObject({
      id: expect.stringMatching(/^p_/),
      name: 'Sam'
    })
    await run(['person', 'remove', 'Sam', '--client', 'Northwind'])
    const added = await run(['person', 'add', 'Priya', 'Raman', '--client', 'north', '--role', 'Head of Operations', '--relation', 'blocker'])
    expect(added.code).toBe(0)
    expect(added.out).toMatch(/^Added Priya Raman \(Head of Operations · Blocker\) {2}p_\S+ at Northwind$/)
    expect(await run(['person', 'update', 'priya', '--client', 'Northwind', '--role', 'COO', '--relation', 'sponsor'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Updated Priya Raman \(COO · Sponsor\)/)
    })
    expect(await run(['trust', 'Northwind', 'friend', '--person', 'Priya Raman', '--note', 'Lunch went well'])).toMatchObject({
      code: 0,
      out: 'Priya Raman at Northwind: trust Friend'
    })
    const person = (await clientFile('northwind')).people[0]
    expect(person).toMatchObject({ name: 'Priya Raman', role: 'COO', relation: 'sponsor', trust: { current: 'friend' } })
    expect(person.trust.history.at(-1)).toMatchObject({ trust: 'friend', note: 'Lunch went well' })

    const cleared = JSON.parse((await run(['person', 'update', 'Priya Raman', '--client', 'Northwind', '--role', '', '--relation', 'none', '--json'])).out)
    expect(cleared.role).toBeUndefined()
    expect(cleared.relation).toBeUndefined()
    expect(await run(['person', 'remove', 'Priya', '--client', 'Northwind', '--json'])).toMatchObject({ code: 0 })
    expect((await clientFile('northwind')).people).toEqual([])
    expect(await run(['person', 'remove', 'Priya', '--client', 'Northwind'])).toMatchObject({
      code: 1,
      err: 'Nobody at Northwind is called "Priya". "rapport people --client "Northwind"" lists them.'
    })
    expect((await run(['person', 'update', 'Priya', '--client', 'Northwind'])).code).toBe(2)
  })

  it('shows a client’s record, renames it and moves it to the trash', async () => {
    const { dir, run } = await vaultWith('Dana Whitfield')
    await run(['stage', 'Dana', 'engaged'])
    await run(['promise', 'Dana', 'Send the revised scope', '--due', '2026-11-20'])
    await run(['person', 'add', 'Priya Raman', '--client', 'Dana', '--role', 'CFO'])
    await run(['log', 'Dana', '--channel', 'video', '--outcome', 'meeting', '--at', '2026-11-21'])
    const shown = await run(['client', 'show', 'Dana'])
    expect(shown.code).toBe(0)
    expect(shown.out.split('\n')).toEqual([
      expect.stringMatching(/^Dana Whitfield {2}\(c_\S+\) {2}clients\/dana-whitfield$/),
      'Stage: Engaged · 0 entries',
      'Follow up: none planned',
      '',
      'Commitments (1 open, 1 overdue):',
      expect.stringMatching(/^ {2}k_\S+ {2}You promised “Send the revised scope” — was due 2026-11-20 \(3 days ago\)$/),
      '',
      'People:',
      '  Priya Raman  CFO',
      '',
      'Last contact: 2026-11-21, Video call · from you · meeting'
    ])
    expect(JSON.parse((await run(['client', 'show', 'Dana', '--json'])).out)).toMatchObject({
      client: { name: 'Dana Whitfield' },
      summary: { path: 'clients/dana-whitfield' }
    })

    expect(await run(['client', 'rename', 'Dana Whitfield', 'Dana Okafor'])).toMatchObject({
      code: 0,
      out: 'Renamed Dana Whitfield to Dana Okafor (clients/dana-okafor)'
    })
    expect((await run(['client', 'rename', 'Dana Okafor'])).code).toBe(2)
    await run(['client', 'add', 'Sam Okafor'])
    expect(JSON.parse((await run(['client', 'remove', 'Sam', '--json'])).out)).toEqual({
      removed: { id: expect.stringMatching(/^c_/), name: 'Sam Okafor', path: 'clients/sam-okafor' }
    })
    const removed = await run(['client', 'remove', 'Dana Okafor'])
    expect(removed).toMatchObject({
      code: 0,
      out: 'Moved Dana Okafor (clients/dana-okafor) to the trash (.rapport/trash/); it can be restored from the app’s Trash.'
    })
    expect(await readdir(join(dir, 'clients'))).toEqual([])
    expect((await readdir(join(dir, '.rapport', 'trash'))).some((name) => name.endsWith('dana-okafor'))).toBe(true)
    expect((await run(['clients', '--names'])).out).toBe('')
  })

  it('refuses a wrong stage, trust, channel, outcome, direction, party, relation or date with the valid ones (exit 2), writing nothing', async () => {
    const { run, bytes } = await vaultWith('Dana Whitfield')
    const before = await bytes('dana-whitfield')
    const refusals: Array<[string[], string]> = [
      [['stage', 'Dana', 'engagd'], '"engagd" is not a stage. It is one of: first-contact, first-meeting, engaged, feedback, long-term, paused, ended.'],
      [['trust', 'Dana', 'best-friends'], '"best-friends" is not a trust level. It is one of: fringe, friend, familiar, faithful, forever.'],
      [['log', 'Dana', '--channel', 'fax', '--outcome', 'meeting'], '"fax" is not a channel (--channel). It is one of: email, phone, video, in-person, chat.'],
      [['log', 'Dana', '--channel', 'phone'], 'Say the outcome (--outcome). It is one of: no-reply, left-message, conversation, meeting, value-shared.'],
      [['log', 'Dana', '--channel', 'phone', '--outcome', 'meeting', '--direction', 'up'], '"up" is not a direction (--direction). It is one of: out, in.'],
      [
        ['log', 'Dana', '--channel', 'phone', '--outcome', 'meeting', '--at', 'yesterday'],
        '--at is a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM), like 2026-11-30T14:30, not "yesterday".'
      ],
      [['promise', 'Dana', 'Call back', '--by', 'us'], '"us" is not a party (--by). It is one of: me, them.'],
      [['promise', 'Dana', 'Call back', '--due', '2026-02-30'], '--due is a date written YYYY-MM-DD, like 2026-11-30, not "2026-02-30".'],
      [['promise', 'Dana', 'Call back', '--due', '30/11/2026'], '--due is a date written YYYY-MM-DD, like 2026-11-30, not "30/11/2026".'],
      [['followup', 'Dana', 'tomorrow'], 'The follow-up date is a date written YYYY-MM-DD, like 2026-11-30, not "tomorrow".'],
      [
        ['person', 'add', 'Priya', '--client', 'Dana', '--relation', 'boss'],
        '"boss" is not a relation (--relation). It is one of: sponsor, decision-maker, influencer, user, blocker.'
      ],
      [
        ['new', '--client', 'Dana', '--date', '2026-13-01'],
        '--date is a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM), like 2026-11-30T14:30, not "2026-13-01".'
      ]
    ]
    for (const [args, message] of refusals) {
      const result = await run(args, 'text')
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.err.split('\n')[0], args.join(' ')).toBe(message)
      expect(result.err).toMatch(/\nUsage: rapport /)
    }
    expect(await bytes('dana-whitfield')).toBe(before)
  })

  it('takes hostile names and values as text: ../, CON, emoji and 300 characters work; 301 characters and line breaks are refused, losing nothing', async () => {
    const { dir, run, clientFile, bytes } = await vaultWith('Dana Whitfield')
    const long = 'x'.repeat(300)
    for (const name of ['../escape', 'CON', 'Zoë 🌱 Ltd', long]) {
      const renamed = await run(['client', 'rename', 'Dana Whitfield', name, '--json'])
      expect(renamed.code, name).toBe(0)
      const summary = JSON.parse(renamed.out) as { name: string; path: string }
      expect(summary.name).toBe(name)
      expect(summary.path).toMatch(/^clients\/[^/]+$/)
      expect((await run(['client', 'rename', name, 'Dana Whitfield'])).code, name).toBe(0)
    }
    expect(await readdir(join(dir, 'clients'))).toEqual(['dana-whitfield'])

    const before = await bytes('dana-whitfield')
    for (const name of [`${long}x`, 'Two\nlines']) {
      const refused = await run(['client', 'rename', 'Dana Whitfield', name])
      expect(refused.code).toBe(1)
      expect(refused.err).toMatch(/A name can be at most 300 characters|A name cannot contain control characters/)
      expect((await run(['person', 'add', name, '--client', 'Dana'])).code).toBe(1)
    }
    expect(await bytes('dana-whitfield')).toBe(before)
    expect(await run(['client', 'show', '../dana-whitfield'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('No client is called "../dana-whitfield"')
    })

    for (const name of ['../escape', 'CON', 'Zoë 🌱', long]) expect((await run(['person', 'add', name, '--client', 'Dana'])).code, name).toBe(0)
    expect((await clientFile('dana-whitfield')).people.map((p: { name: string }) => p.name)).toEqual(['../escape', 'CON', 'Zoë 🌱', long])
    expect((await run(['trust', 'Dana', 'friend', '--person', 'CON'])).code).toBe(0)
    expect((await run(['person', 'remove', '../escape', '--client', 'Dana'])).code).toBe(0)

    const what = 'Send 🌱 the ../plan\nto CON'
    expect((await run(['promise', 'Dana', what, '--due', '2026-12-01'])).code).toBe(0)
    expect((await run(['log', 'Dana', '--channel', 'chat', '--outcome', 'conversation', '--note', `${long}\n🌱`])).code).toBe(0)
    expect((await run(['stage', 'Dana', 'engaged', '--note', 'CON\n../'])).code).toBe(0)
    const data = await clientFile('dana-whitfield')
    expect(data.commitments[0].what).toBe(what)
    expect(data.interactions[0].note).toBe(`${long}\n🌱`)
    expect(data.stage.history.at(-1).note).toBe('CON\n../')
    expect((await readdir(join(dir, 'clients'))).sort()).toEqual(['dana-whitfield'])
  })

  it('says which client is meant when a name is missing or unknown (exit 2, exit 1)', async () => {
    const { run } = await vaultWith('Dana Whitfield')
    for (const args of [
      ['stage'],
      ['stage', 'Dana'],
      ['trust', 'Dana'],
      ['followup', 'Dana'],
      ['promise', 'Dana'],
      ['done'],
      ['log'],
      ['person', 'add', 'Priya'],
      ['client', 'show'],
      ['client', 'remove']
    ]) {
      expect((await run(args)).code, args.join(' ')).toBe(2)
    }
    for (const args of [
      ['stage', 'Nobody', 'engaged'],
      ['promise', 'Nobody', 'x'],
      ['log', 'Nobody', '--channel', 'phone', '--outcome', 'meeting'],
      ['commitments', '--client', 'Nobody']
    ]) {
      const result = await run(args)
      expect(result.code, args.join(' ')).toBe(1)
      expect(result.err).toContain('No client is called "Nobody"')
    }
  })
})
