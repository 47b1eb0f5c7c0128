import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { expectSaved, journalDir, writeEntry } from './harness/vault-helpers'

test.describe.configure({ timeout: 60_000 })

test('a rename stopped halfway: the entry is listed once, and the file left behind is reported as such', async ({ app }) => {
  const page = app.page
  await writeEntry(page, 'Halfway', 'Before the call', 'What I expected.')
  const folder = journalDir(app, 'halfway')
  const [oldName] = await readdir(folder)
  const oldPath = join(folder, oldName ?? '')
  const before = await readFile(oldPath)

  // A new title renames the file; putting the old file back leaves the disk as a crash between the two steps would.
  await page.getByLabel('Title').fill('After the call')
  await expectSaved(page)
  await expect.poll(async () => (await readdir(folder)).length).toBe(1)
  await writeFile(oldPath, before)

  const banner = page.getByRole('status').filter({ hasText: /Rapport could not read 1 file/ })
  await expect(banner).toBeVisible({ timeout: 5000 })
  const entries = page.getByRole('listbox', { name: 'Entries' })
  await expect(entries.getByRole('option')).toHaveCount(1)
  await expect(entries).toContainText('After the call')
  await banner.getByRole('button', { name: 'See all problems and how to fix them…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Vault problems' })
  await expect(dialog).toContainText(`clients/halfway/journal/${oldName}`)
  await expect(dialog).toContainText('left behind by an interrupted rename')
  await page.waitForTimeout(300) // let the dialog's fade-in finish
  await screenshot(app, 'interrupted-rename.png')
})
