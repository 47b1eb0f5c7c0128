import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { RapportHarness } from './harness/harness'
import { SCREENSHOTS, expect, screenshot, test } from './fixtures'

test('add a person, mention them with @ in an entry, and see the entry among their mentions', async ({ app }) => {
  const page = app.page
  await page
    .getByRole('button', { name: /^(New client|Add your first client)$/ })
    .first()
    .click()
  await page.getByLabel('Client name').fill('Northwind')
  await page.getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('option', { name: /Northwind/ })).toBeVisible()

  // People: added by keyboard, saved as you go.
  await page.getByRole('tab', { name: 'People' }).click()
  const add = page.getByLabel('Add a person')
  await add.fill('Priya Raman')
  await add.press('Enter')
  await expect(page.getByRole('button', { name: /Priya Raman/ })).toHaveAttribute('aria-pressed', 'true')
  await page.getByLabel('Role').fill('Head of Operations')
  await page.getByLabel('How they relate to the work').selectOption('blocker')
  await page.getByLabel('Trust', { exact: true }).selectOption('friend')
  await add.fill('Sam Okafor')
  await add.press('Enter')
  await expect(page.getByRole('list', { name: 'People' }).getByRole('listitem')).toHaveCount(2)
  await page.getByRole('button', { name: /Priya Raman/ }).click()
  await expect(page.getByRole('button', { name: /Priya Raman.*Head of Operations.*Blocker.*Trust: Friend/ })).toBeVisible()
  const clientFile = JSON.parse(await readFile(join(app.vaultDir, 'clients/northwind/client.json'), 'utf8')) as {
    people: Array<{ name: string; role?: string; relation?: string }>
  }
  expect(clientFile.people.map((p) => [p.name, p.role, p.relation])).toEqual([
    ['Priya Raman', 'Head of Operations', 'blocker'],
    ['Sam Okafor', undefined, undefined]
  ])
  await screenshot(app, 'people.png')

  // An entry: type @, pick Priya from the suggestions by keyboard.
  await page.getByRole('tab', { name: 'Journal' }).click()
  await page.keyboard.press('Control+n')
  await page.getByLabel('Title').fill('Scope call')
  const editor = page.getByRole('textbox', { name: 'Entry text' })
  await editor.click()
  await page.keyboard.type('Hard call. ')
  await page.keyboard.type('@pri')
  const menu = page.getByRole('listbox', { name: 'People, clients and entries to mention' })
  await expect(menu.getByRole('option').first()).toContainText('Priya Raman')
  // Just under the caret, on the page: the editor's scroll box is contained and must neither move nor clip it.
  const caret = await page.evaluate(() => {
    const rect = getSelection()?.getRangeAt(0).getBoundingClientRect()
    return rect ? { left: rect.left, bottom: rect.bottom } : null
  })
  const box = await menu.boundingBox()
  expect(caret && box).toBeTruthy()
  if (caret && box) {
    expect(box.y - caret.bottom).toBeGreaterThanOrEqual(0)
    expect(box.y - caret.bottom).toBeLessThan(20)
    expect(Math.abs(box.x - caret.left)).toBeLessThan(80)
  }
  await screenshot(app, 'mention.png')
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await page.keyboard.type('wants a smaller pilot.')
  await expect(editor.locator('a[href^="rapport://person/p_"]')).toHaveText('Priya Raman')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 })

  const journal = join(app.vaultDir, 'clients/northwind/journal')
  const [file] = (await readdir(journal)).filter((f) => f.endsWith('.md'))
  const text = await readFile(join(journal, file ?? ''), 'utf8')
  expect(text).toMatch(/\nHard call\. \[Priya Raman\]\(rapport:\/\/person\/p_[0-9A-Z]+\) wants a smaller pilot\.\n/)

  // The person's mentions list the entry, with the sentence; a click opens it.
  await page.getByRole('tab', { name: 'People' }).click()
  await page.getByRole('button', { name: /Priya Raman/ }).click()
  const mentions = page.getByRole('region', { name: /Entries mentioning Priya Raman/ })
  await expect(mentions.getByRole('button', { name: /Scope call.*Priya Raman wants a smaller pilot\./ })).toBeVisible()
  await mentions.getByRole('button', { name: /Scope call/ }).click()
  await expect(page.getByLabel('Title')).toHaveValue('Scope call')

  // Linking one entry from another works the same way: @ and a few words of its title.
  await page.keyboard.press('Control+n')
  // The new entry is open (its title empty and focused) before typing: until then the title field is Scope call's.
  await expect(page.getByLabel('Title')).toHaveValue('')
  await expect(page.getByLabel('Title')).toBeFocused()
  await page.getByLabel('Title').fill('Pilot follow-up')
  await editor.click()
  await page.keyboard.type('As agreed in ')
  await page.keyboard.type('@scope ca')
  const scopeCall = menu.getByRole('option', { name: /Scope call/ })
  await expect(scopeCall).toContainText('Entry · Northwind')
  await scopeCall.click()
  await expect(editor.locator('a[href^="rapport://entry/"]')).toHaveText('Scope call')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 })
  const followUp = (await readdir(journal)).find((f) => f.includes('pilot-follow-up'))
  expect(await readFile(join(journal, followUp ?? ''), 'utf8')).toMatch(/As agreed in \[Scope call\]\(rapport:\/\/entry\/e_[0-9A-Z]+\)/)

  // …and the linked entry says where it is linked from.
  await page
    .getByRole('listbox', { name: 'Entries' })
    .getByRole('option', { name: /^Scope call/ })
    .click()
  await expect(page.getByLabel('Title')).toHaveValue('Scope call')
  await expect(page.getByRole('navigation', { name: 'Linked from' }).getByRole('button', { name: 'Pilot follow-up' })).toBeVisible()
})

