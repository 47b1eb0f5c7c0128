import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { addClient, clientId, journalText, waitSaved, writeUnder } from './harness/reflection-helpers'

test('Ctrl+Shift+N opens the picker: typing filters, the suggested template is first, Enter starts the entry', async ({ app }) => {
  const page = app.page
  await addClient(page, 'Dana Whitfield')
  const id = await clientId(page, 'Dana Whitfield')
  // A meeting logged just now makes "After a difficult meeting" the likely next reflection.
  await page.evaluate(async (clientId) => {
    const result = await window.rapport.invoke('interactions:add', { clientId, channel: 'video', direction: 'out', outcome: 'meeting' })
    if (!result.ok) throw new Error(result.error.message)
  }, id)
  // A template someone broke by hand is listed with its problem, and cannot be chosen.
  await mkdir(join(app.vaultDir, 'templates'), { recursive: true })
  await writeFile(join(app.vaultDir, 'templates', 'half-written.md'), '---\nname: [Half written\n---\n\n## Oops\n')

  await page.keyboard.press('Control+Shift+N')
  const dialog = page.getByRole('dialog', { name: 'New reflection for Dana Whitfield' })
  await expect(dialog).toBeVisible()
  const find = dialog.getByRole('combobox', { name: 'Find a template' })
  await expect(find).toBeFocused()
  const options = dialog.getByRole('option')
  await expect(options.first()).toContainText('After a difficult meeting')
  await expect(options.first()).toContainText('You logged a meeting in the last day')
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await expect(dialog.getByRole('option', { name: /Cannot be used/ })).toHaveAttribute('aria-disabled', 'true')
  await screenshot(app, 'template-picker.png')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(app, 'template-picker-dark.png')
  await page.emulateMedia({ colorScheme: 'light' })

  await find.fill('first')
  await expect(options).toHaveCount(1)
  await expect(options.first()).toContainText('First meeting')
  await find.fill('')
  await expect(options.first()).toContainText('After a difficult meeting')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()

  // The cursor waits in the first prompt's answer: typing goes straight there.
  const editor = page.getByRole('textbox', { name: 'Entry text' })
  await expect(editor).toBeFocused()
  await page.keyboard.type('She said the timeline was not what we agreed.')
  await expect(editor.locator('h2', { hasText: 'What happened, in facts' }).locator('xpath=following-sibling::p[1]')).toHaveText(
    'She said the timeline was not what we agreed.'
  )
  await waitSaved(page)
  const text = await journalText(app.vaultDir, 'dana-whitfield')
  expect(text).toContain('template: after-difficult-meeting')
  expect(text).toContain('with Dana Whitfield')
  // The prompts were placeholders, never text; the sections left empty are left out (issue #22).
  expect(text).not.toContain('“Call Dana Whitfield by Friday” is enough.')
  expect(text).not.toContain('## What I felt')
  expect(text).toContain('She said the timeline was not what we agreed.')
})

test('the mood question saves its answer in the front matter; a filled-in reflection offers what to add to the record', async ({ app }) => {
  const page = app.page
  await addClient(page, 'Dana Whitfield')
  await page.keyboard.press('Control+Shift+N')
  await page.getByRole('combobox', { name: 'Find a template' }).fill('difficult')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Entry text' })).toBeFocused()
  await page.keyboard.type('We went through the plan. She stopped me at the timeline and said it was not what we agreed.')
  await page.getByLabel('Title').fill('Scope call went sideways')

  const mood = page.getByRole('group', { name: /How did it feel/ })
  await expect(mood).toBeVisible()
  await mood.getByRole('radio', { name: '2' }).check()
  await expect.poll(() => journalText(app.vaultDir, 'dana-whitfield'), { timeout: 5000 }).toMatch(/\nmood: 2\n/)
  await mood.getByRole('radio', { name: '2' }).press('ArrowRight')
  await expect.poll(() => journalText(app.vaultDir, 'dana-whitfield'), { timeout: 5000 }).toMatch(/\nmood: 3\n/)
  await mood.getByRole('radio', { name: '3' }).press('ArrowLeft')
  await expect.poll(() => journalText(app.vaultDir, 'dana-whitfield'), { timeout: 5000 }).toMatch(/\nmood: 2\n/)

  await writeUnder(page, 'How I will repair it', 'Call Dana by Friday with a revised plan')
  await writeUnder(page, 'What I learned about how they like to work', 'Wants the numbers before the story')
  await waitSaved(page)
  await expect(page.getByText('2 things to add to Dana’s record')).toBeVisible({ timeout: 5000 })
  const text = await journalText(app.vaultDir, 'dana-whitfield')
  expect(text).toMatch(/\nmood: 2\n/)
  expect(text).toContain('Scope call went sideways')
  await page.locator('.editor-scroll').evaluate((element) => element.scrollTo(0, 0))
  await screenshot(app, 'reflection.png')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(app, 'reflection-dark.png')
})
