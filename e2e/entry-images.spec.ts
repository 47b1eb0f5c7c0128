import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'
import { giveFile } from './harness/vault-helpers'

const IMAGES = join(import.meta.dirname, '../src/core/attachments/fixtures')

async function newEntry(page: Page, client: string, title: string): Promise<void> {
  await page
    .getByRole('button', { name: /^(New client|Add your first client)$/ })
    .first()
    .click()
  await page.getByLabel('Client name').fill(client)
  await page.getByRole('button', { name: 'Add client' }).click()
  await page.keyboard.press('Control+n')
  await page.getByLabel('Title').fill(title)
  await page.getByRole('textbox', { name: 'Entry text' }).click()
}

test('paste and drop images into an entry: kept in the client’s attachments/, shown, and the Markdown a plain image link', async ({ app }) => {
  const page = app.page
  await newEntry(page, 'Northwind', 'Workshop')
  await page.keyboard.type('The whiteboard after the workshop: ')
  await giveFile(page, 'paste', 'image.png', 'image/png', await readFile(join(IMAGES, 'whiteboard.png')))
  const images = page.getByRole('textbox', { name: 'Entry text' }).locator('.entry-image img')
  await expect(images).toHaveCount(1)
  await expect.poll(() => images.first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64)

  await giveFile(page, 'drop', 'Business Card.JPG', 'image/jpeg', await readFile(join(IMAGES, 'business-card.jpg')))
  await expect(images).toHaveCount(2)
  await expect.poll(() => images.nth(1).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64)
  await giveFile(page, 'drop', 'Proposal.pdf', 'application/pdf', await readFile(join(IMAGES, 'proposal.pdf')))
  await expect(page.getByRole('region', { name: 'Attachments' }).getByRole('button', { name: 'proposal.pdf' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 })

  const folder = join(app.vaultDir, 'clients/northwind')
  expect((await readdir(join(folder, 'attachments'))).sort()).toEqual(['business-card.jpg', 'image.png', 'proposal.pdf'])
  const [file] = await readdir(join(folder, 'journal'))
  const markdown = await readFile(join(folder, 'journal', file ?? ''), 'utf8')
  expect(markdown).toContain('The whiteboard after the workshop: ![image](../attachments/image.png)')
  expect(markdown).toContain('![business-card](../attachments/business-card.jpg)')
  expect(markdown).toContain('[proposal.pdf](../attachments/proposal.pdf)')
  await screenshot(app, 'entry-images.png')

  // Exported, the entry takes its pictures along: beside the Markdown, in attachments/.
  const out = await mkdtemp(join(tmpdir(), 'rapport-export-'))
  app.nextSavePath = join(out, 'workshop.md')
  await page.getByRole('button', { name: 'Export to Markdown' }).click()
  await expect(page.getByText(/Exported to/)).toBeVisible()
  expect((await readdir(join(out, 'attachments'))).sort()).toEqual(['business-card.jpg', 'image.png', 'proposal.pdf'])
  expect(await readFile(join(out, 'workshop.md'), 'utf8')).toContain('![image](attachments/image.png)')

  // A file opens with the system's app only on the person's click.
  expect(app.openedFiles).toEqual([])
  await page.getByRole('region', { name: 'Attachments' }).getByRole('button', { name: 'proposal.pdf' }).click()
  await expect.poll(() => app.openedFiles).toEqual([join(folder, 'attachments/proposal.pdf')])

  // What is not what it says, and what is too big, is refused in words; nothing is written.
  await giveFile(page, 'paste', 'photo.png', 'image/png', await readFile(join(IMAGES, 'not-an-image.png')))
  await expect(page.getByRole('alert').filter({ hasText: 'its name says it is a PNG image, but its contents are not an image' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Entry text' }).evaluate((element) => {
    const transfer = new DataTransfer()
    const huge = new File([new Uint8Array(1)], 'video.mov')
    Object.defineProperty(huge, 'size', { value: 200 * 1024 * 1024 })
    transfer.items.add(huge)
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  })
  await expect(
    page.getByRole('alert').filter({ hasText: '"video.mov" was not attached: it is 200.0 MB; Rapport keeps attachments up to 50.0 MB.' })
  ).toBeVisible()
  expect((await readdir(join(folder, 'attachments'))).sort()).toEqual(['business-card.jpg', 'image.png', 'proposal.pdf'])
})

test('an entry with images opened and left without an edit stays byte-identical; an SVG with script shows inertly', async ({ app }) => {
  const page = app.page
  await newEntry(page, 'Acme', 'Sketches')
  await giveFile(page, 'paste', 'drawing.svg', 'image/svg+xml', await readFile(join(IMAGES, 'with-script.svg')))
  await expect(page.getByRole('textbox', { name: 'Entry text' }).locator('.entry-image img')).toHaveCount(1)
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 })
  const journal = join(app.vaultDir, 'clients/acme/journal')
  const [file] = await readdir(journal)
  const path = join(journal, file ?? '')
  // Written by hand around the image, as another tool would: odd spacing, a title, a reference-style link.
  const text = (await readFile(path, 'utf8')).replace(
    /\n*$/,
    '\n\nSee  ![drawing](../attachments/drawing.svg "the first sketch")  and ![gone](../attachments/gone.png)\n\n[ref]: ../attachments/drawing.svg\n'
  )
  const { writeFile } = await import('node:fs/promises')
  await writeFile(path, text)
  await page.reload()
  await page.getByRole('option', { name: /Acme/ }).click()
  await page.getByRole('option', { name: /Sketches/ }).click()
  const shown = page.getByRole('textbox', { name: 'Entry text' })
  await expect(shown.locator('.entry-image img')).toHaveCount(2)
  await expect(shown.locator('.entry-image-missing')).toHaveText('![gone](../attachments/gone.png)')
  await page.getByRole('textbox', { name: 'Entry text' }).click()
  await page.waitForTimeout(1500)
  expect(await readFile(path, 'utf8')).toBe(text)
  // The SVG's script never ran and it fetched nothing: no request left the app's own origin.
  expect(app.blockedRequests).toEqual([])
})
