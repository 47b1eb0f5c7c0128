import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'
import { audit, blocking } from './harness/accessibility-audit'
import type { RapportHarness } from './harness/harness'
import { entryText, expectSaved, journalDir, journalFiles, onlyEntryFile, writeEntry } from './harness/vault-helpers'

// Whole journeys through the real core on a shared, busy machine.
test.describe.configure({ timeout: 60_000 })

/** I type in an entry while another program changes its file: Rapport keeps both and I open the comparison. */
async function typeWhileChangedOnDisk(app: RapportHarness, page: Page) {
  await writeEntry(page, 'Northwind', 'Scope call', 'We agreed on a pilot in March.')
  const { path, text } = await onlyEntryFile(app, 'northwind')
  await page.keyboard.press('End')
  await page.keyboard.type(' Budget is approved.')
  const theirs = text.replace('We agreed on a pilot in March.', 'We agreed on a pilot in April.')
  await writeFile(path, theirs)
  const notice = page.getByRole('alert').filter({ hasText: 'changed by another program' })
  await expect(notice).toBeVisible({ timeout: 5000 })
  await notice.getByRole('button', { name: 'Compare…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Compare versions' })
  await expect(dialog.getByRole('region', { name: /Differences/ })).toBeVisible()
  return { path, theirs, dialog }
}

test('the conflict view names the sides plainly, marks the words that differ, and offers four ways out', async ({ app }) => {
  const page = app.page
  const { dialog } = await typeWhileChangedOnDisk(app, page)
  const differences = dialog.getByRole('region', { name: 'Differences between what is on disk now and what you typed' })
  await expect(differences).toContainText('− Only in what is on disk now')
  await expect(differences).toContainText('+ Only in what you typed')
  // Only the words that changed are marked, not the whole line.
  await expect(differences.locator('mark.diff-word.removed')).toHaveText(['April'])
  await expect(differences.locator('mark.diff-word.added')).toHaveText(['March', /^\s*Budget is approved\.$/])
  const choices = dialog.getByRole('list', { name: 'What to keep' })
  await expect(choices.getByRole('button')).toHaveText(['Keep what you typed', 'Keep what is on disk now', 'Keep both', 'Merge by hand…'])
  await expect(choices.getByRole('button', { name: 'Keep what you typed' })).toHaveAccessibleDescription('What is on disk now is kept in the entry’s history.')
  await expect(choices.getByRole('button', { name: 'Keep what is on disk now' })).toHaveAccessibleDescription('What you typed goes to the trash.')
  await expect(choices.getByRole('button', { name: 'Keep both' })).toHaveAccessibleDescription(
    'What you typed stays in this entry; what is on disk now becomes a new entry, “Scope call (other version)”.'
  )
  await expect(dialog).not.toContainText('the other version (your text)')
  await screenshot(app, 'conflict-choices.png')
  expect(blocking(await audit(page, 'Compare versions (light)', 'dialog[open]')), 'critical or serious accessibility violations').toBe('')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(app, 'conflict-choices-dark.png')
  expect(blocking(await audit(page, 'Compare versions (dark)', 'dialog[open]')), 'critical or serious accessibility violations').toBe('')
  await page.emulateMedia({ colorScheme: 'light' })
})

test('keep both: what I typed stays in the entry, what is on disk becomes a new entry, nothing else is left over', async ({ app }) => {
  const page = app.page
  const { path, dialog } = await typeWhileChangedOnDisk(app, page)
  await dialog.getByRole('button', { name: 'Keep both' }).click()
  await expect(dialog).toBeHidden()
  await expect(entryText(page)).toContainText('We agreed on a pilot in March. Budget is approved.')
  await expect(entryText(page)).toHaveAttribute('contenteditable', 'true')
  await expect(page.getByRole('option', { name: /Scope call \(other version\)/ })).toBeVisible()

  const files = await journalFiles(app, 'northwind')
  expect(files.filter((f) => f.includes('conflict'))).toEqual([])
  expect(files).toHaveLength(2)
  expect(await readFile(path, 'utf8')).toContain('We agreed on a pilot in March. Budget is approved.')
  const otherName = files.find((f) => join(journalDir(app, 'northwind'), f) !== path) ?? ''
  const other = await readFile(join(journalDir(app, 'northwind'), otherName), 'utf8')
  expect(other).toContain('We agreed on a pilot in April.')
  expect(other).toContain('title: Scope call (other version)')
  expect(app.vault.entries.conflicts()).toHaveLength(0)
})

test('merge by hand: both versions open in the editor, marked; I edit them into one and it saves', async ({ app }) => {
  const page = app.page
  const { path, dialog } = await typeWhileChangedOnDisk(app, page)
  await dialog.getByRole('button', { name: 'Merge by hand…' }).click()
  await expect(dialog).toBeHidden()
  const text = entryText(page)
  await expect(text).toContainText('Version 1 of 2 — What is on disk now:')
  await expect(text).toContainText('We agreed on a pilot in April.')
  await expect(text).toContainText('Version 2 of 2 — What you typed:')
  await expect(text).toContainText('We agreed on a pilot in March. Budget is approved.')
  await expect(text).toContainText('End of the two versions.')
  await expect(text).toHaveAttribute('contenteditable', 'true')
  await screenshot(app, 'conflict-merge-draft.png')
  // The draft is on disk already (the version before it in history, my typed copy in the trash): nothing can be lost.
  expect(await readFile(path, 'utf8')).toContain('**Version 1 of 2 — What is on disk now:**')
  expect((await journalFiles(app, 'northwind')).filter((f) => f.includes('conflict'))).toEqual([])

  // I edit the draft down to one text, and it saves like any entry.
  await text.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('We agreed on a pilot in April. Budget is approved.')
  await expectSaved(page)
  const saved = await readFile(path, 'utf8')
  expect(saved).toContain('We agreed on a pilot in April. Budget is approved.')
  expect(saved).not.toContain('Version 1 of 2')
  expect(await journalFiles(app, 'northwind')).toHaveLength(1)
  await page.getByRole('button', { name: 'Trash', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Trash' })).toContainText('Conflicting copy of Scope call')
})
