import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'
import type { RapportHarness } from './harness/harness'
import { createClient, invoke } from './harness/relationship-seed'

const OBSIDIAN = join(import.meta.dirname, '../src/core/transfer/fixtures/obsidian-vault')
const DAY_ONE = join(import.meta.dirname, '../src/core/transfer/fixtures/day-one/Day One export.zip')

/** Sends a menu command until its dialog opens (a command sent while the window is still reading the vault is dropped). */
async function openFromMenu(app: RapportHarness, id: 'vault.import' | 'vault.importDayOne', title: string): Promise<Locator> {
  const dialog = app.page.getByRole('dialog', { name: title })
  await expect(async () => {
    if (!(await dialog.isVisible())) await app.emit('command:run', { id })
    await expect(dialog).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  return dialog
}

test('import an Obsidian vault: a wikilink becomes a mention, an embedded picture shows', async ({ app }) => {
  const page = app.page
  const northwind = await createClient(app, 'Northwind')
  await invoke(page, 'people:add', { clientId: northwind.id, name: 'Priya Raman' })
  await page.reload()
  const dialog = await openFromMenu(app, 'vault.import', 'Import Markdown notes')
  app.nextFolder = OBSIDIAN
  await dialog.getByRole('button', { name: 'Choose folder…' }).click()
  const preview = page.getByRole('dialog', { name: 'Import preview' })
  await preview.getByRole('combobox', { name: 'Send notes to' }).selectOption({ label: 'All to Northwind' })
  await preview.getByRole('button', { name: /^Import \d+ notes?$/ }).click()
  const done = page.getByRole('dialog', { name: 'Import finished' })
  await expect(done).toContainText('fake.png')
  await done.getByRole('button', { name: 'Done' }).click()

  await page
    .getByRole('listbox', { name: 'Clients' })
    .getByRole('option', { name: /Northwind/ })
    .click()
  await page.getByRole('option', { name: /Workshop with Northwind/ }).click()
  const text = page.getByRole('textbox', { name: 'Entry text' })
  await expect(text.getByRole('link', { name: 'Priya' }).first()).toBeVisible()
  const pictures = text.locator('.entry-image img')
  await expect(pictures).toHaveCount(3)
  await expect.poll(() => pictures.evaluateAll((all: HTMLImageElement[]) => all.map((img) => img.naturalWidth > 0))).toEqual([true, true, true])
  await expect(page.getByRole('region', { name: 'Attachments' })).toContainText('proposal-v2.pdf')
  await screenshot(app, 'import-obsidian.png')
  expect((await readdir(join(app.vaultDir, 'clients/northwind/attachments'))).sort()).toEqual([
    'business-card.jpg',
    'drawing.svg',
    'proposal-v2.pdf',
    'whiteboard.png'
  ])
  expect(app.blockedRequests).toEqual([])
})

test('import a Day One export: each journal to a client, with its photos', async ({ app }) => {
  const page = app.page
  await createClient(app, 'Northwind')
  await page.reload()
  const dialog = await openFromMenu(app, 'vault.importDayOne', 'Import from Day One')
  app.nextFiles = [DAY_ONE]
  await dialog.getByRole('button', { name: 'Choose export…' }).click()
  await expect(dialog.getByRole('combobox', { name: 'Where Northwind goes' })).toHaveValue(app.vault.clients.list()[0]?.id ?? '')
  await expect(dialog.getByRole('row', { name: /Northwind/ })).toContainText('2 entries, 2 photos')
  await screenshot(app, 'import-day-one-preview.png')
  await dialog.getByRole('combobox', { name: 'Where Journal goes' }).selectOption({ label: 'Leave it out' })
  await dialog.getByRole('button', { name: 'Import 2 entries' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Imported 2 entries with 2 photos.')
  await dialog.getByRole('button', { name: 'Done' }).click()
  expect(app.filePrompts.at(-1)).toEqual({ title: 'Import a Day One export', extensions: ['zip'] })

  await page
    .getByRole('listbox', { name: 'Clients' })
    .getByRole('option', { name: /Northwind/ })
    .click()
  await page.getByRole('option', { name: /Workshop with Northwind/ }).click()
  const text = page.getByRole('textbox', { name: 'Entry text' })
  await expect(text).toContainText('Three phases (not two)!')
  await expect(text.locator('.entry-image img')).toHaveCount(2)
  await expect.poll(() => text.locator('.entry-image img').evaluateAll((all: HTMLImageElement[]) => all.map((img) => img.naturalWidth))).toEqual([64, 64])
  await screenshot(app, 'import-day-one-entry.png')
})
