import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Nodes, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { describe, expect, it, vi } from 'vitest'
import type { Brief, BriefSectionKind } from '../../shared/contract/brief'
import { briefSection, briefSectionOrder } from '../../shared/contract/brief'
import type { Clock } from '../relationship/viewpoint'
import { loadGuidance } from '../coach/guidance'
import { checkoutResourcesDir } from '../resources'
import { TemplateStore } from '../templates/template-store'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'
import { assembleBrief } from './assemble-brief'
import { briefToMarkdown } from './brief-markdown'
import { HISTORY_CLIENT_ID, writeYearsOfHistory } from '../testing/years-of-history'

/** Monday 23 November 2026, 10:00 in London. */
const NOW = '2026-11-23T10:00:00Z'
const fixedClock = (iso = NOW, zone = 'Europe/London'): Clock => ({ now: () => new Date(iso), timeZone: () => zone })

const NEW_CLIENT = 'c_01JNEWCL1ENT000000000000AB'
const HAND_EDITED = 'c_01JHANDED1TED0000000000AB'

/** A vault holding the named fixture client folders (copied, so the fixtures are never changed), called through the contract with a fixed clock. */
async function openVault(options: { fixtures?: string[]; history?: boolean; clock?: Clock } = {}) {
  const dir = await tempDir()
  for (const name of options.fixtures ?? []) await cp(join(import.meta.dirname, 'fixtures', name), join(dir, 'clients', name), { recursive: true })
  if (options.history) await writeYearsOfHistory(dir, { today: '2026-11-23', years: 3, entries: 160, interactions: 480 })
  return openTestVault(dir, { clock: options.clock ?? fixedClock() })
}

const kinds = (brief: Brief): BriefSectionKind[] => brief.sections.map((s) => s.kind)

/**
 * How much of a printed page the brief takes, by the page the print style is
 * made for: US Letter (the shorter of Letter and A4) with half-inch margins,
 * text at 10 pt with 1.3 line spacing — 55 lines of about 105 characters.
 * The Markdown is measured as it prints, not as it is written (a link shows
 * its title, not its address): each paragraph or list item its lines; the
 * title two lines, a section heading one and a half; each gap between blocks
 * four tenths of a line.
 */
const PAGE_LINES = 55
const plainText = (node: Nodes): string =>
  node.type === 'text' || node.type === 'inlineCode' ? node.value : 'children' in node ? node.children.map((child) => plainText(child as Nodes)).join('') : ''
function printedLines(markdown: string): number {
  const tree = fromMarkdown(markdown)
  let lines = 0
  const visit = (node: RootContent): void => {
    if (node.type === 'heading') lines += node.depth === 1 ? 2 : 1.5
    else if (node.type === 'paragraph') lines += Math.max(1, Math.ceil(plainText(node).length / 105))
    else if (node.type === 'list') node.children.forEach((item) => item.children.forEach(visit))
  }
  tree.children.forEach(visit)
  const gaps = tree.children.filter((node) => node.type !== 'heading').length - 1
  return lines + gaps * 0.4
}

describe('the brief of a new client, with nothing yet', () => {
  it('has only who they are and what their stage means: every empty section is left out', async () => {
    const { call } = await openVault({ fixtures: ['new-client'] })
    const brief = await call('brief:get', { clientId: NEW_CLIENT })
    expect(brief).toEqual({
      clientId: NEW_CLIENT,
      name: 'Sam Okafor',
      asOf: { at: '2026-11-23T10:00:00.000Z', day: '2026-11-23', time: '10:00', timeZone: 'Europe/London' },
      sections: [
        { kind: 'who', stage: { level: 'first-contact', since: '2026-11-20' }, clientSince: '2026-11-20' },
        {
          kind: 'relationship',
          stage: { level: 'first-contact', means: 'Nothing is owed yet.', next: 'Earn a first meeting with a reason that is about them.' }
        }
      ]
    })
    const { markdown, fileName } = await call('brief:markdown', { clientId: NEW_CLIENT })
    expect(fileName).toBe('sam-okafor-brief-2026-11-23.md')
    expect(markdown).toBe(
      [
        '# Sam Okafor',
        '',
        'Stage: First contact since 20 Nov · Client since 20 Nov',
        '',
        '_First contact:_ Nothing is owed yet. Earn a first meeting with a reason that is about them.',
        '',
        '_Prepared Mon, 23 Nov 2026 at 10:00 (Europe/London)._',
        ''
      ].join('\n')
    )
  })

  it('has only who they are with coaching turned off', async () => {
    const { call } = await openVault({ fixtures: ['new-client'] })
    await call('settings:update', { coaching: false })
    expect((await call('brief:get', { clientId: NEW_CLIENT })).sections.map((s) => s.kind)).toEqual(['who'])
    expect((await call('brief:markdown', { clientId: NEW_CLIENT })).markdown).toBe(
      ['# Sam Okafor', '', 'Stage: First contact since 20 Nov · Client since 20 Nov', '', '_Prepared Mon, 23 Nov 2026 at 10:00 (Europe/London)._', ''].join(
        '\n'
      )
    )
  })
})

