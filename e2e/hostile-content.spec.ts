import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'
import type { RapportHarness } from './harness/harness'
import { invoke, updateClient } from './harness/relationship-seed'

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

/** Every alert, confirm or prompt the page tries (each dismissed): hostile content must raise none. */
function recordDialogs(page: Page): string[] {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return dialogs
}

/** Nothing ran, asked, loaded, opened or was inserted into the page. */
async function expectInert(app: RapportHarness, dialogs: string[]): Promise<void> {
  const page = app.page
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
  expect(app.blockedRequests).toEqual([])
  expect(app.openedExternally).toEqual([])
  expect(await page.evaluate(() => document.querySelectorAll('iframe, script:not([src]), object, embed, img[src^="http"]').length)).toBe(0)
}

test('hostile Markdown and HTML in an entry execute nothing, load nothing, and lose no text', async ({ app }) => {
  const page = app.page
  const dialogs = recordDialogs(page)
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

  await expectInert(app, dialogs)
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

test('the same hostile text in a profile and a conversation shows inert in the brief, and comes back whole through export and import', async ({ app }) => {
  const page = app.page
  const dialogs = recordDialogs(page)
  const client = await app.vault.clients.create('Hostile Inc')
  const body = `${hostile.join('\n\n')}\n`
  const entry = await app.vault.entries.create({ clientId: client.id, folder: `clients/${client.slug}/journal`, title: 'Pasted from an email', body })
  // The brief shows a conversation's entry and the profile's own words: both are hostile here.
  await updateClient(app, client.id, (data) => {
    data.business = { ...data.business, goals: hostile[0], pressures: hostile[2] }
    data.person = { ...data.person, likes: [hostile[1] ?? ''], dislikes: [hostile[5] ?? ''] }
    data.interactions = [
      {
        id: 'i_hostile',
        at: new Date(Date.now() - 86_400_000).toISOString(),
        channel: 'email',
        direction: 'in',
        outcome: 'conversation',
        note: hostile[3],
        entry: entry.id
      }
    ]
  })

  await page.reload()
  await page.getByRole('option', { name: /Hostile Inc/ }).click()
  await page.getByRole('tab', { name: 'Brief' }).click()
  const brief = page.getByRole('article').filter({ has: page.locator('.brief-header') })
  // Shown as the words they are, not as markup.
  await expect(brief).toContainText('<script>window.__pwned = "script"</script>')
  await expect(brief).toContainText('Pasted from an email')
  for (const link of await brief.getByRole('link').all()) {
    const href = (await link.getAttribute('href')) ?? ''
    expect(href, await link.innerText()).not.toMatch(/^(javascript|data|file):/i)
  }
  await page.waitForTimeout(500)
  await expectInert(app, dialogs)
  await screenshot(app, 'hostile-brief.png')

  // Exported as Markdown, every hostile line is there exactly as written.
  const out = await mkdtemp(join(tmpdir(), 'rapport-hostile-export-'))
  try {
    const report = await invoke(page, 'export:run', { scope: { client: client.id }, target: out })
    expect(report).toMatchObject({ status: 'done', entries: 1 })
    const exported = await readFile(join(out, (await exportedEntryPath(out)) ?? 'no entry file'), 'utf8')
    for (const line of hostile) expect(exported).toContain(line)

    // Imported into another client, the entry's text is the original, byte for byte.
    const other = await invoke(page, 'clients:create', { name: 'Imported Hostile' })
    const imported = await invoke(page, 'import:run', { paths: [out], clientId: other.id, duplicates: 'keep' })
    expect(imported).toMatchObject({ status: 'done', imported: 1, problems: [] })
    const [copy] = await invoke(page, 'entries:list', { clientId: other.id })
    expect((await invoke(page, 'entries:read', { id: copy?.id ?? '' })).body).toBe(body)
  } finally {
    await rm(out, { recursive: true, force: true })
  }
  await expectInert(app, dialogs)
})

/** The one entry file of a client exported as a folder (beside its profile.md). */
async function exportedEntryPath(folder: string): Promise<string | undefined> {
  const files = (await readdir(folder, { recursive: true })).map(String)
  return files.find((f) => f.endsWith('.md') && !f.endsWith('profile.md'))
}
