import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { RapportHarness } from './harness/harness'
import { expect, screenshot, test as base } from './fixtures'
import { systemTimeZone } from '../src/core/relationship/calendar'

/** A clock the test moves forward; it starts at the real now, so the suite passes under faketime too. */
function movableClock() {
  let offsetMs = 0
  return {
    now: () => new Date(Date.now() + offsetMs),
    timeZone: systemTimeZone,
    forward: (days: number) => void (offsetMs += days * 86_400_000)
  }
}

const test = base.extend<{ clock: ReturnType<typeof movableClock>; rapport: RapportHarness }>({
  // oxlint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; the clock has none.
  clock: async ({}, use) => use(movableClock()),
  rapport: async ({ browser, clock }, use) => {
    const app = await RapportHarness.launch(browser, { clock })
    await app.open()
    await use(app)
    await app.close()
  }
})

const dayOf = (date: Date): string => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
const daysAgo = (clock: { now(): Date }, n: number): string => new Date(clock.now().getTime() - n * 86_400_000).toISOString()

async function seed(app: RapportHarness, name: string, change: (data: Record<string, unknown>) => void): Promise<string> {
  const client = await app.vault.clients.create(name)
  await app.vault.clients.update(app.vault.clients.get(client.id), (data) => change(data as Record<string, unknown>))
  return client.id
}

test('set a cadence, see the client in Reach out, log a contact from Today and see them leave', async ({ rapport: app, clock }) => {
  await seed(app, 'Dana Whitfield', (data) => {
    data.organisation = 'Northwind'
    data.interactions = [
      { id: 'i_1', at: daysAgo(clock, 20), channel: 'phone', direction: 'out', outcome: 'conversation' },
      { id: 'i_2', at: daysAgo(clock, 3), channel: 'email', direction: 'out', outcome: 'no-reply' }
    ]
  })
  const page = app.page
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible()
  // Twenty days is not yet "gone quiet" by the vault's 30: nothing to reach out about.
  await expect(page.getByRole('region', { name: 'Reach out' })).toHaveCount(0)

  await page.getByRole('option', { name: /Dana Whitfield/ }).click()
  await page.getByRole('tab', { name: 'Profile' }).click()
  const cadence = page.getByLabel('Keep in touch')
  await cadence.selectOption({ label: 'Every 2 weeks' })
  await expect(cadence).toHaveValue('2 weeks')
  await screenshot(app, 'keep-in-touch-cadence.png')
  const file = JSON.parse(await readFile(join(app.vaultDir, 'clients', 'dana-whitfield', 'client.json'), 'utf8'))
  expect(file.cadence).toBe('2 weeks')

  await page.getByRole('button', { name: 'Today', exact: true }).click()
  const reachOut = page.getByRole('region', { name: 'Reach out' })
  await expect(reachOut).toContainText('Reach out to Dana Whitfield — every 2 weeks; 1 attempt since you last spoke')
  await screenshot(app, 'keep-in-touch-today.png')

  await reachOut.getByRole('button', { name: 'Log a contact with Dana Whitfield' }).click()
  const dialog = page.getByRole('dialog', { name: 'Log interaction' })
  await dialog.getByLabel('Outcome').selectOption('conversation')
  await dialog.getByRole('button', { name: 'Log it' }).click()
  await expect(dialog).toBeHidden()
  await expect(reachOut).toHaveCount(0)
})