describe('what a person typed into the profile', () => {
  it('is shown exactly as typed, not read as Markdown: underscores, stars, angle brackets and hashes all stay', async () => {
    const { call } = await openVault({ fixtures: ['new-client'] })
    const goals = 'Move report_final_v2 to <Q2>; 2 * 3 teams; hire C# devs; __init__ `now`'
    const pressures = '<script>alert(1)</script> [not a link](javascript:alert(1))'
    await call('clients:update-profile', { id: NEW_CLIENT, patch: { business: { goals, pressures }, person: { notes: '**Not** bold  —  _as typed_' } } })
    const brief = await call('brief:get', { clientId: NEW_CLIENT })
    expect(briefSection(brief, 'business')).toEqual({ kind: 'business', goals, pressures })
    expect(briefSection(brief, 'person')).toMatchObject({ notes: '**Not** bold — _as typed_' })
    // The brief's Markdown escapes them, so a Markdown reader shows the same characters and runs nothing.
    const { markdown } = await call('brief:markdown', { clientId: NEW_CLIENT })
    const shown = plainText(fromMarkdown(markdown))
    expect(shown).toContain(`Goals: ${goals}`)
    expect(shown).toContain(`Pressures: ${pressures}`)
  })
})

describe('the brief of a client whose client.json was edited by hand', () => {
  it('reads what a person wrote: unknown fields, odd order, stray spaces, a time zone that does not exist, sections left out', async () => {
    const { call } = await openVault({ fixtures: ['hand-edited'] })
    const brief = await call('brief:get', { clientId: HAND_EDITED })
    expect(brief.name).toBe('Priya Raman')
    // Nothing about who they are or their business was written: those sections are not there.
    expect(kinds(brief)).toEqual(['style', 'commitments', 'conversations', 'outreach', 'next-time', 'person'])

    expect(briefSection(brief, 'style')).toEqual({
      kind: 'style',
      channel: 'email',
      bestTimes: 'before 9, never Fridays',
      localTime: { valid: false, timeZone: 'Europe/Londn', problem: expect.stringMatching(/"Europe\/Londn" is not a time zone Rapport knows/) },
      learned: { items: [], more: 0 }
    })

    // Mine apart from theirs; overdue first, undated last; done ones are not there.
    const commitments = briefSection(brief, 'commitments')
    expect(commitments?.mine.items.map((c) => [c.id, c.what, c.overdue, c.due?.state ?? null])).toEqual([
      ['k_a', 'Share the pilot costs', true, 'overdue'],
      ['k_c', 'Intro to our security lead', false, null]
    ])
    expect(commitments?.theirs.items.map((c) => [c.id, c.due?.day, c.due?.state])).toEqual([['k_b', '2026-11-30', 'later']])

    // Real conversations, newest first (two fit); attempts are not conversations. The gist comes from the linked
    // entry's Summary section, else the same day's entry (its first lines).
    const conversations = briefSection(brief, 'conversations')
    expect(conversations?.items.map((c) => [c.interactionId, c.day, c.gist?.source ?? null])).toEqual([
      ['i_3', '2026-11-18', 'summary'],
      ['i_2', '2026-11-09', 'excerpt']
    ])
    expect(conversations?.more).toBe(1)
    expect(conversations?.items[0]).toMatchObject({
      note: 'Walked through the pilot plan She wants numbers first',
      gist: {
        entryId: 'e_hand_pilot',
        heading: 'Summary',
        text: 'She will back the pilot if the costs are clear before the board meets. Numbers first, story second.'
      }
    })
    expect(conversations?.items[1]?.gist).toMatchObject({
      title: 'coffee',
      path: 'clients/hand-edited/journal/2026-11-09-coffee.md',
      text: expect.stringMatching(/^She came by with the industry report/)
    })

    expect(briefSection(brief, 'outreach')).toEqual({
      kind: 'outreach',
      unanswered: 2,
      lastSpokeAt: '2026-11-18T16:30:00Z',
      sentence: '2 attempts since you last spoke, on 18 Nov',
      followUp: { day: '2026-11-25', state: 'this-week', days: 2 },
      // The industry report she brought: value given to you, logged as a value-shared contact from her.
      value: { given: 0, received: 1, lastReceived: { day: '2026-11-09', interactionId: 'i_2', channel: 'in-person' } }
    })

    // Only the question not yet asked; the retrospective's answers without the template's prompts or its empty bullet.
    const next = briefSection(brief, 'next-time')
    expect(next?.questions).toEqual({ items: [{ id: 'q_1', text: 'Who signs off on the pilot?', createdAt: '2026-11-18' }], more: 0 })
    expect(next?.retrospective).toEqual({
      entryId: 'e_hand_retro',
      title: 'Looking back on discovery',
      path: 'clients/hand-edited/journal/2026-11-10-looking-back.md',
      day: '2026-11-10',
      points: [
        { heading: 'What changes', items: { items: ['Lead with the numbers, then the story', 'Send the agenda by Thursday'], more: 0 } },
        { heading: 'What worked', items: { items: ['Short written agendas the day before.'], more: 0 } }
      ]
    })

    // Empty likes dropped, spaces trimmed; the birthday is coming up, the renewal in March is not.
    const person = briefSection(brief, 'person')
    expect(person?.likes).toEqual({ items: ['climbing', 'Japanese whisky'], more: 0 })
    expect(person?.dates.items.map((d) => [d.label, d.next, d.daysUntil, d.years])).toEqual([['birthday', '2026-12-01', 8, 41]])
  })

  it('is this exact Markdown', async () => {
    const { call } = await openVault({ fixtures: ['hand-edited'] })
    const { markdown } = await call('brief:markdown', { clientId: HAND_EDITED })
    expect(markdown).toBe(`# Priya Raman

## How they like to do business

- Prefers email · best times: before 9, never Fridays
- Their time now is unknown: "Europe/Londn" is not a time zone Rapport knows; use a name like Europe/London or America/New_York.

## Commitments

**You promised**

- Share the pilot costs — **overdue since Fri 20 Nov**
- Intro to our security lead (renegotiated)

**They promised**

- Send the board pack — due Mon 30 Nov

## Last conversations (2 of 3)

- **Wed 18 Nov** · Video call · meeting — Walked through the pilot plan She wants numbers first
  - She will back the pilot if the costs are clear before the board meets. Numbers first, story second. ([Pilot plan, on video](clients/hand-edited/journal/2026-11-18-pilot-plan.md))
- **Mon 9 Nov** · In person from them · shared something of value
  - She came by with the industry report she had promised, and stayed for a coffee. ([coffee](clients/hand-edited/journal/2026-11-09-coffee.md))

## Outreach and follow-up

- 2 attempts since you last spoke, on 18 Nov
- Next follow-up: Wed 25 Nov (in 2 days) · They last added value on 9 Nov · none logged from you yet

## Next time

**Ask**

- Who signs off on the pilot?

**From the retrospective of Tue 10 Nov** ([Looking back on discovery](clients/hand-edited/journal/2026-11-10-looking-back.md))

- What changes: Lead with the numbers, then the story · Send the agenda by Thursday
- What worked: Short written agendas the day before.

## The person

- Likes: climbing, Japanese whisky · Birthday in 8 days (1 Dec) — 41 years

_Prepared Mon, 23 Nov 2026 at 10:00 (Europe/London)._
`)
  })
})

