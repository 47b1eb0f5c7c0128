import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeEntryFile } from '../entries/entry-file'
import { formatJson } from '../fs/durable-json-file'
import { addDays, daysBetween } from '../relationship/calendar'

/**
 * A client with years of history, written straight to disk as a person's
 * vault would hold it after using Rapport that long: stage and trust moving
 * over time, hundreds of interactions, commitments made and kept, journal
 * entries (some with a "What happened" section), a retrospective every few
 * months, questions and style notes. Deterministic, so tests can assert on
 * it and benchmarks compare from run to run.
 *
 * The last weeks before `today` are written by hand (below), so what the
 * brief shows is known exactly; the bulk before them only has to be there.
 */
export interface HistoryOptions {
  /** The day the brief is made, `2026-11-23`: every date is counted back from it. */
  today: string
  years: number
  /** Journal entries in all (the recent ones included). */
  entries: number
  /** Interactions in all (the recent ones included). */
  interactions: number
  /** Words in a bulk entry, about: the benchmark's are long, a test's short. */
  wordsPerEntry?: number
}

export const HISTORY_CLIENT_ID = 'c_01JH1ST0RY000000000000000A'
export const HISTORY_SLUG = 'dana-whitfield'

const WORDS =
  'budget timeline scope pilot renewal feedback sponsor procurement quarter roadmap pricing contract meeting call trust respect promise deliver proposal workshop stakeholder board growth value'.split(
    ' '
  )

function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296
    return state / 4294967296
  }
}

