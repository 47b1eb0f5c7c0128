import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { RapportHarness } from './harness/harness'
import { expect, screenshot, test } from './fixtures'
import { EVERYTHING_CHANGED } from './harness/harness'
import { createClient, seedDana, seedOthers } from './harness/relationship-seed'

const clientJson = async (app: RapportHarness, slug: string) =>
  JSON.parse(await readFile(join(app.vaultDir, 'clients', slug, 'client.json'), 'utf8')) as Record<string, unknown>

async function openTab(page: Page, clientName: string, tab: string): Promise<void> {
  await page.getByRole('option', { name: new RegExp(clientName) }).click()
  await page.getByRole('tab', { name: tab }).click()
}

test('edit a profile by keyboard: the values are in client.json, and a hand edit to the file shows up', async ({ app }) => {
  const page = app.page
  const client = await createClient(app, 'Ada Brennan')
  await app.emit('vault:changed', EVERYTHING_CHANGED)
  await openTab(page, 'Ada Brennan', 'Profile')

  await page.getByLabel('Organisation').fill('Tailspin Toys')
  await page.keyboard.press('Tab')
  await page.getByLabel('Email').fill('ada@tailspin.example')
  await page.getByLabel('Preferred channel').selectOption('video')
  await page.getByLabel('Likes', { exact: true }).fill('opera')
  await page.keyboard.press('Enter')
  await page.keyboard.type('hiking')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Remove hiking' })).toBeVisible()
  // Backspace in the empty field takes the last one back out.
  await page.keyboard.press('Backspace')
  await expect(page.getByRole('button', { name: 'Remove hiking' })).toHaveCount(0)
  await page.getByLabel('Goals').fill('Launch the spring range on time')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 })

  await expect
    .poll(async () => {
      const data = await clientJson(app, client.slug)
      return [
        data.organisation,
        (data.contact as { email?: string })?.email,
        (data.style as { channel?: string })?.channel,
        (data.person as { likes?: string[] })?.likes,
        (data.business as { goals?: string })?.goals
      ]
    })
    .toEqual(['Tailspin Toys', 'ada@tailspin.example', 'video', ['opera'], 'Launch the spring range on time'])

  // A time zone Rapport does not know is refused with the core's words, under the field.
  await page.getByLabel('Time zone').fill('Mars/Olympus')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('alert').filter({ hasText: /time zone name like Europe\/London/ })).toBeVisible()
  await page.getByLabel('Time zone').fill('Asia/Tokyo')
  await page.keyboard.press('Tab')
  await expect(page.getByText(/Their time now:/)).toBeVisible()

  // Someone edits client.json by hand (another tool, a sync): the profile shows it.
  const path = `clients/${client.slug}/client.json`
  const data = await clientJson(app, client.slug)
  await writeFile(join(app.vaultDir, path), JSON.stringify({ ...data, role: 'Head of Buying' }, null, 2))
  await app.emit('vault:changed', await app.vault.applyChanges([path]))
  await expect(page.getByLabel('Role')).toHaveValue('Head of Buying')
})

