import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Interaction } from '../../shared/contract/relationship'
import type { Clock } from '../relationship/viewpoint'
import { openTestVault } from '../testing/open-vault'

/** Monday 23 November 2026, 10:00 in London. */
const clock: Clock = { now: () => new Date('2026-11-23T10:00:00Z'), timeZone: () => 'Europe/London' }

/** A run of attempts that ended in a call that connected, `count` tries in all, on consecutive days of October from `day`. */
const run = (day: number, count: number, tag: string): Interaction[] =>
  Array.from({ length: count }, (_, n) => ({
    id: `i_${tag}${n}`,
    at: `2026-10-${String(day + n).padStart(2, '0')}T09:00:00Z`,
    channel: 'phone',
    direction: 'out',
    outcome: n === count - 1 ? 'conversation' : 'no-reply'
  }))

describe('the coach through the contract', () => {
  it('tells the profile where the relationship stands, its balance, value given and the user’s rhythm; coaching off leaves the facts', async () => {
    const { call, vault, dir } = await openTestVault(undefined, { clock })
    const dana = await call('clients:create', { name: 'Dana' })
    await vault.clients.update(vault.clients.get(dana.id), (data) => {
      data.stage = { current: 'feedback', history: [] }
      data.trust = { current: 'faithful', history: [] }
      data.interactions = [
        ...run(1, 4, 'a'),
        ...run(6, 5, 'b'),
        ...run(12, 4, 'c'),
        { id: 'i_v', at: '2026-11-03T10:00:00Z', channel: 'email', direction: 'out', outcome: 'value-shared', note: 'Introduced her to Lee' },
        { id: 'i_n1', at: '2026-11-10T10:00:00Z', channel: 'phone', direction: 'out', outcome: 'no-reply' },
        { id: 'i_n2', at: '2026-11-12T10:00:00Z', channel: 'email', direction: 'out', outcome: 'no-reply' }
      ]
    })
    // Another client who usually answers at once: across clients it takes fewer tries.
    const omar = await call('clients:create', { name: 'Omar' })
    await vault.clients.update(vault.clients.get(omar.id), (data) => {
      data.interactions = [...run(1, 1, 'o'), ...run(5, 1, 'p'), ...run(9, 2, 'q')]
    })
    const entry = await call('entries:create', { clientId: dana.id, template: 'feedback-retrospective' })
    await call('entries:save', {
      id: entry.id,
      title: entry.title,
      body: `${entry.body}\nWorked well.\n`,
      version: entry.version,
      fields: { professional: 5, personal: 2 }
    })

    const coach = await call('coach:client', { clientId: dana.id })
    expect(coach).toMatchObject({
      coaching: true,
      stage: { level: 'feedback', line: { means: 'This is where relationships are tested.', next: "Respond, don't react, and run a retrospective." } },
      trust: { level: 'faithful', line: { next: 'The step to the highest rung is giving trust first.' } },
      balance: { parts: { professional: { value: 5, trend: 'once' }, personal: { value: 2, trend: 'once' } }, ratings: 1 },
      value: { given: 1, received: 0, lastGiven: { day: '2026-11-03', note: 'Introduced her to Lee' } },
      perseverance: { unanswered: 2, withClient: 4, sentence: 'It usually takes you 4 attempts with Dana before a conversation (2 across clients).' }
    })
    // The profile's unanswered line says the same, in a few words.
    expect((await call('clients:get', { id: dana.id })).insights.outreach).toMatchObject({
      unanswered: 2,
      perseverance: 'usually 4 with Dana, 2 across clients'
    })

    await call('settings:update', { coaching: false })
    const off = await call('coach:client', { clientId: dana.id })
    expect(off.coaching).toBe(false)
    expect(off.stage).toEqual({ level: 'feedback' })
    expect(off.perseverance.sentence).toBeUndefined()
    expect(off.balance?.parts.professional?.value).toBe(5)
    expect((await call('clients:get', { id: dana.id })).insights.outreach.perseverance).toBeUndefined()
    // The setting is in rapport.json, where a person can turn it off by hand too.
    expect(JSON.parse(await readFile(join(dir, 'rapport.json'), 'utf8')).settings).toMatchObject({ coaching: false })
  })

  it('gives the editor an entry’s template sections with their prompts, filled for its client; none for a plain entry', async () => {
    const { call, dir } = await openTestVault(undefined, { clock })
    const dana = await call('clients:create', { name: 'Dana Whitfield' })
    const reflection = await call('entries:create', { clientId: dana.id, template: 'after-difficult-meeting' })
    const prompts = await call('templates:prompts', { entryId: reflection.id })
    expect(prompts[0]).toEqual({ heading: 'What happened, in facts', prompt: expect.stringMatching(/\w/) })
    expect(prompts.find((p) => p.heading === 'How I will repair it')?.prompt).toBe('One concrete step, and when. “Call Dana Whitfield by Friday” is enough.')
    // The file has none of them.
    const text = await readFile(join(dir, reflection.path), 'utf8')
    for (const { prompt } of prompts.filter((p) => p.prompt)) expect(text).not.toContain(prompt)
    const plain = await call('entries:create', { clientId: dana.id })
    expect(await call('templates:prompts', { entryId: plain.id })).toEqual([])
    // A template gone since: the entry works as a plain one.
    const own = await call('templates:save', { name: 'Mine', description: '', body: '## Notes\n\n_Anything._\n' })
    const mine = await call('entries:create', { clientId: dana.id, template: own.id })
    await call('templates:delete', { id: own.id })
    expect(await call('templates:prompts', { entryId: mine.id })).toEqual([])
  })
})
