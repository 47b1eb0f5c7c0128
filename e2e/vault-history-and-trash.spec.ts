import { expect, screenshot, test } from './fixtures'
import { addClient, entryText, expectSaved, writeEntry } from './harness/vault-helpers'

// Whole journeys through the real core on a shared, busy machine: give each more than the default 30 seconds.
test.describe.configure({ timeout: 60_000 })

test('I open an entry’s history, see what changed, and restore an earlier version', async ({ app }) => {
  const page = app.page
  await writeEntry(page, 'Historian', 'Proposal', 'First draft of the proposal.')

  // Much later, the text changes (here through the core, 20 minutes on, so a snapshot of the first draft is kept).
  const record = app.vault.entries.allWithVersions().find((e) => e.title === 'Proposal')
  if (!record) throw new Error('the entry was not saved')
  await app.vault.entries.save(
    { id: record.id, title: 'Proposal', body: 'Second draft, rewritten after the call.\n', version: record.version },
    new Date(Date.now() + 20 * 60_000)
  )
  // Written by the core of this process, so no echo comes back: tell the window as main does of a change made elsewhere.
  await app.emit('vault:changed', { entries: [{ id: record.id, clientId: record.clientId }], clients: [], structure: [] })
  await expect(entryText(page)).toContainText('Second draft', { timeout: 3000 })
  const before = await app.vault.history.list(record.id)
  expect(before.length).toBeGreaterThanOrEqual(1)

  await page.getByRole('button', { name: 'History', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'History' })
  const versions = dialog.getByRole('radiogroup', { name: 'Earlier versions' })
  await expect(versions.getByRole('radio')).toHaveCount(before.length)
  await expect(versions.getByRole('radio').first()).toBeChecked()
  await expect(versions.getByRole('radio').first()).toBeFocused()
  const diff = dialog.getByRole('region', { name: /Differences/ })
  await expect(diff).toContainText('First draft of the proposal.')
  await expect(diff).toContainText('Second draft, rewritten after the call.')
  await screenshot(app, 'history.png')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(app, 'history-dark.png')
  await page.emulateMedia({ colorScheme: 'light' })

  await dialog.getByRole('button', { name: 'Restore this version' }).click()
  await expect(dialog).toBeHidden()
  await expect(entryText(page)).toContainText('First draft of the proposal.')
  await expect(entryText(page)).not.toContainText('Second draft')
  await expect(page.getByRole('status').filter({ hasText: 'Restored — the version you replaced is in the history too' })).toBeVisible()
  const after = await app.vault.history.list(record.id)
  expect(after.length).toBe(before.length + 1)

  // The keyboard way in: Ctrl+Shift+H opens the history again, now with the replaced version in it.
  await entryText(page).click()
  await page.keyboard.press('Control+Shift+H')
  await expect(dialog.getByRole('radio')).toHaveCount(after.length)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expectSaved(page)
})

test('I move an entry and a client to the trash, restore them from the Trash view, and empty the trash', async ({ app }) => {
  const page = app.page
  await writeEntry(page, 'Kept Client', 'Worth keeping', 'Do not lose this.')
  await page.getByRole('button', { name: 'Move entry to trash' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click()
  await expect(page.getByRole('option', { name: /Worth keeping/ })).toBeHidden()

  await addClient(page, 'Gone Client')
  await page.getByRole('button', { name: 'Move client to trash' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click()
  await expect(page.getByRole('option', { name: /Gone Client/ })).toBeHidden()

  await page.getByRole('button', { name: 'Trash', exact: true }).click()
  const trash = page.getByRole('list', { name: 'Trash' })
  await expect(trash.getByRole('listitem')).toHaveCount(2)
  await expect(trash).toContainText('Worth keeping')
  await expect(trash).toContainText('Gone Client')
  await expect(trash).toContainText('Deleted just now from')
  await screenshot(app, 'trash.png')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(app, 'trash-dark.png')
  await page.emulateMedia({ colorScheme: 'light' })

  await trash.getByRole('button', { name: 'Restore Gone Client' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Restored Gone Client' })).toBeVisible()
  await expect(page.getByRole('option', { name: /Gone Client/ })).toBeVisible()
  await trash.getByRole('button', { name: 'Restore Worth keeping' }).click()
  await expect(trash.getByRole('listitem')).toHaveCount(0)
  await expect(page.getByText('The trash is empty.')).toBeVisible()

  await page.getByRole('option', { name: /Kept Client/ }).click()
  await expect(page.getByRole('option', { name: /Worth keeping/ })).toBeVisible()

  // Trash it again, then empty the trash for good.
  await page.getByRole('option', { name: /Worth keeping/ }).click()
  await page.getByRole('button', { name: 'Move entry to trash' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click()
  await page.getByRole('button', { name: 'Trash', exact: true }).click()
  await expect(trash.getByRole('listitem')).toHaveCount(1)
  await page.getByRole('button', { name: 'Empty trash…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Empty the trash?' })
  await expect(confirm).toContainText('deleted for good')
  await confirm.getByRole('button', { name: 'Empty trash' }).click()
  await expect(page.getByRole('status').filter({ hasText: '1 item deleted for good' })).toBeVisible()
  await expect(page.getByText('The trash is empty.')).toBeVisible()
  expect(app.vault.entries.allWithVersions().find((e) => e.title === 'Worth keeping')).toBeUndefined()
})
