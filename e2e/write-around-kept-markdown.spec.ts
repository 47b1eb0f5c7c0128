import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { RapportHarness } from './harness/harness'
import { expect, screenshot, test } from './fixtures'
import { entryText, expectSaved } from './harness/vault-helpers'

/**
 * Markdown the editor has no form for (HTML, tables, footnotes) is kept as
 * written and cannot be typed into. Writing around it must still work: there
 * is always a place for the caret, arrow keys cross it, and nothing typed is
 * dropped or replaces it. The file changes by exactly what was typed.
 */

const TABLE = '| Item | Owner |\n| --- | --- |\n| Pilot | Dana |'
const HTML = '<div class="note">\nkept as written\n</div>'
/** One long line of inline HTML, as `rapport new` might be given (the case). */
const INLINE_HTML = '<svg width="400" height="200"><image href="pilot.png" style="width: 400px; height: 200px; object-fit: cover; border-radius: 12px"></svg>'

interface Opened {
  path: string
  /** The entry file's text before anything was typed. */
  before: string
}

async function openEntry(app: RapportHarness, body: string): Promise<Opened> {
  const client = await app.vault.clients.create('Kept Inc')
  const entry = await app.vault.entries.create({ clientId: client.id, folder: 'clients/kept-inc/journal', title: 'Kept as written', body })
  const path = join(app.vaultDir, entry.path)
  const before = await readFile(path, 'utf8')
  await app.page.reload()
  await app.page.getByRole('option', { name: /Kept Inc/ }).click()
  await app.page.getByRole('option', { name: /Kept as written/ }).click()
  await expect(entryText(app.page).locator('.raw-markdown, .raw-markdown-inline').first()).toBeVisible()
  return { path, before }
}

/** The entry's body as saved, once the window has flushed what is on screen. */
async function savedBody(app: RapportHarness, opened: Opened): Promise<string> {
  await expectSaved(app.page)
  await app.flushLikeWindowClose()
  const text = await readFile(opened.path, 'utf8')
  return text.slice(text.indexOf('\n---\n') + 5).replace(/^\n/, '')
}

const paragraph = (page: Page, text: string) => entryText(page).locator('p', { hasText: new RegExp(`^${text}$`) })

test('Ctrl+End after a kept block at the end, then typing: the words are saved after it', async ({ app }) => {
  const page = app.page
  const opened = await openEntry(app, `First line.\n\n${HTML}\n`)
  await paragraph(page, 'First line.').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('Typed after the block')
  await expect(paragraph(page, 'Typed after the block')).toBeVisible()
  await screenshot(app, 'kept-end-typed.png')
  expect(await savedBody(app, opened)).toBe(`First line.\n\n${HTML}\n\nTyped after the block\n`)
})

test('Ctrl+End after one long line of inline HTML, then typing: the words are saved after it', async ({ app }) => {
  const page = app.page
  const opened = await openEntry(app, `${INLINE_HTML}\n`)
  await entryText(page).click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' and the caption')
  expect(await savedBody(app, opened)).toBe(`${INLINE_HTML} and the caption\n`)
})

test('Ctrl+Home before a kept block at the start: a caret before it, and typing starts a paragraph there', async ({ app }) => {
  const page = app.page
  const opened = await openEntry(app, `${TABLE}\n\nAfter the table.\n`)
  await paragraph(page, 'After the table.').click()
  await page.keyboard.press('Control+Home')
  // The gap cursor: a caret drawn before the table, where no text is yet (a line drawn by ::after, so the element itself has no size).
  await expect(entryText(page).locator('.ProseMirror-gapcursor')).toBeAttached()
  await screenshot(app, 'kept-start-gap-cursor.png')
  await page.keyboard.type('Before the table')
  await expect(entryText(page).locator('p').first()).toHaveText('Before the table')
  expect(await savedBody(app, opened)).toBe(`Before the table\n\n${TABLE}\n\nAfter the table.\n`)
})

test('between two kept blocks: arrow down from the first reaches the gap, and typing lands between them', async ({ app }) => {
  const page = app.page
  const opened = await openEntry(app, `Intro.\n\n${HTML}\n\n${TABLE}\n\nOutro.\n`)
  await entryText(page).locator('.raw-markdown').first().click()
  await page.keyboard.press('ArrowDown')
  await expect(entryText(page).locator('.ProseMirror-gapcursor')).toBeAttached()
  await page.keyboard.type('In between')
  await screenshot(app, 'kept-between-typed.png')
  expect(await savedBody(app, opened)).toBe(`Intro.\n\n${HTML}\n\nIn between\n\n${TABLE}\n\nOutro.\n`)
})