test('change stage and trust with the keyboard; each keeps its history, and an entry can be written about it', async ({ app }) => {
  const page = app.page
  const client = await createClient(app, 'Ben Ortiz')
  await app.emit('vault:changed', EVERYTHING_CHANGED)
  await openTab(page, 'Ben Ortiz', 'Profile')

  // As a person would, change the stage once it is on screen: until the profile is read, the command has nothing to change.
  await expect(page.getByRole('button', { name: 'First contact' })).toBeVisible()
  await page.keyboard.press('Control+Shift+G')
  const stageList = page.getByRole('listbox', { name: 'Stage' })
  await expect(stageList).toBeFocused()
  await page.keyboard.press('e')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Engaged' })).toBeVisible()

  await page.keyboard.press('Control+Shift+U')
  await expect(page.getByRole('listbox', { name: 'Trust' })).toBeFocused()
  await page.keyboard.press('f')
  await expect(page.getByRole('option', { name: /Friend/, selected: true })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Friend' })).toBeVisible()

  const data = await clientJson(app, client.slug)
  const stage = data.stage as { current: string; history: Array<{ stage: string; at: string }> }
  const trust = data.trust as { current: string; history: Array<{ trust: string; at: string }> }
  expect(stage.current).toBe('engaged')
  expect(stage.history.at(-1)?.stage).toBe('engaged')
  expect(trust.current).toBe('friend')
  expect(trust.history.at(-1)?.trust).toBe('friend')

  // With a note and "write an entry about it": the entry opens with the note.
  await page.keyboard.press('Control+Shift+G')
  await page.keyboard.press('l')
  await page.getByLabel('Why (optional)').fill('Renewed for a year')
  await page.getByLabel('Write an entry about it').check()
  await page.getByRole('button', { name: 'Set stage' }).click()
  await expect(page.getByLabel('Title')).toHaveValue('Stage: long-term')
  await expect(page.getByRole('textbox', { name: 'Entry text' })).toContainText('Renewed for a year')

  await page.getByRole('tab', { name: 'Profile' }).click()
  await page.getByText('Stage history').click()
  await expect(page.locator('.level-history').first()).toContainText('Renewed for a year')
  await expect(page.locator('.level-history').first()).toContainText('Engaged')
})

test('log an interaction in a few keystrokes; the outreach sentence counts the attempt', async ({ app }) => {
  const page = app.page
  const client = await createClient(app, 'Chen Wu')
  await app.emit('vault:changed', EVERYTHING_CHANGED)
  await openTab(page, 'Chen Wu', 'Profile')
  await expect(page.getByTestId('outreach')).toHaveText('No conversations logged yet.')

  await page.keyboard.press('Control+Shift+I')
  await expect(page.getByLabel('Outcome')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('outreach')).toContainText('1 attempt')

  await page.keyboard.press('Control+Shift+I')
  await page.getByLabel('Outcome').selectOption('conversation')
  await page.getByLabel('Note', { exact: true }).fill('Caught her after the board meeting')
  await page.keyboard.press('Enter')
  await expect(page.getByText('Caught her after the board meeting')).toBeVisible()
  const data = await clientJson(app, client.slug)
  expect(data.interactions).toHaveLength(2)

  // Edit and delete from the list.
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Caught her after the board meeting' })
    .getByRole('button', { name: /^Delete/ })
    .click()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(page.getByText('Caught her after the board meeting')).toHaveCount(0)
  await expect(page.getByTestId('outreach')).toContainText('1 attempt')
})

for (const scheme of ['light', 'dark'] as const) {
  test(`a seeded client's profile (${scheme})`, async ({ browser }) => {
    test.setTimeout(90_000)
    const app = await RapportHarness.launch(browser, { colorScheme: scheme })
    try {
      await app.open()
      await seedDana(app)
      await seedOthers(app)
      const page = app.page
      await page.setViewportSize({ width: 1360, height: 900 })
      await openTab(page, 'Dana Whitfield', 'Profile')
      await expect(page.getByTestId('outreach')).toContainText('2 attempts')
      await expect(page.getByText(/^Overdue since/)).toBeVisible()
      await screenshot(app, scheme === 'dark' ? 'client-profile-dark.png' : 'client-profile.png')
    } finally {
      await app.close()
    }
  })
}

test('stage changes in two keystrokes from the journal too, not only from the profile', async ({ app }) => {
  const page = app.page
  await page
    .getByRole('button', { name: /^(New client|Add your first client)$/ })
    .first()
    .click()
  await page.getByLabel('Client name').fill('Anywhere Ltd')
  await page.getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('option', { name: /Anywhere Ltd/ })).toBeVisible()
  const picker = page.getByRole('dialog')
  // The command is ready once the client's record has been read (a few milliseconds after it is selected).
  await expect(async () => {
    await page.keyboard.press('Control+Shift+G')
    await expect(picker).toBeVisible({ timeout: 500 })
  }).toPass({ timeout: 10_000 })
  await page.keyboard.press('e')
  await page.keyboard.press('Enter')
  await expect(picker).toBeHidden()
  await expect
    .poll(async () => JSON.parse(await (await import('node:fs/promises')).readFile(`${app.vaultDir}/clients/anywhere-ltd/client.json`, 'utf8')).stage.current)
    .toBe('engaged')
})
