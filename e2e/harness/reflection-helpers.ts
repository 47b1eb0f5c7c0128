import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect } from '../fixtures'

/** Shared steps of the reflection specs (issue #6). */

// Adding a client is every spec's first step; it is written once, in vault-helpers.
export { addClient } from './vault-helpers'

/** The id of the client with this name, asked of the core the way the renderer does. */
export async function clientId(page: Page, name: string): Promise<string> {
  return page.evaluate(async (wanted) => {
    const result = await window.rapport.invoke('clients:list', undefined)
    if (!result.ok) throw new Error(result.error.message)
    const found = result.value.find((c) => c.name === wanted)
    if (!found) throw new Error(`No client ${wanted}`)
    return found.id
  }, name)
}

export async function journalText(vaultDir: string, slug: string): Promise<string> {
  const dir = join(vaultDir, 'clients', slug, 'journal')
  const [file] = (await readdir(dir)).filter((f) => f.endsWith('.md'))
  return readFile(join(dir, file ?? ''), 'utf8')
}

export async function clientJson(vaultDir: string, slug: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(vaultDir, 'clients', slug, 'client.json'), 'utf8')) as Record<string, unknown>
}

/** Opens the picker with the keyboard and starts the template whose name is typed. */
export async function startReflection(page: Page, filter: string): Promise<void> {
  await page.keyboard.press('Control+Shift+N')
  const find = page.getByRole('combobox', { name: 'Find a template' })
  await expect(find).toBeFocused()
  await find.fill(filter)
  // Enter chooses the active template: wait until the list has read and narrowed to one (Enter before that does nothing).
  await expect(page.getByRole('listbox', { name: 'Templates' }).getByRole('option', { selected: true })).toBeVisible()
  await page.keyboard.press('Enter')
  // Choosing writes the new entry before the picker closes: on a busy machine that can take a few seconds.
  await expect(page.getByRole('dialog')).toBeHidden({ timeout: 15_000 })
}

/** Types a list item under one of the entry's headings (whose answer is an empty "-" line). */
export async function writeUnder(page: Page, heading: string, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Entry text' })
  await editor.locator('h2', { hasText: heading }).locator('xpath=following-sibling::ul[1]/li[1]').click()
  await page.keyboard.press('End')
  await page.keyboard.type(text)
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 })
}