describe('the brief of a client with years of history', () => {
  it('has every section, in the order of the page', async () => {
    const { call } = await openVault({ history: true })
    const brief = await call('brief:get', { clientId: HISTORY_CLIENT_ID })
    expect(kinds(brief)).toEqual([...briefSectionOrder])
  })

  it('says where the relationship stands and since when, from the stage and trust histories', async () => {
    const { call } = await openVault({ history: true })
    const who = briefSection(await call('brief:get', { clientId: HISTORY_CLIENT_ID }), 'who')
    expect(who).toEqual({
      kind: 'who',
      organisation: 'Northwind',
      role: 'COO',
      contact: { email: 'dana@northwind.example', phone: '+1 212 555 0100' },
      // Engaged twice, then long-term; familiar since the last step up.
      stage: { level: 'long-term', since: '2026-03-03' },
      trust: { level: 'familiar', since: '2026-01-12' },
      clientSince: '2023-11-24'
    })
  })

  it('shows their local time now and how they like to work, with the latest things learned', async () => {
    const { call } = await openVault({ history: true })
    const style = briefSection(await call('brief:get', { clientId: HISTORY_CLIENT_ID }), 'style')
    expect(style).toMatchObject({
      channel: 'phone',
      detail: 'big-picture',
      opening: 'straight-to-business',
      bestTimes: 'mornings',
      replyWithin: 'same day',
      localTime: { valid: true, time: '05:00', weekday: 'Mon', text: '05:00 Mon, 5 hours behind you' }
    })
    expect(style?.notes).toBeUndefined()
    expect(style?.learned.items.map((n) => n.text)).toEqual(['Never call before 9 her time', 'Prefers to decide on the call, not after'])
    expect(style?.learned.more).toBe(2)
  })

  it('writes their local time with the clock chosen in Settings, like every other time', async () => {
    const { call } = await openVault({ history: true })
    await call('settings:update', { clock: '12-hour' })
    expect(briefSection(await call('brief:get', { clientId: HISTORY_CLIENT_ID }), 'style')?.localTime).toMatchObject({
      time: '5:00 am',
      text: '5:00 am Mon, 5 hours behind you'
    })
    const markdown = (await call('brief:markdown', { clientId: HISTORY_CLIENT_ID })).markdown
    expect(markdown).toContain('Their time now: 5:00 am Mon, 5 hours behind you')
  })

  it('lists open commitments both ways, overdue first, three each way at most', async () => {
    const { call } = await openVault({ history: true })
    const commitments = briefSection(await call('brief:get', { clientId: HISTORY_CLIENT_ID }), 'commitments')
    expect(commitments?.mine.items.map((c) => [c.id, c.due?.state])).toEqual([
      ['k_mine_late_1', 'overdue'],
      ['k_mine_late_2', 'overdue'],
      ['k_mine_today', 'today']
    ])
    expect(commitments?.mine.more).toBe(4)
    expect(commitments?.theirs).toEqual({
      items: [expect.objectContaining({ id: 'k_theirs_late', overdue: true }), expect.objectContaining({ id: 'k_theirs_later', overdue: false })],
      more: 0
    })
  })

  it('quotes the last two conversations from the journal, opening only the entries it quotes', async () => {
    const { vault, call } = await openVault({ history: true })
    const read = vi.spyOn(vault.entries, 'read')
    const brief = await call('brief:get', { clientId: HISTORY_CLIENT_ID })
    const conversations = briefSection(brief, 'conversations')
    expect(conversations?.items.map((c) => [c.day, c.channel, c.outcome, c.note ?? null, c.gist?.entryId ?? null, c.gist?.source ?? null])).toEqual([
      ['2026-11-17', 'video', 'conversation', null, null, null],
      ['2026-11-11', 'in-person', 'meeting', 'Workshop with the ops team', 'e_recent_workshop', 'summary']
    ])
    expect(conversations?.items[1]?.gist).toMatchObject({
      heading: 'What happened',
      text: 'The ops team mapped the hand-offs; Priya is the blocker on data access.'
    })
    expect(conversations?.more).toBe(318)
    // 160 entries in the journal: one quoted, and the last retrospective (who the newest mention is read from the files, not opened as entries).
    expect(read.mock.calls.map(([id]) => id).sort()).toEqual(['e_recent_retro', 'e_recent_workshop'])
  })

  it('counts outreach since the last conversation, beside what the user typically needs, and gives the next follow-up and value given', async () => {
    const { call } = await openVault({ history: true })
    expect(briefSection(await call('brief:get', { clientId: HISTORY_CLIENT_ID }), 'outreach')).toEqual({
      kind: 'outreach',
      unanswered: 2,
      lastSpokeAt: '2026-11-17T14:00:00Z',
      sentence: '2 attempts since you last spoke, on 17 Nov',
      // Three years of calls that connected at the first try: one attempt is what this user usually needs.
      perseverance: 'usually 1 with Dana Whitfield, 1 across clients',
      followUp: { day: '2026-11-26', state: 'this-week', days: 3 },
      value: {
        given: 1,
        received: 1,
        lastGiven: { day: '2026-11-01', interactionId: 'i_value_out', channel: 'email', note: 'Introduced her to Lee at Contoso about data access' },
        lastReceived: { day: '2026-10-14', interactionId: 'i_value_in', channel: 'email', note: 'Recommended us to her peer at Fabrikam' }
      }
    })
  })

  it('says where the relationship stands: what the stage and trust mean, what moves them, and the balance over the years', async () => {
    const { call } = await openVault({ history: true })
    expect(briefSection(await call('brief:get', { clientId: HISTORY_CLIENT_ID }), 'relationship')).toEqual({
      kind: 'relationship',
      stage: { level: 'long-term', means: 'The risk is taking them for granted.', next: 'Keep adding value, personal as well as professional.' },
      trust: { level: 'familiar', means: 'They know your work and count on it.', next: 'Add value unasked; own mistakes first.' },
      // Every retrospective rated the personal side 1: steady at nothing personal, two and a half years on.
      balance: {
        parts: {
          mutual: { value: 4, trend: 'up', ratings: 7 },
          professional: { value: 5, trend: 'up', ratings: 7 },
          personal: { value: 1, trend: 'steady', ratings: 7 }
        },
        day: '2026-10-30',
        entryId: 'e_recent_retro',
        since: '2024-05-12',
        ratings: 7
      }
    })
    await call('settings:update', { coaching: false })
    const off = await call('brief:get', { clientId: HISTORY_CLIENT_ID })
    expect(briefSection(off, 'relationship')).toEqual({ kind: 'relationship', balance: expect.objectContaining({ ratings: 7 }) })
    expect(briefSection(off, 'outreach')?.perseverance).toBeUndefined()
  })

  it('gives the newest questions still to ask and the newest retrospective’s points', async () => {
    const { call } = await openVault({ history: true })
    const next = briefSection(await call('brief:get', { clientId: HISTORY_CLIENT_ID }), 'next-time')
    expect(next?.questions.items.map((q) => q.id)).toEqual(['q_open_5', 'q_open_6'])
    expect(next?.questions.more).toBe(5)
    expect(next?.retrospective).toMatchObject({
      entryId: 'e_recent_retro',
      day: '2026-10-30',
      points: [
        { heading: 'What changes', items: { items: ['Send the agenda the day before', 'Bring the ops lead in earlier'], more: 0 } },
        { heading: 'What worked', items: { items: ['The weekly written update.'], more: 0 } }
      ]
    })
  })

  it('knows the person and their business', async () => {
    const { call } = await openVault({ history: true })
    const brief = await call('brief:get', { clientId: HISTORY_CLIENT_ID })
    expect(briefSection(brief, 'person')).toMatchObject({
      likes: { items: ['jazz', 'long walks', 'the Mets'], more: 0 },
      dislikes: { items: ['cucumber'], more: 0 },
      // The renewal is 60 days off: not coming up yet.
      dates: { items: [expect.objectContaining({ label: 'birthday', next: '2026-11-26', daysUntil: 3, years: 46 })], more: 0 },
      notes: 'Two kids; coaches her daughter’s softball team on Saturdays.'
    })
    expect(briefSection(brief, 'business')).toEqual({
      kind: 'business',
      goals: 'Cut order-to-delivery time by a third before the autumn peak.',
      pressures: 'A new CFO who questions every outside spend.'
    })
  })

  it('lists the people likely on the call: mentioned in the newest entries first, then sponsors and decision makers, three at most', async () => {
    const { call } = await openVault({ history: true })
    const people = briefSection(await call('brief:get', { clientId: HISTORY_CLIENT_ID }), 'people')
    // Priya and Tom are both in the newest entry; Priya is in the one before too. Then Marcus the sponsor;
    // Alex decides, but three fit.
    expect(people?.items.map((p) => [p.personId, p.mentioned ?? null])).toEqual([
      ['p_priya', '2026-11-15'],
      ['p_tom', '2026-11-15'],
      ['p_marcus', null]
    ])
    expect(people?.more).toBe(4)
    expect(people?.items[1]).toEqual({
      personId: 'p_tom',
      name: 'Tom Reyes',
      role: 'CFO',
      relation: 'blocker',
      trust: 'fringe',
      channel: 'email',
      likes: { items: ['cycling'], more: 3 },
      dislikes: { items: ['surprises'], more: 0 },
      mentioned: '2026-11-15'
    })
    expect(people?.items[2]).toMatchObject({ name: 'Marcus Bell', relation: 'sponsor', trust: 'familiar', opening: 'small-talk-first' })
  })

  it('ranks by the newest entries only, and leaves the section out when the client has no people', async () => {
    const { dir, vault, call } = await openVault({ history: true })
    const path = join(dir, 'clients/dana-whitfield/client.json')
    const file = JSON.parse(await readFile(path, 'utf8')) as { people: Array<{ id: string }> }
    // Only Lee, mentioned in an entry three years old (outside the window), and Marcus the sponsor: the sponsor leads.
    file.people = file.people.filter((p) => p.id === 'p_lee' || p.id === 'p_marcus')
    await writeFile(path, JSON.stringify(file))
    const old = join(dir, 'clients/dana-whitfield/journal', (await readdir(join(dir, 'clients/dana-whitfield/journal'))).sort()[0] ?? '')
    await writeFile(old, `${await readFile(old, 'utf8')}\nMet [Lee](rapport://person/p_lee) from procurement.\n`)
    await vault.reload()
    expect(briefSection(await call('brief:get', { clientId: HISTORY_CLIENT_ID }), 'people')?.items.map((p) => p.personId)).toEqual(['p_marcus', 'p_lee'])

    file.people = []
    await writeFile(path, JSON.stringify(file))
    await vault.reload()
    expect(kinds(await call('brief:get', { clientId: HISTORY_CLIENT_ID }))).not.toContain('people')
  })

  it('fits one printed page', async () => {
    const { call } = await openVault({ history: true })
    const { markdown } = await call('brief:markdown', { clientId: HISTORY_CLIENT_ID })
    expect(markdown).toMatch(
      /^# Dana Whitfield — Northwind\n\nCOO · Stage: Long-term since 3 Mar · Trust: Familiar since 12 Jan · Client since 24 Nov 2023  \n\+1 212 555 0100 · dana@northwind\.example\n/
    )
    expect(markdown).toContain('- Send the revised scope — **overdue since Fri 20 Nov**\n')
    expect(markdown).toContain('**You promised** (3 of 7)\n')
    expect(markdown).toContain('## Last conversations (2 of 320)\n')
    // The coach's lines are on the page too: stage, trust, balance; typical attempts and value given beside outreach.
    expect(markdown).toContain('_Long-term:_ The risk is taking them for granted. Keep adding value, personal as well as professional.  \n')
    expect(markdown).toContain('Balance 30 Oct (since 12 May 2024): mutual 4 ↑ · professional 5 ↑ · personal 1 =\n')
    expect(markdown).toContain('- 2 attempts since you last spoke, on 17 Nov — usually 1 with Dana Whitfield, 1 across clients\n')
    expect(markdown).toContain('- Next follow-up: Thu 26 Nov (in 3 days) · You last added value on 1 Nov · they did on 14 Oct\n')
    expect(markdown).toContain(
      [
        '## Likely on the call (3 of 7)',
        '',
        '- **Priya Shah** — Head of Data · Blocker · Prefers chat · Likes clear asks',
        '- **Tom Reyes** — CFO · Blocker · Fringe trust · Prefers email · Likes cycling (+3) · Dislikes surprises',
        '- **Marcus Bell** — CEO · Sponsor · Familiar trust · Prefers small talk first',
        '',
        '## Commitments'
      ].join('\n')
    )
    expect(printedLines(markdown)).toBeLessThanOrEqual(PAGE_LINES)
  })
})

