import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { entryText, journalDir, onlyEntryFile, writeEntry } from './harness/vault-helpers'

// Whole journeys through the real core on a shared, busy machine: give each more than the default 30 seconds.
test.describe.configure({ timeout: 60_000 })

test('the open entry, changed on disk while nothing here is unsaved, shows the new text within a second', async ({ app }) => {
  const page = app.page
  await writeEntry(page, 'Outside', 'Call notes', 'Typed in Rapport.')
  const { path, text } = await onlyEntryFile(app, 'outside')

  await writeFile(path, text.replace('Typed in Rapport.', 'Typed in Rapport. Added in another editor.'))
  await expect(entryText(page)).toContainText('Added in another editor.', { timeout: 1000 })
  // A reload is not an edit: nothing is written back, and no conflict is reported.
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await expect(page.getByText('changed this entry')).toBeHidden()
})

test('a file added on disk appears in the list, and one deleted on disk disappears', async ({ app }) => {
  const page = app.page
  await writeEntry(page, 'Folder Watcher', 'Written here', 'In Rapport.')
  const added = join(journalDir(app, 'folder-watcher'), '2026-11-20-from-my-phone.md')
  await writeFile(added, '---\ntitle: From my phone\ncreated: 2026-11-20T10:00:00.000Z\n---\n\nWritten in another app.\n')
  // Seconds, not a frame: the folder is new, and on a loaded two-core run its watch and the batch took over 3 s once.
  await expect(page.getByRole('option', { name: /From my phone/ })).toBeVisible({ timeout: 10_000 })

  await rm(added)
  await expect(page.getByRole('option', { name: /From my phone/ })).toBeHidden({ timeout: 10_000 })
  await expect(page.getByRole('option', { name: /Written here/ })).toBeVisible()
})
