import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { journalDir, writeEntry } from './harness/vault-helpers'

test.describe.configure({ timeout: 60_000 })

test('a file Rapport cannot read: the banner links to every problem and says how to repair it', async ({ app }) => {
  const page = app.page
  await writeEntry(page, 'Broken Files', 'Fine entry', 'This one is fine.')
  await writeFile(join(journalDir(app, 'broken-files'), '2026-11-01-mangled.md'), '---\ntitle: [never closed\n---\n\nHalf a file.\n')

  const banner = page.getByRole('status').filter({ hasText: 'Rapport could not read 1 file' })
  await expect(banner).toBeVisible({ timeout: 5000 })
  await banner.getByRole('button', { name: 'See all problems and how to fix them…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Vault problems' })
  const list = dialog.getByRole('list', { name: 'Files Rapport could not read' })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('clients/broken-files/journal/2026-11-01-mangled.md')
  await expect(dialog).toContainText('rapport doctor --fix')
  await page.waitForTimeout(300) // let the dialog's fade-in finish
  await screenshot(app, 'problems.png')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(banner.getByRole('button', { name: 'See all problems and how to fix them…' })).toBeFocused()
})
