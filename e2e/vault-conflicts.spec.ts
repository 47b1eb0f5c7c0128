import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { entryText, expectSaved, journalDir, journalFiles, onlyEntryFile, writeEntry } from './harness/vault-helpers'

// Whole journeys through the real core on a shared, busy machine: give each more than the default 30 seconds.
test.describe.configure({ timeout: 60_000 })

test('a file changed on disk while I have unsaved edits: nothing is overwritten, I compare both and use mine', async ({ app }) => {
  const page = app.page
  await writeEntry(page, 'Synced', 'Shared note', 'We agreed on a pilot.')
  const { path, text } = await onlyEntryFile(app, 'synced')

  // I keep typing; meanwhile another laptop's edit arrives on disk, before my next save.
  await page.keyboard.type(' Mine, typed here.')
  const theirs = text.replace('We agreed on a pilot.', 'We agreed on a pilot. Written on another laptop.')
  await writeFile(path, theirs)

  const notice = page.getByRole('alert').filter({ hasText: 'changed by another program' })
  await expect(notice).toBeVisible({ timeout: 5000 })
  await expect(notice).toContainText('Nothing was overwritten')
  expect(await readFile(path, 'utf8')).toBe(theirs)
  // Both versions are kept: theirs in the entry, mine beside it; and no stream of copies while the conflict stands.
  await page.waitForTimeout(1500)
  const copies = (await journalFiles(app, 'synced')).filter((f) => f.includes('.rapport-conflict-'))
  expect(copies).toHaveLength(1)
  expect(await readFile(join(journalDir(app, 'synced'), copies[0] ?? ''), 'utf8')).toContain('Mine, typed here.')
  await expect(entryText(page)).toContainText('Mine, typed here.')
  await expect(entryText(page)).toHaveAttribute('contenteditable', 'false')
  await expect(page.getByRole('option', { name: /Shared note/ })).toContainText('Has a conflicting copy')

  await notice.getByRole('button', { name: 'Compare…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Compare versions' })
  await expect(dialog.getByRole('region', { name: /Differences/ })).toContainText('Written on another laptop.')
  await expect(dialog.getByRole('region', { name: /Differences/ })).toContainText('Mine, typed here.')
  await screenshot(app, 'conflict.png')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(app, 'conflict-dark.png')
  await page.emulateMedia({ colorScheme: 'light' })

  await dialog.getByRole('button', { name: 'Keep what you typed' }).click()
  await expect(dialog).toBeHidden()
  await expect(entryText(page)).toContainText('Mine, typed here.')
  await expect(entryText(page)).not.toContainText('Written on another laptop.')
  await expect(page.getByRole('alert').filter({ hasText: 'changed by another program' })).toBeHidden()
  await expect(entryText(page)).toHaveAttribute('contenteditable', 'true')
  expect(await readFile(path, 'utf8')).toContain('Mine, typed here.')
  expect((await journalFiles(app, 'synced')).filter((f) => f.includes('conflict'))).toEqual([])
  expect(app.vault.entries.conflicts()).toHaveLength(0)

  // Saving goes on as normal afterwards.
  await entryText(page).click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Then more.')
  await expectSaved(page)
  expect(await readFile(path, 'utf8')).toContain('Then more.')
})

test('after a conflict I keep the entry as it is; my copy goes to the trash, not away', async ({ app }) => {
  const page = app.page
  await writeEntry(page, 'Keeper', 'Plan', 'First line.')
  const { path, text } = await onlyEntryFile(app, 'keeper')
  await page.keyboard.type(' My addition.')
  const theirs = text.replace('First line.', 'First line. Their addition.')
  await writeFile(path, theirs)
  await expect(page.getByRole('alert').filter({ hasText: 'changed by another program' })).toBeVisible({ timeout: 5000 })

  // Leaving is safe (my text is in the kept copy), so Rapport does not ask; coming back, the entry still offers the choice.
  await page.keyboard.press('Control+n')
  await expect(page.getByLabel('Title')).toBeFocused()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('option', { name: /Plan/ }).click()
  const notice = page.getByRole('status').filter({ hasText: 'This entry has a conflicting copy of your text, kept by Rapport' })
  await expect(notice).toBeVisible()

  await notice.getByRole('button', { name: 'Compare…' }).click()
  await page.getByRole('dialog', { name: 'Compare versions' }).getByRole('button', { name: 'Keep what is on disk now' }).click()
  await expect(entryText(page)).toContainText('Their addition.')
  await expect(entryText(page)).not.toContainText('My addition.')
  // The notice goes once the choice is made; only then is the copy sure to have moved.
  await expect(notice).toBeHidden()
  expect(await readFile(path, 'utf8')).toBe(theirs)
  expect((await journalFiles(app, 'keeper')).filter((f) => f.includes('conflict'))).toEqual([])

  // The copy with my text is in the trash, where it can still be found.
  await page.getByRole('button', { name: 'Trash', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Trash' })).toContainText('Conflicting copy of Plan')
})

test('a Syncthing copy dropped into the journal folder is a conflict of its entry, never an entry of its own', async ({ app }) => {
  const page = app.page
  await writeEntry(page, 'Remote', 'Weekly sync', 'Agenda as I wrote it.')
  const { name, text } = await onlyEntryFile(app, 'remote')
  const copyName = name.replace(/\.md$/, '.sync-conflict-20261122-103000-ABCDEFG.md')
  await writeFile(join(journalDir(app, 'remote'), copyName), text.replace('Agenda as I wrote it.', 'Agenda from the other laptop.'))

  const notice = page.getByRole('status').filter({ hasText: 'This entry has a conflicting copy from Syncthing' })
  await expect(notice).toBeVisible({ timeout: 5000 })
  await expect(page.getByRole('listbox', { name: 'Entries' }).getByRole('option')).toHaveCount(1)
  await expect(page.getByRole('option', { name: /Weekly sync/ })).toContainText('Has a conflicting copy')

  await notice.getByRole('button', { name: 'Compare…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Compare versions' })
  await expect(dialog).toContainText('a conflicting copy made by Syncthing')
  await expect(dialog.getByRole('region', { name: /Differences/ })).toContainText('Agenda from the other laptop.')
  await dialog.getByRole('button', { name: 'Keep the copy from Syncthing' }).click()
  await expect(entryText(page)).toContainText('Agenda from the other laptop.')
  await expect(notice).toBeHidden()
  await expect(page.getByRole('option', { name: /Weekly sync/ })).not.toContainText('Has a conflicting copy')
  expect(await journalFiles(app, 'remote')).toEqual([name])
})
