import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'

test('export the open entry to a Markdown file chosen in the save dialog', async ({ app }) => {
  const page = app.page
  await page
    .getByRole('button', { name: /^(New client|Add your first client)$/ })
    .first()
    .click()
  await page.getByLabel('Client name').fill('Exporter')
  await page.getByRole('button', { name: 'Add client' }).click()
  await page.keyboard.press('Control+n')
  await page.getByLabel('Title').fill('Notes to take out')
  await page.getByRole('textbox', { name: 'Entry text' }).click()
  await page.keyboard.type('**Bold** claim and a plain line.')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 })

  const out = await mkdtemp(join(tmpdir(), 'rapport-export-'))
  app.nextSavePath = join(out, 'notes.md')
  await page.getByRole('button', { name: 'Export to Markdown' }).click()
  await expect(page.getByText(/Exported to/)).toBeVisible()
  expect(app.savePrompts.at(-1)?.defaultName).toMatch(/notes-to-take-out\.md$/)
  const [source] = (await readdir(join(app.vaultDir, 'clients/exporter/journal'))).filter((f) => f.endsWith('.md'))
  const exported = await readFile(join(out, 'notes.md'), 'utf8')
  expect(exported).toBe(await readFile(join(app.vaultDir, 'clients/exporter/journal', source ?? ''), 'utf8'))
  expect(exported).toContain('**Bold** claim and a plain line.')

  // Cancelling the dialog writes nothing and says nothing alarming.
  app.nextSavePath = null
  await page.getByRole('button', { name: 'Export to Markdown' }).click()
  expect(await readdir(out)).toEqual(['notes.md'])
})