describe('assembleBrief', () => {
  it('is one function for any caller: the same brief with or without the contract', async () => {
    const { vault, call } = await openVault({ history: true })
    const direct = await assembleBrief(vault, HISTORY_CLIENT_ID, {
      now: new Date(NOW),
      timeZone: 'Europe/London',
      templates: new TemplateStore(checkoutResourcesDir, vault.root),
      guidance: loadGuidance(checkoutResourcesDir)
    })
    expect(await call('brief:get', { clientId: HISTORY_CLIENT_ID })).toEqual(direct)
    expect((await call('brief:markdown', { clientId: HISTORY_CLIENT_ID })).markdown).toBe(briefToMarkdown(direct))
  })

  it('counts days in the user’s zone: late evening in New York is already tomorrow in London', async () => {
    const { call } = await openVault({ fixtures: ['hand-edited'], clock: fixedClock('2026-11-21T02:30:00Z', 'America/New_York') })
    const brief = await call('brief:get', { clientId: HAND_EDITED })
    expect(brief.asOf).toEqual({ at: '2026-11-21T02:30:00.000Z', day: '2026-11-20', time: '21:30', timeZone: 'America/New_York' })
    // Due on the 20th, and still the 20th in New York: due today, not overdue.
    expect(briefSection(brief, 'commitments')?.mine.items[0]).toMatchObject({ id: 'k_a', overdue: false, due: { state: 'today' } })
  })

  it('tells the retrospective’s prompts from its points by the person’s own copy of the template, when they edited it', async () => {
    const { dir, vault, call } = await openVault({ fixtures: ['hand-edited'] })
    const builtIn = await readFile(join(checkoutResourcesDir, 'templates/feedback-retrospective.md'), 'utf8')
    await mkdir(join(dir, 'templates'))
    await writeFile(
      join(dir, 'templates/feedback-retrospective.md'),
      builtIn.replace('_Be specific: this is what we keep doing._', '_What went well, in one line._')
    )
    const entry = join(dir, 'clients/hand-edited/journal/2026-11-10-looking-back.md')
    await writeFile(entry, (await readFile(entry, 'utf8')).replace('_Be specific: this is what we keep doing._', '_What went well, in one line._'))
    await vault.reload()
    const retrospective = briefSection(await call('brief:get', { clientId: HAND_EDITED }), 'next-time')?.retrospective
    expect(retrospective?.points.find((p) => p.heading === 'What worked')?.items.items).toEqual(['Short written agendas the day before.'])
  })

  it('passes over a linked entry that is gone, and uses the one written that day', async () => {
    const { dir, vault, call } = await openVault({ fixtures: ['hand-edited'] })
    const path = join(dir, 'clients/hand-edited/client.json')
    const file = JSON.parse(await readFile(path, 'utf8')) as { interactions: Array<Record<string, unknown>> }
    const meeting = file.interactions.find((i) => i.id === 'i_3')
    if (meeting) meeting.entries = ['e_deleted_long_ago']
    await writeFile(path, JSON.stringify(file))
    await vault.reload()
    const conversations = briefSection(await call('brief:get', { clientId: HAND_EDITED }), 'conversations')
    expect(conversations?.items[0]?.gist).toMatchObject({ entryId: 'e_hand_pilot', source: 'summary' })
  })

  it('says why there is no brief for a client.json that cannot be read, or a client that is gone', async () => {
    const { dir, vault, call } = await openVault({ fixtures: ['new-client'] })
    await expect(call('brief:get', { clientId: 'c_nobody' })).rejects.toMatchObject({ code: 'not-found' })
    await writeFile(join(dir, 'clients/new-client/client.json'), '{ "format": 1, "id": ')
    await vault.reload()
    const [broken] = vault.clients.list()
    await expect(call('brief:get', { clientId: broken?.id ?? '' })).rejects.toMatchObject({
      code: 'broken-file',
      message: expect.stringMatching(/^clients\/new-client\/client\.json cannot be read \(.+\), so there is no brief for this client until it is fixed\.$/)
    })
  })
})
