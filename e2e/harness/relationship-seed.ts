import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Channel, Input, Output } from '../../src/shared/api'
import type { ClientFile } from '../../src/shared/domain'
import type { RapportHarness } from './harness'

const DAY = 86_400_000
/** `2026-11-23` for a day `offset` days from today (negative: in the past). */
export const dayFrom = (offset: number): string => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10)
const at = (offset: number, time = '10:00:00'): string => `${dayFrom(offset)}T${time}Z`

/** Calls the real core through the page's `window.rapport`, as the renderer does; a failure throws with the core's message. */
export async function invoke<C extends Channel>(page: Page, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await page.evaluate(([name, data]) => window.rapport.invoke(name as Channel, data as never), [channel, input] as const)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as Output<C>
}

/** Creates a client through the app's own channel and returns its id and folder name. */
export async function createClient(app: RapportHarness, name: string): Promise<{ id: string; slug: string }> {
  const created = await invoke(app.page, 'clients:create', { name })
  const slug = created.path.split('/')[1] ?? ''
  return { id: created.id, slug }
}

/** Changes client.json through the core, then tells the page, as the file watcher would. */
export async function updateClient(app: RapportHarness, id: string, change: (data: ClientFile) => void): Promise<void> {
  await app.vault.clients.update(app.vault.clients.get(id), change)
  await app.emit('vault:changed', { entries: [], clients: [{ id }], structure: [] })
}

/** Writes journal entries straight to disk with dates in the past, as months of use would have left them. */
async function writeEntries(
  app: RapportHarness,
  client: { id: string; slug: string },
  entries: Array<{ id: string; title: string; day: number; body: string }>
) {
  const folder = join(app.vaultDir, 'clients', client.slug, 'journal')
  await mkdir(folder, { recursive: true })
  const paths: string[] = []
  for (const entry of entries) {
    const name = `${dayFrom(entry.day)}-${entry.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.md`
    const stamp = at(entry.day, '17:30:00')
    await writeFile(
      join(folder, name),
      `---\nid: ${entry.id}\nclient: ${client.id}\ntitle: ${entry.title}\ncreated: ${stamp}\nupdated: ${stamp}\ntags: []\n---\n\n${entry.body}\n`
    )
    paths.push(`clients/${client.slug}/journal/${name}`)
  }
  await app.vault.applyChanges(paths)
}

/**
 * Dana Whitfield at Northwind: four months of a real relationship — first
 * contact in summer, engaged by autumn, promises both ways (one of mine
 * overdue), unanswered attempts since the last conversation.
 */