/** WCAG's contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string): number => {
    const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const v = Number(c) / 255
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a mention is told from the words around it and from a web link without relying on colour (${colorScheme})`, async ({ browser }) => {
    const app = await RapportHarness.launch(browser, { colorScheme })
    try {
      const client = await app.vault.clients.create('Northwind')
      const body = 'Hard call with [Priya Raman](rapport://person/p_01JPRIYA0000000000000000AB) about [the pilot](https://example.com/pilot) today.\n'
      await app.vault.entries.create({ clientId: client.id, folder: 'clients/northwind/journal', title: 'Scope call', body })
      await app.open()
      await app.page.getByRole('option', { name: /Northwind/ }).click()
      await app.page.getByRole('option', { name: /Scope call/ }).click()
      const editor = app.page.getByRole('textbox', { name: 'Entry text' })
      const mention = editor.locator("a[href^='rapport:']")
      await expect(mention).toHaveText('Priya Raman')

      const styleOf = (selector: string) =>
        editor
          .locator(selector)
          .first()
          .evaluate((element) => {
            const style = getComputedStyle(element)
            return { line: style.textDecorationLine, decoration: style.textDecorationStyle, color: style.color, background: style.backgroundColor }
          })
      const [named, web, words] = await Promise.all([styleOf("a[href^='rapport:']"), styleOf("a[href^='https:']"), styleOf('p')])
      // The page behind the text: the first background up from the paragraph that is not transparent.
      const page = await editor
        .locator('p')
        .first()
        .evaluate((element) => {
          for (let node: Element | null = element; node; node = node.parentElement) {
            const background = getComputedStyle(node).backgroundColor
            if (background !== 'rgba(0, 0, 0, 0)') return background
          }
          return 'rgb(255, 255, 255)'
        })
      // Not colour alone: an underline the words around it do not have, and dotted where a web link's is solid.
      expect(words.line).toBe('none')
      expect(named.line).toBe('underline')
      expect(web.line).toBe('underline')
      expect(named.decoration).toBe('dotted')
      expect(web.decoration).toBe('solid')
      // Readable: the name against its tint, and the dotted underline (drawn in the text's colour) against the page.
      expect(contrast(named.color, named.background)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(named.color, page)).toBeGreaterThanOrEqual(3)
      await editor
        .locator('p')
        .first()
        .screenshot({ path: join(SCREENSHOTS, `mention-cue-${colorScheme}.png`), scale: 'device' })
      await screenshot(app, `mention-cue-page-${colorScheme}.png`)
    } finally {
      await app.close()
    }
  })
}
