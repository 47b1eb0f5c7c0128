import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'

/**
 * Entries are private text that may come from anywhere (pasted from email,
 * imported from another app, edited by hand). None of it may run, load, or
 * be lost. Each case is opened in the editor; the page must stay inert and
 * the file must stay byte for byte as it was.
 */
const hostile = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'onerror\'">',
  '[click me](javascript:window.__pwned="javascript-link")',
  '[data link](data:text/html,<script>window.__pwned=1</script>)',
  '<iframe src="https://evil.example/"></iframe>',
  '<svg><script>window.__pwned = "svg"</script><circle onload="window.__pwned=\'svg-onload\'"/></svg>',
  '[passwords](file:///etc/passwd)',
  '![tracker](https://tracker.example/pixel.png)',
  `${'> '.repeat(200)}deep quote`,
  `${'- '.repeat(100)}deep list`,
  '<a href="https://evil.example" target="_blank">new window</a>',
  '<style>body { display: none }</style>',
  '<meta http-equiv="refresh" content="0; url=https://evil.example/">'
]

test('hostile Markdown and HTML in an entry execute nothing, load nothing, and lose no text', async ({ app }) => {
  const page = app.page
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const client = await app.vault.clients.create('Hostile Inc')
  const body = `${hostile.join('\n\n')}\n`
  const entry = await app.vault.entries.create({ clientId: client.id, folder: 'clients/hostile-inc/journal', title: 'Pasted from an email', body })
  const path = join(app.vaultDir, entry.path)
  const before = await readFile(path, 'utf8')

  await page.reload()
  await page.getByRole('option', { name: /Hostile Inc/ }).click()
  await page.getByRole('option', { name: /Pasted from an email/ }).click()
  const editor = page.getByRole('textbox', { name: 'Entry text' })
  await expect(editor).toContainText('deep quote')
  // Clicking the links inside the editor opens nothing.
  for (const name of ['click me', 'data link', 'passwords']) {
    const link = editor.getByText(name).first()
    if (await link.count()) await link.click({ modifiers: ['Control'] })
  }
  await page.waitForTimeout(1000)

  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
  expect(app.blockedRequests).toEqual([])
  expect(app.openedExternally).toEqual([])
  expect(await page.evaluate(() => document.querySelectorAll('iframe, script:not([src]), object, embed').length)).toBe(0)
  // Opening and leaving the entry keeps every byte.
  await app.flushLikeWindowClose()
  expect(await readFile(path, 'utf8')).toBe(before)

  // And an edit elsewhere in the entry keeps every hostile line exactly as written.
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Edited.')
  await app.flushLikeWindowClose()
  const after = await readFile(path, 'utf8')
  for (const line of hostile.slice(0, 8)) expect(after).toContain(line)
})