export async function seedDana(app: RapportHarness): Promise<{ id: string; slug: string }> {
  const dana = await createClient(app, 'Dana Whitfield')
  await writeEntries(app, dana, [
    {
      id: 'e_01SEEDFIRSTMEETING000000',
      title: 'First meeting at Northwind',
      day: -112,
      body: 'Warm, guarded. Cares about the ops backlog more than the strategy deck.'
    },
    { id: 'e_01SEEDSCOPECALL000000000', title: 'Scope call went sideways', day: -40, body: 'She pushed back on the timeline. I promised a revised scope.' },
    { id: 'e_01SEEDRETRO0000000000000', title: 'Quarterly retrospective', day: -12, body: 'Priya joined. Good energy; the renewal is in play.' }
  ])
  await updateClient(app, dana.id, (data) => {
    data.organisation = 'Northwind'
    data.role = 'COO'
    data.contact = { email: 'dana@northwind.example', phone: '+44 20 7946 0000' }
    data.style = {
      channel: 'phone',
      detail: 'big-picture',
      opening: 'straight-to-business',
      bestTimes: 'Mornings before 10',
      timeZone: 'Europe/London',
      replyWithin: 'Same day',
      notes: 'Send one page, not a deck.'
    }
    data.person = {
      likes: ['jazz', 'sailing', 'dry humour'],
      dislikes: ['long decks', 'cucumber'],
      dates: [{ label: 'Birthday', date: `1980-${dayFrom(3).slice(5)}`, repeats: 'yearly' }],
      notes: 'Two kids; daughter just started university.'
    }
    data.business = {
      goals: 'Cut the ops backlog by half before the spring audit.',
      pressures: 'The board wants headcount flat.',
      success: 'Her team goes home on time.'
    }
    data.tags = ['retainer', 'referral']
    data.createdAt = dayFrom(-120)
    data.stage = {
      current: 'engaged',
      history: [
        { stage: 'first-contact', at: dayFrom(-120), note: 'Intro from Sam at the conference' },
        { stage: 'first-meeting', at: dayFrom(-112), note: 'Coffee at their office' },
        { stage: 'engaged', at: dayFrom(-70), note: 'Signed the discovery phase' }
      ]
    }
    data.trust = {
      current: 'familiar',
      history: [
        { trust: 'fringe', at: dayFrom(-120) },
        { trust: 'friend', at: dayFrom(-90), note: 'She shared the board pressure' },
        { trust: 'familiar', at: dayFrom(-30), note: 'Called me first about the audit' }
      ]
    }
    data.commitments = [
      {
        id: 'k_01SEEDSCOPE',
        by: 'me',
        what: 'Send the revised scope',
        due: dayFrom(-5),
        status: 'open',
        createdAt: dayFrom(-40),
        entry: 'e_01SEEDSCOPECALL000000000'
      },
      { id: 'k_01SEEDINTRO', by: 'me', what: 'Introduce her to Marco at Fabrikam', due: dayFrom(6), status: 'open', createdAt: dayFrom(-12) },
      { id: 'k_01SEEDDATA', by: 'client', what: 'Share the Q3 backlog numbers', due: dayFrom(0), status: 'open', createdAt: dayFrom(-12) },
      {
        id: 'k_01SEEDDECK',
        by: 'me',
        what: 'One-page summary for the board',
        due: dayFrom(-60),
        status: 'done',
        createdAt: dayFrom(-75),
        closedAt: dayFrom(-62)
      }
    ]
    data.interactions = [
      { id: 'i_01SEED1', at: at(-112), channel: 'in-person', direction: 'out', outcome: 'meeting', note: 'Coffee at Northwind' },
      { id: 'i_01SEED2', at: at(-40), channel: 'video', direction: 'out', outcome: 'conversation', note: 'Scope call' },
      { id: 'i_01SEED3', at: at(-12), channel: 'in-person', direction: 'out', outcome: 'meeting', note: 'Quarterly retrospective' },
      { id: 'i_01SEED4', at: at(-6), channel: 'phone', direction: 'out', outcome: 'no-reply' },
      { id: 'i_01SEED5', at: at(-3), channel: 'email', direction: 'out', outcome: 'no-reply', note: 'Sent the agenda for next week' }
    ]
    data.followUp = dayFrom(-1)
  })
  return dana
}

/** A second and third client, so lists have something to sort. */
export async function seedOthers(app: RapportHarness): Promise<void> {
  const omar = await createClient(app, 'Omar Haddad')
  await updateClient(app, omar.id, (data) => {
    data.organisation = 'Fabrikam'
    data.stage = { current: 'first-meeting', history: [{ stage: 'first-meeting', at: dayFrom(-20) }] }
    data.commitments = [{ id: 'k_01SEEDOMAR', by: 'client', what: 'Send the signed NDA', due: dayFrom(-2), status: 'open', createdAt: dayFrom(-20) }]
    data.interactions = [{ id: 'i_01SEEDO1', at: at(-20), channel: 'video', direction: 'in', outcome: 'meeting' }]
  })
  const lena = await createClient(app, 'Lena Park')
  await updateClient(app, lena.id, (data) => {
    data.organisation = 'Contoso Legal'
    data.stage = { current: 'long-term', history: [{ stage: 'long-term', at: dayFrom(-200) }] }
    data.createdAt = dayFrom(-300)
    data.interactions = [{ id: 'i_01SEEDL1', at: at(-75), channel: 'phone', direction: 'out', outcome: 'conversation' }]
  })
}
