import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { RapportHarness } from './harness/harness'
import { expect, screenshot, test } from './fixtures'
import { EVERYTHING_CHANGED } from './harness/harness'
import { createClient, seedDana, seedOthers } from './harness/relationship-seed'
import { waitSaved } from './harness/reflection-helpers'

test('select a sentence in an entry and make it a commitment: it lands in client.json linked to the entry', async ({ app }) => {
  const page = app.page
  const client = await createClient(app, 'Dana Whitfield')
  await app.emit('vault:changed', EVERYTHING_CHANGED)
  await page.getByRole('option', { name: /Dana Whitfield/ }).click()
  await page.keyboard.press('Control+n')
  await page.getByLabel('Title').fill('Scope call')
  const editor = page.getByRole('textbox', { name: 'Entry text' })
  await editor.click()
  await page.keyboard.type('Send the revised scope')
  await waitSaved(page)
  await page.keyboard.press('Shift+Home')
  // A change on disk that leaves the text alone (here a front-matter field added by hand) must not take the selection away.
  const journal = join(app.vaultDir, 'clients', client.slug, 'journal')
  const [file] = await readdir(journal)
  const path = join(journal, file!)
  await writeFile(path, (await readFile(path, 'utf8')).replace(/^---\n/, '---\nsource: by hand\n'))
  // The watcher reports it within a second; give the editor time to read it again.
  await page.waitForTimeout(1500)

  await page.keyboard.press('Control+Shift+K')
  await expect(page.getByLabel('What')).toHaveValue('Send the revised scope')
  await page.getByLabel('Due (optional)').fill('2030-01-15')
  await page.getByRole('button', { name: 'Add commitment' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  const data = JSON.parse(await readFile(join(app.vaultDir, 'clients', client.slug, 'client.json'), 'utf8')) as {
    commitments: Array<{ what: string; by: string; due?: string; entry?: string }>
  }
  expect(data.commitments).toHaveLength(1)
  expect(data.commitments[0]).toMatchObject({ what: 'Send the revised scope', by: 'me', due: '2030-01-15' })
  expect(data.commitments[0]?.entry).toMatch(/^e_/)

  // The profile links it back to its entry.
  await page.getByRole('tab', { name: 'Profile' }).click()
  await page.getByRole('button', { name: 'From entry' }).click()
  await expect(page.getByLabel('Title')).toHaveValue('Scope call')
})

test('the Commitments view lists every open promise by due date, overdue first and in words; mark one done in place', async ({ app }) => {
  const page = app.page
  await seedDana(app)
  await seedOthers(app)
  await page.getByRole('button', { name: 'Commitments' }).click()
  const rows = page.getByRole('list', { name: 'Commitments, by due date' }).getByRole('listitem')
  await expect(rows).toHaveCount(4)
  await expect(rows.nth(0)).toContainText('Send the revised scope')
  await expect(rows.nth(0)).toContainText('Overdue since')
  await expect(rows.nth(1)).toContainText('Send the signed NDA')
  await expect(rows.nth(1)).toContainText('Overdue since')
  await expect(rows.nth(2)).toContainText('Share the Q3 backlog numbers')
  await expect(rows.nth(2)).toContainText('Due today')
  await expect(rows.nth(3)).toContainText('Introduce her to Marco')

  await page.getByRole('radio', { name: 'Theirs' }).click()
  await expect(rows).toHaveCount(2)
  await page.getByRole('radio', { name: 'All' }).click()
  await expect(rows).toHaveCount(4)

  // A click, not check(): the row leaves the list once done, so there is no checked box left to confirm.
  await page.getByRole('checkbox', { name: 'Mark “Send the revised scope” done' }).click()
  await expect(rows).toHaveCount(3)
  // The client list says so too: Dana has nothing overdue any more, Omar still has one.
  await expect(page.getByRole('option', { name: /Dana Whitfield/ })).not.toContainText('overdue')
  await expect(page.getByRole('option', { name: /Omar Haddad/ })).toContainText('1 overdue')

  // Through to the client.
  await page.getByRole('button', { name: 'Omar Haddad', exact: true }).click()
  await expect(page.getByRole('tab', { name: 'Profile', selected: true })).toBeVisible()
})

test('the timeline of a seeded client shows its months and events, and an entry opens from it', async ({ app }) => {
  const page = app.page
  await seedDana(app)
  await page.getByRole('option', { name: /Dana Whitfield/ }).click()
  await page.getByRole('tab', { name: 'Timeline' }).click()
  const axis = page.getByRole('list', { name: 'Timeline, newest first' })
  await expect(axis.getByRole('button', { name: /Scope call went sideways/ })).toBeVisible()
  await expect(axis.getByRole('button', { name: /Stage: Engaged/ })).toBeVisible()
  await expect(axis.getByRole('button', { name: /Trust: Familiar/ })).toBeVisible()
  await expect(axis.getByRole('button', { name: /Kept: One-page summary/ })).toBeVisible()
  await expect(page.getByRole('figure', { name: 'Stage and trust over time' })).toBeVisible()
  await axis.getByRole('button', { name: /Scope call went sideways/ }).click()
  await expect(page.getByLabel('Title')).toHaveValue('Scope call went sideways')
})

test('with clients, the app opens on Today: follow-ups, promises both ways, dates this week, clients gone quiet', async ({ app, browser }) => {
  await seedDana(app)
  await seedOthers(app)
  const next = await app.restart(browser)
  try {
    await next.open()
    const page = next.page
    await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Follow-ups due' })).toContainText('Dana Whitfield')
    await expect(page.getByRole('region', { name: 'My promises' })).toContainText('Send the revised scope')
    await expect(page.getByRole('region', { name: 'Their promises' })).toContainText('Send the signed NDA')
    await expect(page.getByRole('region', { name: 'Important dates this week' })).toContainText('Birthday')
    await expect(page.getByRole('region', { name: 'Reach out' })).toContainText('Lena Park')

    // Settings: a longer quiet interval and Lena is no longer quiet.
    await page.getByRole('button', { name: 'Settings…' }).click()
    await page.getByLabel('Gone quiet after (days)').fill('120')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('region', { name: 'Reach out' })).toHaveCount(0)

    await page
      .getByRole('region', { name: 'Their promises' })
      .getByRole('button', { name: /^They promised.*Omar Haddad/ })
      .click()
    await expect(page.getByRole('tab', { name: 'Profile', selected: true })).toBeVisible()
  } finally {
    await next.close()
  }
})

test('Today says so calmly when nothing is due', async ({ app, browser }) => {
  await createClient(app, 'New Client')
  const next = await app.restart(browser)
  try {
    await next.open()
    await expect(next.page.getByText('Nothing due today.')).toBeVisible()
  } finally {
    await next.close()
  }
})

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the commitments, timeline and today views (${scheme})`, async ({ browser }) => {
    test.setTimeout(90_000)
    const app = await RapportHarness.launch(browser, { colorScheme: scheme })
    const suffix = scheme === 'dark' ? '-dark' : ''
    try {
      await app.open()
      await seedDana(app)
      await seedOthers(app)
      const page = app.page
      await page.setViewportSize({ width: 1360, height: 900 })
      await page.getByRole('button', { name: 'Today', exact: true }).click()
      await expect(page.getByRole('region', { name: 'My promises' })).toBeVisible()
      await screenshot(app, `today${suffix}.png`)
      await page.getByRole('button', { name: 'Commitments' }).click()
      await expect(page.getByText('Overdue since').first()).toBeVisible()
      await screenshot(app, `commitments${suffix}.png`)
      await page.getByRole('option', { name: /Dana Whitfield/ }).click()
      await page.getByRole('tab', { name: 'Timeline' }).click()
      await expect(page.getByRole('figure', { name: 'Stage and trust over time' })).toBeVisible()
      await screenshot(app, `timeline${suffix}.png`)
    } finally {
      await app.close()
    }
  })
}
