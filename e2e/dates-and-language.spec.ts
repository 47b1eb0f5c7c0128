import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { seedDana, seedOthers } from './harness/relationship-seed'
import { writeEntry } from './harness/vault-helpers'

test.describe.configure({ timeout: 60_000 })

const snapshotName = (date: Date): string => `${date.toISOString().replace(/[-:.]/g, '')}.md`

test('dates follow the language and clock chosen in Settings, one style everywhere', async ({ app, browser }) => {
  await seedDana(app)
  await seedOthers(app)
  const next = await app.restart(browser)
  try {
    await next.open()
    const page = next.page
    await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible()
    // The computer's language (British English in these tests): "Monday 7 December", the document says so too.
    const dayLine = page.locator('.rel-view-sub').first()
    await expect(dayLine).toHaveText(/^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+$/)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB')
    await expect(page.getByRole('region', { name: 'My promises' })).toContainText(/\d{1,2} [A-Z][a-z]{2,3}\b/)

    await page.getByRole('button', { name: 'Settings…' }).click()
    await page.getByLabel('Dates in the language').fill('en-US')
    await page.getByLabel('Clock').selectOption('12-hour')
    await screenshot(next, 'settings-dates.png')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('dialog')).toHaveCount(0)

    // At once, without a restart: "Monday, December 7", and the page's language with it.
    await expect(dayLine).toHaveText(/^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}$/)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US')
    await expect(page.getByRole('region', { name: 'My promises' })).toContainText(/[A-Z][a-z]{2} \d{1,2}\b/)
    await screenshot(next, 'today-en-us.png')

    // Kept in rapport.json, where the shell reads it at start for the date pickers.
    const settings = await page.evaluate(() => window.rapport.invoke('settings:get', undefined))
    expect(settings.ok && settings.value).toMatchObject({ locale: 'en-US', clock: '12-hour' })
  } finally {
    await next.close()
  }
})

test('two earlier versions twenty minutes apart say how long ago each was, not both "just now"', async ({ app }) => {
  const page = app.page
  await writeEntry(page, 'Historian', 'Proposal', 'Today’s text.')
  const record = app.vault.entries.allWithVersions().find((e) => e.title === 'Proposal')
  if (!record) throw new Error('the entry was not saved')
  // Two snapshots as Rapport would have kept them, 25 and 45 minutes ago.
  const folder = join(app.vaultDir, '.rapport', 'history', record.id)
  await mkdir(folder, { recursive: true })
  const file = (text: string) => `---\nid: ${record.id}\ntitle: Proposal\n---\n\n${text}\n`
  await writeFile(join(folder, snapshotName(new Date(Date.now() - 45 * 60_000))), file('The first draft.'))
  await writeFile(join(folder, snapshotName(new Date(Date.now() - 25 * 60_000))), file('The second draft.'))

  await page.getByRole('button', { name: 'History', exact: true }).click()
  const versions = page.getByRole('dialog', { name: 'History' }).getByRole('radiogroup', { name: 'Earlier versions' })
  const when = versions.locator('.history-when')
  await expect(when.filter({ hasText: /^2[56] minutes ago$/ })).toHaveCount(1)
  await expect(when.filter({ hasText: /^4[56] minutes ago$/ })).toHaveCount(1)
  // The exact time beside it is in the same style as every other date: "7 Dec 2026, 03:58".
  await expect(versions.locator('.history-detail time').last()).toHaveText(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}$/)
  await screenshot(app, 'history-relative-times.png')
})
