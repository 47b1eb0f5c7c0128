import { access, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'
import { addClient } from './harness/reflection-helpers'

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false
  )

async function openTemplates(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Templates' }).click()
  await expect(page.getByRole('listbox', { name: 'Templates' })).toBeVisible()
}

test('editing a built-in keeps an edited copy in the vault; reverting removes it', async ({ app }) => {
  const page = app.page
  await addClient(page, 'Dana Whitfield')
  await openTemplates(page)
  await page.getByRole('option', { name: 'After a difficult meeting' }).click()
  const description = page.getByLabel('When to use it')
  await expect(description).toHaveValue(/When a conversation went badly/)
  await description.fill('When a meeting went badly and I want to put it right.')
  await page.getByRole('button', { name: 'Save my copy' }).click()

  const copy = join(app.vaultDir, 'templates', 'after-difficult-meeting.md')
  await expect.poll(() => exists(copy)).toBe(true)
  expect(await readFile(copy, 'utf8')).toContain('When a meeting went badly and I want to put it right.')
  await expect(page.getByText('Edited — your copy is in the vault’s templates folder.')).toBeVisible()
  await expect(page.getByRole('option', { name: 'After a difficult meeting' })).toContainText('Edited')
  await screenshot(app, 'templates.png')

  await page.getByRole('button', { name: 'Revert to original' }).click()
  await expect.poll(() => exists(copy)).toBe(false)
  await expect(description).toHaveValue(/When a conversation went badly/)
  await expect(page.getByText(/^Edited —/)).toBeHidden()
})

test('a template of my own can be created, used, and deleted after asking', async ({ app }) => {
  const page = app.page
  await addClient(page, 'Dana Whitfield')
  await openTemplates(page)
  await page.getByRole('button', { name: 'New template' }).click()
  await page.getByLabel('Name').fill('Weekly check-in')
  await page.getByLabel('When to use it').fill('Every Friday, five minutes per client.')
  await page.getByLabel('Prompts').fill('## What moved this week\n\n## What I owe them\n')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('option', { name: 'Weekly check-in' })).toBeVisible()

  const dir = join(app.vaultDir, 'templates')
  const own = async () => (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.md'))
  await expect.poll(own).toHaveLength(1)
  const [file] = await own()
  expect(await readFile(join(dir, file ?? ''), 'utf8')).toContain('## What moved this week')

  await page.getByRole('button', { name: 'Delete template…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete template' })
  await expect(confirm).toContainText('Weekly check-in')
  await confirm.getByRole('button', { name: 'Delete template' }).click()
  await expect(page.getByRole('option', { name: 'Weekly check-in' })).toBeHidden()
  await expect.poll(own).toHaveLength(0)
})