test('mark one occurrence of a weekly promise done with the keyboard and see the next one', async ({ rapport: app, clock }) => {
  const today = dayOf(clock.now())
  await seed(app, 'Omar Haddad', (data) => {
    data.commitments = [
      { id: 'k_weekly', by: 'me', what: 'Send the status note', due: today, status: 'open', createdAt: daysAgo(clock, 1), repeat: 'FREQ=WEEKLY' }
    ]
  })
  const page = app.page
  await page.reload()
  const mine = page.getByRole('region', { name: 'My promises' })
  await expect(mine).toContainText('You promised “Send the status note” (every week) — due today')
  await mine
    .getByRole('button', { name: /Send the status note/ })
    .first()
    .focus()
  await page.keyboard.press('d')
  await expect(mine).toHaveCount(0)

  await page.getByRole('button', { name: 'Commitments', exact: true }).click()
  const list = page.getByRole('list', { name: 'Commitments, by due date' })
  await expect(list).toContainText('Send the status note')
  await expect(list).toContainText('every week')
  await screenshot(app, 'keep-in-touch-commitments.png')
  const file = JSON.parse(await readFile(join(app.vaultDir, 'clients', 'omar-haddad', 'client.json'), 'utf8'))
  expect(file.commitments[0]).toMatchObject({ status: 'open', occurrences: [{ on: today, status: 'done' }] })

  // A week later the next one is due, on Today again.
  clock.forward(7)
  await page.getByRole('button', { name: 'Today', exact: true }).click()
  await page.reload()
  await expect(page.getByRole('region', { name: 'My promises' })).toContainText('Send the status note')
})

test('on the profile, “Done this time” keeps one occurrence of a recurring promise and leaves the series open', async ({ rapport: app, clock }) => {
  const today = dayOf(clock.now())
  await seed(app, 'Lena Park', (data) => {
    data.commitments = [
      { id: 'k_weekly', by: 'me', what: 'Send the status note', due: today, status: 'open', createdAt: daysAgo(clock, 1), repeat: 'FREQ=WEEKLY' }
    ]
  })
  const page = app.page
  await page.reload()
  await page.getByRole('option', { name: /Lena Park/ }).click()
  await page.getByRole('tab', { name: 'Profile' }).click()
  const row = page.getByRole('listitem').filter({ hasText: 'Send the status note' })
  await expect(row).toContainText('Next: Due today')
  await expect(row).toContainText('every week')
  await screenshot(app, 'keep-in-touch-profile-recurring.png')

  await row.getByRole('button', { name: 'Done this time' }).click()
  await expect(row).not.toContainText('Due today')
  await expect(row.getByLabel('Status of every “Send the status note”')).toHaveValue('open')
  const file = JSON.parse(await readFile(join(app.vaultDir, 'clients', 'lena-park', 'client.json'), 'utf8'))
  expect(file.commitments[0]).toMatchObject({ status: 'open', due: today, occurrences: [{ on: today, status: 'done' }] })
  // The next one waits a week on.
  await expect(row).toContainText(/Next: Due \w/)
})

test('snooze a follow-up until tomorrow and see it come back when tomorrow comes', async ({ rapport: app, clock }) => {
  await seed(app, 'Lena Park', (data) => {
    data.followUp = dayOf(clock.now())
  })
  const page = app.page
  await page.reload()
  const followUps = page.getByRole('region', { name: 'Follow-ups due' })
  await expect(followUps).toContainText('Lena Park')
  await followUps.getByRole('button', { name: 'Snooze Follow up today' }).click()
  await screenshot(app, 'keep-in-touch-snooze.png')
  await page.getByRole('menuitem', { name: 'Tomorrow' }).click()
  await expect(followUps).toHaveCount(0)

  clock.forward(1)
  await page.reload()
  await expect(page.getByRole('region', { name: 'Follow-ups due' })).toContainText('Lena Park')
})

test('turn on the calendar feed in Settings and find a file any calendar reads', async ({ rapport: app, clock }) => {
  await seed(app, 'Dana Whitfield', (data) => {
    data.followUp = dayOf(clock.now())
  })
  const page = app.page
  await page.reload()
  await page.getByRole('button', { name: 'Settings…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await expect(dialog.getByLabel('Start Rapport when I log in')).not.toBeChecked()
  await expect(dialog.getByLabel('Keep running in the tray (menu bar) so notifications arrive on time')).not.toBeChecked()
  await dialog.getByLabel(/Keep a calendar feed/).check()
  await dialog.getByLabel('Events say').selectOption('full')
  await screenshot(app, 'keep-in-touch-settings.png')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  const feed = await readFile(join(app.vaultDir, 'rapport.ics'), 'utf8')
  const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e))
  expect(events.map((e) => [e.summary, e.startDate.toString()])).toEqual([['Follow up with Dana Whitfield', dayOf(clock.now())]])
})
