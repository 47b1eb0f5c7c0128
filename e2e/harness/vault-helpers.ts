import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { RapportHarness } from './harness'
import { expect } from '../fixtures'

export async function addClient(page: Page, name: string): Promise<void> {
  await page
    .getByRole('button', { name: /^(New client|Add your first client)$/ })
    .first()
    .click()
  await page.getByLabel('Client name').fill(name)
  await page.getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('option', { name: new RegExp(name) })).toBeVisible()
}

/** Adds a client, writes one entry with a title and a line of text, and waits until it is saved. */
export async function writeEntry(page: Page, client: string, title: string, text: string): Promise<void> {
  await addClient(page, client)
  await page.keyboard.press('Control+n')
  await page.getByLabel('Title').fill(title)
  await page.getByRole('textbox', { name: 'Entry text' }).click()
  await page.keyboard.type(text)
  await expectSaved(page)
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 })
}

export const journalDir = (app: RapportHarness, slug: string) => join(app.vaultDir, 'clients', slug, 'journal')

/** The journal's Markdown files: entries and any conflicting copies beside them. */
export async function journalFiles(app: RapportHarness, slug: string): Promise<string[]> {
  return (await readdir(journalDir(app, slug))).filter((f) => f.endsWith('.md')).sort()
}

/** The one entry file of a client's journal (not a conflicting copy), its path and its text. */
export async function onlyEntryFile(app: RapportHarness, slug: string): Promise<{ name: string; path: string; text: string }> {
  const entries = (await journalFiles(app, slug)).filter((f) => !/conflict/.test(f))
  expect(entries).toHaveLength(1)
  const name = entries[0] ?? ''
  const path = join(journalDir(app, slug), name)
  return { name, path, text: await readFile(path, 'utf8') }
}

export const entryText = (page: Page) => page.getByRole('textbox', { name: 'Entry text' })

/** Pastes (or drops, at the editor's end) a file as the system would hand it to the page. */
export async function giveFile(page: Page, how: 'paste' | 'drop', name: string, type: string, bytes: Buffer): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Entry text' })
  const box = await editor.boundingBox()
  await editor.evaluate(
    (element, { how, name, type, data, x, y }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type }))
      const event =
        how === 'paste'
          ? new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true })
          : new DragEvent('drop', { dataTransfer: transfer, clientX: x, clientY: y, bubbles: true, cancelable: true })
      element.dispatchEvent(event)
    },
    { how, name, type, data: bytes.toString('base64'), x: (box?.x ?? 0) + 20, y: (box?.y ?? 0) + (box?.height ?? 40) - 10 }
  )
}