test('arrow keys cross a kept block both ways', async ({ app }) => {
  const page = app.page
  const opened = await openEntry(app, `Intro.\n\n${HTML}\n\nOutro.\n\n${TABLE}\n`)
  await paragraph(page, 'Intro.').click()
  await page.keyboard.press('End')
  // Down: the block is selected on the way, then the caret is in the text below it.
  await page.keyboard.press('ArrowDown')
  await expect(entryText(page).locator('.raw-markdown.ProseMirror-selectednode')).toHaveCount(1)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Home')
  await page.keyboard.type('(down)')
  // Up again: across the block to the line above.
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('End')
  await page.keyboard.type('(up)')
  // Right from the end of the line above the block, twice: across it to the start of the line below.
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.type('(right)')
  expect(await savedBody(app, opened)).toBe(`Intro.(up)\n\n${HTML}\n\n(right)(down)Outro.\n\n${TABLE}\n`)
})

test('arrow up from below a kept block at the start reaches the place before it, and typing starts a paragraph there', async ({ app }) => {
  const page = app.page
  const opened = await openEntry(app, `${TABLE}\n\nBelow.\n`)
  // The caret at the start of "Below." first, then up onto the table. A click aimed while the pane is still laying
  // itself out can land on the table instead (which selects it, by design), and an editor still settling its first
  // render can take the key before its caret is where the click put it (seen twice under CI load): the two steps are
  // tried again together until the arrow, pressed from the start of "Below.", selects the table.
  await expect(async () => {
    await paragraph(page, 'Below.').click()
    await page.keyboard.press('Home')
    expect(await page.evaluate(() => window.getSelection()?.anchorNode?.textContent)).toBe('Below.')
    await page.keyboard.press('ArrowUp')
    await expect(entryText(page).locator('.raw-markdown.ProseMirror-selectednode')).toHaveCount(1, { timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await page.keyboard.press('ArrowUp')
  await expect(entryText(page).locator('.ProseMirror-gapcursor')).toBeAttached()
  await page.keyboard.type('Above')
  expect(await savedBody(app, opened)).toBe(`Above\n\n${TABLE}\n\nBelow.\n`)
})

test('typing while a kept block or kept inline HTML is selected never replaces it: the words go right after it', async ({ app }) => {
  const page = app.page
  const opened = await openEntry(app, `Intro with <b>kept</b> HTML.\n\n${TABLE}\n\nOutro.\n`)
  // A click on the table selects it (a click is how a person reads a table cell).
  await entryText(page).locator('.raw-markdown').click()
  await expect(entryText(page).locator('.raw-markdown.ProseMirror-selectednode')).toHaveCount(1)
  await page.keyboard.type('Typed on the table')
  await expect(entryText(page).locator('.raw-markdown')).toContainText('| Pilot | Dana |')
  await expect(paragraph(page, 'Typed on the table')).toBeVisible()
  await screenshot(app, 'kept-selected-typed.png')
  // The same for a kept inline piece: the text goes after it in its line.
  await entryText(page).locator('.raw-markdown-inline', { hasText: '</b>' }).click()
  await page.keyboard.type('!')
  expect(await savedBody(app, opened)).toBe(`Intro with <b>kept</b>! HTML.\n\n${TABLE}\n\nTyped on the table\n\nOutro.\n`)
})

test('pasting while a kept block is selected never replaces it either: the text goes after it', async ({ app }) => {
  const page = app.page
  const opened = await openEntry(app, `${HTML}\n\nOutro.\n`)
  await entryText(page).locator('.raw-markdown').click()
  await expect(entryText(page).locator('.raw-markdown.ProseMirror-selectednode')).toHaveCount(1)
  // What Ctrl+V delivers: a paste event carrying the clipboard's text.
  await entryText(page).evaluate((editor) => {
    const clipboardData = new DataTransfer()
    clipboardData.setData('text/plain', 'Pasted next to it')
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }))
  })
  await expect(paragraph(page, 'Pasted next to it')).toBeVisible()
  expect(await savedBody(app, opened)).toBe(`${HTML}\n\nPasted next to it\n\nOutro.\n`)
})

test('a footnote kept as written: Ctrl+End and typing, and typing on it when selected, both land after it', async ({ app }) => {
  const page = app.page
  const opened = await openEntry(app, 'A claim.[^1]\n\n[^1]: The source of the claim.\n')
  await entryText(page).locator('.raw-markdown').click()
  await page.keyboard.type('Typed on the footnote')
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' and more')
  expect(await savedBody(app, opened)).toBe('A claim.[^1]\n\n[^1]: The source of the claim.\n\nTyped on the footnote and more\n')
})

test('moving around kept blocks without typing writes nothing: the caret’s own paragraph is not saved', async ({ app }) => {
  const page = app.page
  const opened = await openEntry(app, `${TABLE}\n\n${HTML}\n`)
  await entryText(page).locator('.raw-markdown').first().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await app.flushLikeWindowClose()
  expect(await readFile(opened.path, 'utf8')).toBe(opened.before)
})
