import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { addClient } from './harness/vault-helpers'

async function journalFiles(vaultDir: string, slug: string): Promise<string[]> {
  return (await readdir(join(vaultDir, 'clients', slug, 'journal'))).filter((f) => f.endsWith('.md'))
}

test('write an entry with a heading, a list and a link; it is saved as Markdown and comes back after a restart', async ({ app, browser }) => {
  const page = app.page
  await addClient(page, 'Dana Whitfield')

  await page.keyboard.press('Control+n')
  const title = page.getByLabel('Title')
  await expect(title).toBeFocused()
  await title.fill('Scope call went sideways')

  const editor = page.getByRole('textbox', { name: 'Entry text' })
  await editor.click()
  await page.keyboard.type('## What happened\n')
  await page.keyboard.type('She pushed back on the timeline.\n')
  await page.keyboard.type('- Send the revised scope\n')
  await page.keyboard.type('Call Priya on Thursday\n\n')
  await page.keyboard.type('Notes are in https://example.com/notes and that is all. ')
  await expect(editor.locator('h2', { hasText: 'What happened' })).toBeVisible()
  await expect(editor.locator('ul li')).toHaveCount(2)
  await expect(editor.locator('a[href="https://example.com/notes"]')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 })

  const [file] = await journalFiles(app.vaultDir, 'dana-whitfield')
  expect(file).toMatch(/^\d{4}-\d{2}-\d{2}-scope-call-went-sideways\.md$/)
  const text = await readFile(join(app.vaultDir, 'clients/dana-whitfield/journal', file ?? ''), 'utf8')
  expect(text).toMatch(/^---\nid: e_/)
  expect(text).toContain('title: Scope call went sideways')
  expect(text).toContain('## What happened\n\nShe pushed back on the timeline.\n\n- Send the revised scope\n- Call Priya on Thursday\n')
  expect(text).toContain('https://example.com/notes')
  await screenshot(app, 'entry.png')

  // Quit and start again on the same vault: the entry is listed and opens with its content.
  const next = await app.restart(browser)
  try {
    await next.open()
    await next.page.getByRole('option', { name: /Dana Whitfield/ }).click()
    await next.page.getByRole('option', { name: /Scope call went sideways/ }).click()
    await expect(next.page.getByLabel('Title')).toHaveValue('Scope call went sideways')
    const reopened = next.page.getByRole('textbox', { name: 'Entry text' })
    await expect(reopened.locator('h2')).toHaveText('What happened')
    await expect(reopened.locator('a[href="https://example.com/notes"]')).toBeVisible()
    // Opening an entry and leaving it writes nothing.
    const before = await readFile(join(app.vaultDir, 'clients/dana-whitfield/journal', file ?? ''), 'utf8')
    await next.flushLikeWindowClose()
    expect(await readFile(join(app.vaultDir, 'clients/dana-whitfield/journal', file ?? ''), 'utf8')).toBe(before)
  } finally {
    await next.close()
  }
})

test('typed words undo and redo in steps, bold typed after Ctrl+B is saved bold, and typing over selected words replaces them', async ({ app }) => {
  const page = app.page
  await addClient(page, 'Dana Whitfield')
  await page.keyboard.press('Control+n')
  await page.getByLabel('Title').fill('Numbers first')
  const editor = page.getByRole('textbox', { name: 'Entry text' })
  await editor.click()
  await page.keyboard.type('She wants the numbers first.')
  // Past the editor history's grouping of quick edits (500 ms), so the next words are a step of their own.
  await page.waitForTimeout(700)
  await page.keyboard.type(' Then the story.')
  await expect(editor).toHaveText('She wants the numbers first. Then the story.')
  await page.keyboard.press('Control+z')
  await expect(editor).toHaveText('She wants the numbers first.')
  await page.keyboard.press('Control+Shift+z')
  await expect(editor).toHaveText('She wants the numbers first. Then the story.')

  await page.keyboard.type(' ')
  await page.keyboard.press('Control+b')
  await page.keyboard.type('Budget')
  await page.keyboard.press('Control+b')
  await page.keyboard.type(' too.')
  await expect(editor.locator('strong')).toHaveText('Budget')

  // "the story" selected from the keyboard, then typed over.
  for (let i = 0; i < ' Budget too.'.length + 1; i++) await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Control+Shift+ArrowLeft')
  await page.keyboard.press('Control+Shift+ArrowLeft')
  await page.keyboard.type('a short story')
  await expect(editor).toHaveText('She wants the numbers first. Then a short story. Budget too.')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 })
  const [file] = await journalFiles(app.vaultDir, 'dana-whitfield')
  const text = await readFile(join(app.vaultDir, 'clients/dana-whitfield/journal', file ?? ''), 'utf8')
  expect(text).toContain('\nShe wants the numbers first. Then a short story. **Budget** too.\n')
})

