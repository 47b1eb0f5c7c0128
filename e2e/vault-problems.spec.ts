import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { audit, blocking } from './harness/accessibility-audit'
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
  // Broken front matter cannot be repaired without guessing: it stays as advice, with no terminal needed to learn that.
  await expect(dialog).toContainText('None of these can be repaired without guessing what you meant')
  await expect(dialog.getByRole('button', { name: /^Repair/ })).toHaveCount(0)
  await expect(dialog).not.toContainText('terminal')
  await page.waitForTimeout(300) // let the dialog's fade-in finish
  await screenshot(app, 'problems.png')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(banner.getByRole('button', { name: 'See all problems and how to fix them…' })).toBeFocused()
})

test('a hand-broken file: the banner offers the safe repair, shows what it will do, copies the file first, and goes', async ({ app }) => {
  const page = app.page
  await writeEntry(page, 'Broken Files', 'Fine entry', 'This one is fine.')
  // Saved by another editor as Windows-1252, not UTF-8.
  const latin1 = Buffer.from('---\nid: e_latin1\ntitle: Caf\xe9 notes\n---\n\nA na\xefve plan.\n', 'latin1')
  const file = join(journalDir(app, 'broken-files'), '2026-11-01-cafe-notes.md')
  await writeFile(file, latin1)

  const banner = page.getByRole('status').filter({ hasText: 'Rapport could not read 1 file' })
  await expect(banner).toBeVisible({ timeout: 5000 })
  await banner.getByRole('button', { name: 'See all problems and how to fix them…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Vault problems' })
  const repairs = dialog.getByRole('region', { name: 'Repairs Rapport can make' })
  // What the repair will do is shown before anything is done, and nothing is done yet.
  await expect(repairs.getByRole('checkbox', { name: /2026-11-01-cafe-notes\.md/ })).toBeChecked()
  await expect(repairs).toContainText('Will convert it from Windows-1252/Latin-1 to UTF-8.')
  await expect(repairs).toContainText('.rapport/doctor/')
  expect(await readFile(file)).toEqual(latin1)
  await page.waitForTimeout(300) // let the dialog's fade-in finish
  await screenshot(app, 'problems-repair.png')
  expect(blocking(await audit(page, 'Vault problems with a repair', 'dialog[open]')), 'critical or serious accessibility violations').toBe('')

  await repairs.getByRole('button', { name: 'Repair 1 file' }).click()
  const report = dialog.getByRole('status')
  await expect(report).toContainText('Repaired 1 file. The files as they were are kept in .rapport/doctor/')
  await expect(report.getByRole('list', { name: 'What was repaired' })).toContainText('converted it to UTF-8')
  await expect(dialog).toContainText('Rapport can read every file of this vault now.')
  await screenshot(app, 'problems-repaired.png')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(banner).toBeHidden()

  // The file is UTF-8 now with every character; the copy on disk is the file byte for byte as it was.
  expect(await readFile(file, 'utf8')).toBe('---\nid: e_latin1\ntitle: Café notes\n---\n\nA naïve plan.\n')
  const backups = await readdir(join(app.vaultDir, '.rapport/doctor'))
  expect(backups).toHaveLength(1)
  expect(await readFile(join(app.vaultDir, '.rapport/doctor', backups[0] ?? '', 'clients/broken-files/journal/2026-11-01-cafe-notes.md'))).toEqual(latin1)
  await expect(page.getByRole('option', { name: /Café notes/ })).toBeVisible()
})