/** Writes the vault's manifest (unless there is one) and the client's folder; returns the client's folder. */
export async function writeYearsOfHistory(root: string, options: HistoryOptions): Promise<string> {
  const { today, years } = options
  const next = random(7)
  const words = (n: number): string => {
    const out = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)] ?? 'word').join(' ')
    return `${out.charAt(0).toUpperCase()}${out.slice(1)}.`
  }
  const day = (n: number): string => addDays(today, n)
  const start = day(-365 * years)
  // The bulk of the history ends a month before today; the weeks after are written out below.
  const bulkDays = daysBetween(start, day(-30))

  const folder = join(root, 'clients', HISTORY_SLUG)
  await mkdir(join(folder, 'journal'), { recursive: true })
  if (!existsSync(join(root, 'rapport.json')))
    await writeFile(join(root, 'rapport.json'), formatJson({ format: 1, createdAt: `${start}T09:00:00.000Z`, settings: {} }))

  const entry = async (id: string, created: string, title: string, body: string, template?: string, rated?: Record<string, number>): Promise<void> => {
    const fields = { id, client: HISTORY_CLIENT_ID, title, created, updated: created, ...(template ? { template } : {}), tags: [], ...rated }
    await writeFile(join(folder, 'journal', `${created.slice(0, 10)}-${id}.md`), serializeEntryFile(null, fields, body))
  }
  const retrospective = (worked: string, changes: string[]): string =>
    [
      '## What worked',
      '',
      '_Be specific: this is what we keep doing._',
      '',
      worked,
      '',
      '## What did not',
      '',
      '_Without blame. What got in the way?_',
      '',
      '-',
      '',
      '## What changes',
      '',
      '_What I will do differently, and by when._',
      '',
      ...changes.map((c) => `- ${c}`),
      ''
    ].join('\n')

  // The journal: the bulk, with a retrospective every 26th entry, then the recent entries.
  const recentEntries = 4
  const bulkEntries = Math.max(0, options.entries - recentEntries)
  const perEntry = options.wordsPerEntry ?? 80
  for (let e = 0; e < bulkEntries; e++) {
    const created = `${addDays(start, Math.floor((e * bulkDays) / Math.max(1, bulkEntries)))}T17:00:00.000Z`
    const id = `e_H${String(e).padStart(6, '0')}`
    // Each retrospective rates the relationship's balance: strong on work, thin on the personal side, for years.
    if (e % 26 === 25)
      await entry(id, created, `Retrospective ${e}`, retrospective(words(8), [words(6)]), 'feedback-retrospective', { mutual: 3, professional: 4, personal: 1 })
    else {
      const body = e % 2 ? `${words(12)}\n\n## What happened\n\n${words(perEntry)}\n` : `${words(perEntry)}\n\n${words(perEntry / 2)}\n`
      await entry(id, created, words(4).replace(/\.$/, ''), body)
    }
  }
  await entry(
    'e_recent_retro',
    `${day(-24)}T18:00:00.000Z`,
    'Looking back on the first season',
    retrospective('The weekly written update.', ['Send the agenda the day before', 'Bring the ops lead in earlier']),
    'feedback-retrospective',
    { mutual: 4, professional: 5, personal: 1 }
  )
  await entry(
    'e_recent_renewal',
    `${day(-19)}T08:30:00.000Z`,
    'Renewal thoughts',
    'They sounded keen on renewing, if the price holds.\n\nI should prepare two options.\n'
  )
  await entry(
    'e_recent_workshop',
    `${day(-12)}T18:00:00.000Z`,
    'Workshop with the ops team',
    'Busy day.\n\n## What happened\n\nThe ops team mapped the hand-offs; Priya is the blocker on data access.\n\n## Next\n\nFollow up on access with [Priya Shah](rapport://person/p_priya).\n'
  )
  // Newest of all, and quoted by no conversation: it only says who the next call is likely to bring.
  await entry(
    'e_recent_steering',
    `${day(-8)}T17:00:00.000Z`,
    'Before the steering group',
    'Prep for the steering group: [Tom Reyes](rapport://person/p_tom) will ask about cost, [Priya](rapport://person/p_priya) about access.\n'
  )

  // Interactions: the bulk cycles through a call, an unanswered email and a meeting they asked for; then the recent ones.
  const recentInteractions = [
    // Value given both ways, before the latest conversations.
    {
      id: 'i_value_in',
      at: `${day(-40)}T11:00:00Z`,
      channel: 'email',
      direction: 'in',
      outcome: 'value-shared',
      note: 'Recommended us to her peer at Fabrikam'
    },
    {
      id: 'i_value_out',
      at: `${day(-22)}T11:00:00Z`,
      channel: 'email',
      direction: 'out',
      outcome: 'value-shared',
      note: 'Introduced her to Lee at Contoso about data access'
    },
    {
      id: 'i_recent_1',
      at: `${day(-20)}T15:00:00Z`,
      channel: 'phone',
      direction: 'out',
      outcome: 'conversation',
      note: 'Catch-up on the renewal',
      entries: ['e_recent_renewal']
    },
    { id: 'i_recent_2', at: `${day(-12)}T10:00:00Z`, channel: 'in-person', direction: 'out', outcome: 'meeting', note: 'Workshop with the ops team' },
    { id: 'i_recent_3', at: `${day(-6)}T14:00:00Z`, channel: 'video', direction: 'in', outcome: 'conversation' },
    { id: 'i_recent_4', at: `${day(-4)}T09:00:00Z`, channel: 'email', direction: 'out', outcome: 'no-reply' },
    { id: 'i_recent_5', at: `${day(-2)}T16:00:00Z`, channel: 'phone', direction: 'out', outcome: 'left-message' }
  ]
  const bulkInteractions = Math.max(0, options.interactions - recentInteractions.length)
  const kinds = [
    { channel: 'phone', direction: 'out', outcome: 'conversation' },
    { channel: 'email', direction: 'out', outcome: 'no-reply' },
    { channel: 'video', direction: 'in', outcome: 'meeting' }
  ] as const
  const interactions: Array<Record<string, unknown>> = []
  const commitments: Array<Record<string, unknown>> = []
  for (let i = 0; i < bulkInteractions; i++) {
    const on = addDays(start, Math.floor((i * bulkDays) / Math.max(1, bulkInteractions)))
    interactions.push({
      id: `i_H${String(i).padStart(6, '0')}`,
      at: `${on}T${String(9 + (i % 8)).padStart(2, '0')}:00:00Z`,
      ...kinds[i % kinds.length],
      ...(i % 4 ? {} : { note: words(5) })
    })
    // Every tenth conversation ends with a promise, kept a week later.
    if (i % 10 === 0) {
      commitments.push({
        id: `k_H${String(i).padStart(6, '0')}`,
        by: i % 20 ? 'client' : 'me',
        what: words(5),
        due: addDays(on, 7),
        status: 'done',
        createdAt: on,
        closedAt: `${addDays(on, 6)}T12:00:00.000Z`
      })
    }
  }
  interactions.push(...recentInteractions)

  const open = (id: string, by: 'me' | 'client', what: string, due: string | null, status = 'open') => ({
    id,
    by,
    what,
    ...(due === null ? {} : { due }),
    status,
    createdAt: day(-20)
  })
  commitments.push(
    open('k_mine_undated', 'me', 'Write up the lessons learned', null),
    open('k_mine_late_2', 'me', 'Send the revised scope', day(-3)),
    open('k_mine_later_2', 'me', 'Draft the renewal options', day(22)),
    open('k_mine_today', 'me', 'Confirm the workshop room', day(0)),
    open('k_mine_late_1', 'me', 'Share the access request form', day(-13)),
    open('k_mine_moved', 'me', 'Introduce our data lead', day(4), 'renegotiated'),
    open('k_mine_later_1', 'me', 'Book the steering group', day(8)),
    open('k_theirs_late', 'client', 'Send the org chart', day(-5)),
    open('k_theirs_later', 'client', 'Confirm the budget', day(12)),
    { ...open('k_mine_dropped', 'me', 'Quarterly dinner', day(-1)), status: 'dropped', closedAt: `${day(-1)}T12:00:00.000Z` }
  )

  const client = {
    format: 1,
    id: HISTORY_CLIENT_ID,
    name: 'Dana Whitfield',
    organisation: 'Northwind',
    role: 'COO',
    contact: { email: 'dana@northwind.example', phone: '+1 212 555 0100' },
    style: {
      channel: 'phone',
      detail: 'big-picture',
      opening: 'straight-to-business',
      bestTimes: 'mornings',
      timeZone: 'America/New_York',
      replyWithin: 'same day',
      notes: ''
    },
    person: {
      likes: ['jazz', 'long walks', 'the Mets'],
      dislikes: ['cucumber'],
      dates: [
        { label: 'birthday', date: `1980-${day(3).slice(5)}` },
        { label: 'contract renewal', date: day(60), repeats: 'once' }
      ],
      notes: 'Two kids; coaches her daughter’s softball team on Saturdays.'
    },
    business: {
      goals: 'Cut order-to-delivery time by a third before the autumn peak.',
      pressures: 'A new CFO who questions every outside spend.',
      success: ''
    },
    stage: {
      current: 'long-term',
      history: [
        { stage: 'first-contact', at: start },
        { stage: 'first-meeting', at: addDays(start, 30) },
        { stage: 'engaged', at: addDays(start, 90) },
        { stage: 'feedback', at: day(-540) },
        { stage: 'engaged', at: day(-510) },
        { stage: 'long-term', at: day(-265), note: 'Signed the second year' }
      ]
    },
    trust: {
      current: 'familiar',
      history: [
        { trust: 'fringe', at: start },
        { trust: 'friend', at: addDays(start, 120) },
        { trust: 'familiar', at: day(-315) }
      ]
    },
    commitments,
    interactions,
    // Seven people: five fit the brief. Tom and Priya are in the newest entries; Marcus sponsors, Alex decides.
    people: [
      { id: 'p_jo', name: 'Jo Park', role: 'Ops lead', relation: 'influencer' },
      { id: 'p_sam', name: 'Sam Ito', relation: 'user' },
      { id: 'p_alex', name: 'Alex Moreau', role: 'VP Operations', relation: 'decision-maker', trust: { current: 'friend', history: [] } },
      {
        id: 'p_tom',
        name: 'Tom Reyes',
        role: 'CFO',
        relation: 'blocker',
        trust: { current: 'fringe', history: [{ trust: 'fringe', at: day(-40) }] },
        style: { channel: 'email' },
        person: { likes: ['cycling', 'short meetings', 'spreadsheets', 'opera'], dislikes: ['surprises'] }
      },
      {
        id: 'p_marcus',
        name: 'Marcus Bell',
        role: 'CEO',
        relation: 'sponsor',
        trust: { current: 'familiar', history: [] },
        style: { opening: 'small-talk-first' }
      },
      { id: 'p_priya', name: 'Priya Shah', role: 'Head of Data', relation: 'blocker', style: { channel: 'chat' }, person: { likes: ['clear asks'] } },
      { id: 'p_lee', name: 'Lee Quinn', role: 'Procurement' }
    ],
    followUp: day(3),
    tags: ['retainer'],
    createdAt: `${start}T09:00:00.000Z`,
    styleNotes: [
      { text: 'Likes a one-page summary before any meeting', entry: 'e_H000010', at: day(-700) },
      { text: 'Numbers before stories', at: day(-400) },
      { text: 'Never call before 9 her time', at: day(-200) },
      { text: 'Prefers to decide on the call, not after', at: day(-12) }
    ],
    questions: [
      ...Array.from({ length: 7 }, (_, q) => ({ id: `q_open_${q}`, text: `Question ${q + 1}: ${words(4)}`, createdAt: day(-60 + q) })),
      { id: 'q_asked_1', text: 'Who owns the budget?', createdAt: day(-90), askedAt: day(-80) },
      { id: 'q_asked_2', text: 'When is the board?', createdAt: day(-90), askedAt: day(-80) }
    ]
  }
  await writeFile(join(folder, 'client.json'), formatJson(client))
  return folder
}
