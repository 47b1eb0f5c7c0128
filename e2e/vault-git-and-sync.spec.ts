import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitConflict } from '../src/core/testing/git-conflict'
import { expect, screenshot, test } from './fixtures'
import { entryText, journalDir, journalFiles, onlyEntryFile, writeEntry } from './harness/vault-helpers'

// Whole journeys through the real core (and real git) on a shared, busy machine.
test.describe.configure({ timeout: 60_000 })

test('git pulled two versions into my entry: I see both, nothing is written until I choose, and I keep both, the other as an entry of its own', async ({
  app
}) => {
  const page = app.page
  await writeEntry(page, 'Northwind', 'Weekly call', 'We agreed on a pilot.')
  const { path, text } = await onlyEntryFile(app, 'northwind')

  // The same entry edited on a laptop and on this desktop; `git pull` conflicts and is committed as it is.
  const work = await mkdtemp(join(tmpdir(), 'rapport-e2e-git-'))
  try {
    const repo = await gitConflict(
      work,
      text,
      (t) => t.replace('We agreed on a pilot.', 'We agreed on a pilot in March.'),
      (t) => t.replace('We agreed on a pilot.', 'We agreed on a pilot, budget pending.')
    )
    await writeFile(path, await readFile(join(repo, 'journal/2026-12-07-weekly-call.md'), 'utf8'))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  const committed = await readFile(path, 'utf8')
  expect(committed).toContain('<<<<<<< ')

  const notice = page.getByRole('status').filter({ hasText: 'two versions that git could not merge' })
  await expect(notice).toBeVisible({ timeout: 5000 })
  await expect(entryText(page)).toHaveAttribute('contenteditable', 'false')
  // It shows this computer's side, never git's markers as text.
  await expect(entryText(page)).toContainText('We agreed on a pilot, budget pending.')
  await expect(entryText(page)).not.toContainText('<<<<<<<')
  await expect(page.getByRole('option', { name: /Weekly call/ })).toContainText('Has a conflicting copy')

  await notice.getByRole('button', { name: 'Compare…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Compare versions' })
  const differences = dialog.getByRole('region', { name: /Differences/ })
  await expect(differences).toContainText('We agreed on a pilot, budget pending.')
  await expect(differences).toContainText('We agreed on a pilot in March.')
  await expect(differences).toContainText('Only in this computer’s version')
  await expect(differences).toContainText('Only in the version pulled in with git')
  await expect(differences).not.toContainText('<<<<<<<')
  await expect(entryText(page)).not.toContainText('<<<<<<<')
  await screenshot(app, 'git-conflict.png')
  // Looking and deciding later writes nothing.
  expect(await readFile(path, 'utf8')).toBe(committed)

  // Keep both: this computer's side stays in the entry, the side pulled in becomes an entry of its own.
  await dialog.getByRole('button', { name: 'Keep both' }).click()
  await expect(dialog).toBeHidden()
  await expect(notice).toBeHidden()
  await expect(entryText(page)).toContainText('We agreed on a pilot, budget pending.')
  await expect(entryText(page)).not.toContainText('We agreed on a pilot in March.')
  await expect(entryText(page)).toHaveAttribute('contenteditable', 'true')
  const resolved = await readFile(path, 'utf8')
  expect(resolved).not.toContain('<<<<<<<')
  expect(resolved).toContain('We agreed on a pilot, budget pending.')
  const other = (await journalFiles(app, 'northwind')).filter((f) => join(journalDir(app, 'northwind'), f) !== path)
  expect(other).toHaveLength(1)
  expect(await readFile(join(journalDir(app, 'northwind'), other[0] ?? ''), 'utf8')).toContain('We agreed on a pilot in March.')
  await expect(page.getByRole('option', { name: /Weekly call \(other version\)/ })).toBeVisible()
  expect(app.vault.entries.conflicts()).toHaveLength(0)
})

test('a Syncthing copy with its own id is another entry: it gets its own name and is listed beside mine', async ({ app }) => {
  const page = app.page
  await writeEntry(page, 'Remote', 'Weekly call', 'Agenda written here.')
  const { name, text } = await onlyEntryFile(app, 'remote')
  const id = /^id: (.+)$/m.exec(text)?.[1] ?? ''
  const copyName = name.replace(/\.md$/, '.sync-conflict-20261207-101500-ABCDEFG.md')
  await writeFile(
    join(journalDir(app, 'remote'), copyName),
    text.replace(id, 'e_01JEOTHERCOMPUTER000000000').replace('Agenda written here.', 'Notes from the other computer.')
  )

  const entries = page.getByRole('listbox', { name: 'Entries' }).getByRole('option')
  await expect(entries).toHaveCount(2, { timeout: 5000 })
  await expect(entries.filter({ hasText: 'Has a conflicting copy' })).toHaveCount(0)
  await expect.poll(() => journalFiles(app, 'remote')).toEqual([name, name.replace(/\.md$/, '-2.md')].sort())
  await entries.filter({ hasText: 'Notes from the other computer.' }).click()
  await expect(entryText(page)).toContainText('Notes from the other computer.')
  await screenshot(app, 'sync-copy-adopted.png')
})
