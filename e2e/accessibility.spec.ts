import type { Locator, Page } from '@playwright/test'
import type { CommandId } from '../src/shared/commands'
import type { RapportHarness } from './harness/harness'
import { expect, screenshot, test } from './fixtures'
import { EVERYTHING_CHANGED } from './harness/harness'
import { advisory, audit, blocking } from './harness/accessibility-audit'
import type { AuditFinding } from './harness/accessibility-audit'
import { seedDana, seedOthers } from './harness/relationship-seed'
import { writeEntry } from './harness/vault-helpers'

/**
 * Every view and dialog, with a realistic vault behind it, through axe-core in
 * the light and the dark theme: no critical or serious violation anywhere.
 * Moderate and minor findings, and contrast axe could not measure, are printed for the run’s log.
 */
test.describe.configure({ timeout: 120_000 })

/** The open modal dialog: what lies behind it is inert, so only the dialog is audited. */
const DIALOG = 'dialog[open]'

function expectNoBlocking(found: AuditFinding[]): void {
  const notes = advisory(found)
  if (notes) console.log(`Accessibility (moderate/minor, not failing):\n${notes}`)
  expect(blocking(found), 'critical or serious accessibility violations').toBe('')
}

/** The view as it looks in each theme (the headings the audit asked for keep their look). */
async function screenshotBoth(app: RapportHarness, name: string): Promise<void> {
  await screenshot(app, `a11y-${name}.png`)
  await app.page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(app, `a11y-${name}-dark.png`)
  await app.page.emulateMedia({ colorScheme: 'light' })
}

async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click()
  await expect(page.getByRole('tab', { name: tab, selected: true })).toBeVisible()
}

/** Sends a menu command until its dialog shows (a command sent while the window is still reading the vault is dropped). */
async function openByCommand(app: RapportHarness, id: CommandId, dialog: Locator): Promise<void> {
  await expect(async () => {
    if (!(await dialog.isVisible())) await app.emit('command:run', { id })
    await expect(dialog).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 30_000 })
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

/** Dana, Omar and Lena: months of a relationship, so every view has something in it. */
async function seeded(app: RapportHarness): Promise<void> {
  await seedDana(app)
  await seedOthers(app)
  await app.emit('vault:changed', EVERYTHING_CHANGED)
}

async function openEntry(page: Page): Promise<void> {
  await page.getByRole('option', { name: /Dana Whitfield/ }).click()
  await page
    .getByRole('listbox', { name: 'Entries' })
    .getByRole('option', { name: /Quarterly retrospective/ })
    .click()
  await expect(page.getByRole('textbox', { name: 'Entry text' })).toContainText('Priya joined')
}

test('Today, Settings and every tab of a client pass the audit in light and dark', async ({ app }) => {
  const page = app.page
  const found: AuditFinding[] = []
  await seeded(app)

  await page.getByRole('button', { name: 'Today', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible()
  found.push(...(await audit(page, 'Today')))

  await page.getByRole('button', { name: 'Settings…' }).click()
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
  found.push(...(await audit(page, 'Settings', DIALOG)))
  await closeDialog(page)

  await openEntry(page)
  found.push(...(await audit(page, 'Journal with an entry open')))

  for (const tab of ['Profile', 'People', 'Brief', 'Timeline', 'Reflections']) {
    await openTab(page, tab)
    found.push(...(await audit(page, tab)))
    if (tab === 'Profile' || tab === 'Timeline') await screenshotBoth(app, tab.toLowerCase())
  }
  expectNoBlocking(found)
})

test('the palette, History, the template picker, Export and Import pass the audit in light and dark', async ({ app }) => {
  const page = app.page
  const found: AuditFinding[] = []
  await seeded(app)
  await openEntry(page)

  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Go to anything' })
  await page.getByRole('combobox', { name: 'Go to anything' }).fill('dana')
  await expect(palette.getByRole('option').first()).toBeVisible()
  found.push(...(await audit(page, 'Command palette', DIALOG)))
  await closeDialog(page)

  await page.getByRole('button', { name: 'History', exact: true }).click()
  await expect(page.getByRole('dialog', { name: 'History' })).toBeVisible()
  found.push(...(await audit(page, 'History', DIALOG)))
  await closeDialog(page)

  await page.keyboard.press('Control+Shift+N')
  await expect(page.getByRole('combobox', { name: 'Find a template' })).toBeFocused()
  found.push(...(await audit(page, 'Template picker', DIALOG)))
  await closeDialog(page)

  await openByCommand(app, 'vault.export', page.getByRole('dialog', { name: 'Export to Markdown' }))
  found.push(...(await audit(page, 'Export dialog', DIALOG)))
  await closeDialog(page)

  await openByCommand(app, 'vault.import', page.getByRole('dialog', { name: 'Import Markdown notes' }))
  found.push(...(await audit(page, 'Import dialog', DIALOG)))
  await closeDialog(page)
  expectNoBlocking(found)
})

test('Search with results and the Trash pass the audit in light and dark', async ({ app }) => {
  const page = app.page
  const found: AuditFinding[] = []
  await seeded(app)

  await page.keyboard.press('Control+Shift+F')
  await page.getByRole('searchbox', { name: /Search every entry/ }).fill('backlog')
  await expect(
    page
      .getByRole('listbox', { name: /Results/ })
      .getByRole('option')
      .first()
  ).toBeVisible()
  found.push(...(await audit(page, 'Search with results')))

  // Something in the trash: Lena, a whole client.
  await page
    .getByRole('listbox', { name: 'Clients' })
    .getByRole('option', { name: /Lena Park/ })
    .click()
  await page.getByRole('button', { name: 'Move client to trash' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click()
  await expect(page.getByRole('option', { name: /Lena Park/ })).toBeHidden()
  await page.getByRole('button', { name: 'Trash', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Trash' }).getByRole('listitem')).toHaveCount(1)
  found.push(...(await audit(page, 'Trash')))
  expectNoBlocking(found)
})

test('the encryption dialog and the lock screen pass the audit in light and dark', async ({ app }) => {
  test.setTimeout(120_000)
  const page = app.page
  const found: AuditFinding[] = []
  await writeEntry(page, 'Falkirk Partners', 'Retainer thoughts', 'Quietly renegotiating the retainer.')

  const dialog = page.getByRole('dialog', { name: 'Encryption' })
  await openByCommand(app, 'vault.security', dialog)
  await dialog.getByLabel('New passphrase').fill('blue heron at dawn')
  found.push(...(await audit(page, 'Encryption', DIALOG)))
  await dialog.getByLabel('Type it again').fill('blue heron at dawn')
  await dialog.getByRole('button', { name: 'Encrypt Vault' }).click()
  await expect(dialog.getByText(/encrypted with XChaCha20-Poly1305/)).toBeVisible({ timeout: 60_000 })
  found.push(...(await audit(page, 'Encryption (on)', DIALOG)))
  await page.getByRole('button', { name: 'Close' }).click()

  await page.keyboard.press('Control+Alt+l')
  await expect(page.getByRole('heading', { name: 'Rapport is locked' })).toBeVisible()
  found.push(...(await audit(page, 'Lock screen')))
  await page.getByLabel('Passphrase').fill('not the passphrase')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByRole('alert')).toContainText('does not unlock this vault', { timeout: 60_000 })
  found.push(...(await audit(page, 'Lock screen, wrong passphrase')))

  expectNoBlocking(found)
})