test('an edit made just before the window closes is on disk', async ({ app }) => {
  const page = app.page
  await addClient(page, 'Quick Quitter')
  await page.keyboard.press('Control+n')
  await page.getByLabel('Title').fill('Last words')
  await page.getByRole('textbox', { name: 'Entry text' }).click()
  await page.keyboard.type('Typed a moment before quitting')
  await app.flushLikeWindowClose()
  const [file] = await journalFiles(app.vaultDir, 'quick-quitter')
  const text = await readFile(join(app.vaultDir, 'clients/quick-quitter/journal', file ?? ''), 'utf8')
  expect(text).toContain('Typed a moment before quitting')
})

test('a file changed by another program while editing is never overwritten: theirs stays, mine is kept beside it', async ({ app }) => {
  const page = app.page
  await addClient(page, 'Synced')
  await page.keyboard.press('Control+n')
  await page.getByLabel('Title').fill('Shared note')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 })
  const [file] = await journalFiles(app.vaultDir, 'synced')
  const path = join(app.vaultDir, 'clients/synced/journal', file ?? '')
  // Typing first, so there are unsaved edits when the other program's change lands (a clean editor would simply reload).
  await page.getByRole('textbox', { name: 'Entry text' }).click()
  await page.keyboard.type('Mine, typed here')
  const theirs = `${await readFile(path, 'utf8')}Written on another laptop.\n`
  const { writeFile } = await import('node:fs/promises')
  await writeFile(path, theirs)
  await expect(page.getByRole('alert').filter({ hasText: /changed this entry while you were writing/ })).toBeVisible({ timeout: 5000 })
  expect(await readFile(path, 'utf8')).toBe(theirs)
  await expect(page.getByRole('textbox', { name: 'Entry text' })).toContainText('Mine, typed here')
  const copies = (await journalFiles(app.vaultDir, 'synced')).filter((f) => f.includes('.rapport-conflict-'))
  expect(copies).toHaveLength(1)
  expect(await readFile(join(app.vaultDir, 'clients/synced/journal', copies[0] ?? ''), 'utf8')).toContain('Mine, typed here')
  await expect(page.getByRole('button', { name: 'Compare…' })).toBeVisible()
})

test('when the last edit cannot be saved, closing says so instead of pretending', async ({ app }) => {
  const page = app.page
  await addClient(page, 'Full Disk')
  await page.keyboard.press('Control+n')
  await page.getByLabel('Title').fill('Will not fit')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 })
  // The vault becomes read-only for this entry: the core refuses the save (a broken-file guard), as a full disk would.
  const [file] = await journalFiles(app.vaultDir, 'full-disk')
  const { writeFile, readFile: read } = await import('node:fs/promises')
  const path = join(app.vaultDir, 'clients/full-disk/journal', file ?? '')
  await writeFile(path, (await read(path, 'utf8')).replace(/^---\n/, '---\ntitle: [broken\n'))
  await app.vault.applyChanges([`clients/full-disk/journal/${file}`])
  await page.getByRole('textbox', { name: 'Entry text' }).click()
  await page.keyboard.type('These words cannot be saved')
  await app.flushLikeWindowClose()
  expect(app.lastFlush).toMatchObject({ saved: false, problem: expect.stringMatching(/.+/) })
  await expect(page.getByRole('textbox', { name: 'Entry text' })).toContainText('These words cannot be saved')
})
