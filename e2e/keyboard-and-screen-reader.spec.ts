import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { RapportHarness } from './harness/harness'
import { expect, screenshot, test } from './fixtures'
import { seedDana, seedOthers } from './harness/relationship-seed'
import { expectSaved } from './harness/vault-helpers'

/**
 * Rapport without a mouse, and as a screen reader hears it: every step here
 * is a key press (the page is set up through the core, never clicked), focus
 * is always somewhere a person can see, it comes back where it was after a
 * dialog and moves on when a row leaves a list, and what changes by itself
 * (saving, a search's count, a long job) is said in a live region.
 * The audit of every view is e2e/accessibility.spec.ts.
 */
test.describe.configure({ timeout: 120_000 })

/** Dana, Omar and Lena, with follow-ups and promises due, opened on Today. */
async function seeded(app: RapportHarness): Promise<Page> {
  await seedDana(app)
  await seedOthers(app)
  await app.page.reload()
  await expect(app.page.getByRole('main', { name: 'Today' })).toBeVisible()
  return app.page
}

/** Presses Tab (Shift+Tab with `back`) until `target` has focus. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  await expect(target).toBeFocused()
}

/** What has focus, in words for a failure message. */
const describeFocus = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return '<body>'
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''
    return `${element.tagName.toLowerCase()}${element.getAttribute('role') ? `[role=${element.getAttribute('role')}]` : ''} “${name}”`
  })

/**
 * Walks the whole Tab order of the page and answers every stop that shows no
 * focus ring: an outline of at least 2 px in a colour that is not transparent,
 * or a ring drawn by a box shadow or by the group around it (:focus-within).
 * Where text is typed, the caret shows the place.
 */
async function stopsWithoutARing(page: Page): Promise<{ stops: number; bare: string[] }> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  const bare: string[] = []
  const seen = new Set<string>()
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null
      if (!element || element === document.body) return null
      const key = `${element.tagName}|${element.id}|${element.getAttribute('aria-label')}|${element.textContent?.slice(0, 60)}|${Math.round(element.getBoundingClientRect().top)}`
      const shows = (style: CSSStyleDeclaration) =>
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)') || style.boxShadow !== 'none'
      const typedInto = element.matches(
        'input:not([type=checkbox]):not([type=radio]):not([type=range]):not([type=button]):not([type=submit]), textarea, [contenteditable="true"]'
      )
      let group: HTMLElement | null = element.parentElement
      let groupShows = false
      for (let depth = 0; group && depth < 3; depth++, group = group.parentElement)
        groupShows ||= group.matches(':focus-within') && shows(getComputedStyle(group))
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''
      return { key, ok: shows(getComputedStyle(element)) || typedInto || groupShows, what: `${element.tagName.toLowerCase()} “${name}”` }
    })
    if (!stop) continue
    if (seen.has(stop.key)) break
    seen.add(stop.key)
    if (!stop.ok) bare.push(stop.what)
  }
  return { stops: seen.size, bare }
}

test('every control reached with Tab shows a focus ring, in the light and the dark theme', async ({ app }) => {
  const page = await seeded(app)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const today = await stopsWithoutARing(page)
    expect(today.stops, 'Tab stops on Today').toBeGreaterThan(15)
    expect(today.bare, `${scheme}: Tab stops on Today with no visible focus`).toEqual([])

    // A client's journal with an entry open: the lists, the divider, the toolbar, the title and the text.
    await page.keyboard.press('Control+1')
    await expect(page.getByRole('listbox', { name: 'Clients' }).getByRole('option', { name: /Dana Whitfield/ })).toBeFocused()
    await page.keyboard.press('Enter')
    // Ctrl+2 goes to the entry list once it is there; before, it lands on "New entry" and Enter would start a blank one.
    await expect(page.getByRole('listbox', { name: 'Entries' }).getByRole('option').first()).toBeVisible()
    await page.keyboard.press('Control+2')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('textbox', { name: 'Entry text' })).not.toBeEmpty()
    const journal = await stopsWithoutARing(page)
    expect(journal.stops, 'Tab stops in the journal').toBeGreaterThan(15)
    expect(journal.bare, `${scheme}: Tab stops in the journal with no visible focus`).toEqual([])

    // Search with results: the box, the filters and the results list.
    await page.keyboard.press('Control+Shift+F')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('timeline')
    await expect(page.getByRole('main', { name: 'Search' }).getByRole('listbox').getByRole('option').first()).toBeVisible()
    const search = await stopsWithoutARing(page)
    expect(search.bare, `${scheme}: Tab stops in Search with no visible focus`).toEqual([])
    // Back to Dana's journal, where her entry is still open.
    await page.keyboard.press('Control+1')
    await expect(page.getByRole('listbox', { name: 'Clients' }).getByRole('option', { name: /Dana Whitfield/ })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('textbox', { name: 'Entry text' })).not.toBeEmpty()

    // How it looks: a focused row on Today, and a focused button in the formatting toolbar.
    await tabTo(page, page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold' }))
    await page.keyboard.press('ArrowRight')
    await screenshot(app, `focus-toolbar-${scheme}.png`)
    await page.getByRole('list', { name: 'Views' }).getByRole('button', { name: 'Today' }).focus()
    await page.keyboard.press('Enter')
    const firstRow = page.getByRole('region', { name: 'Follow-ups due' }).getByRole('button').first()
    await tabTo(page, firstRow)
    await screenshot(app, `focus-today-row-${scheme}.png`)
  }
})

test('the formatting toolbar is one Tab stop: arrows move along it, Home and End go to its ends', async ({ app }) => {
  const page = await seeded(app)
  await page.keyboard.press('Control+1')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+2')
  await page.keyboard.press('Enter')
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
  const tool = (name: string) => toolbar.getByRole('button', { name, exact: true })
  await expect(toolbar).toHaveAttribute('aria-orientation', 'horizontal')
  await expect(toolbar.locator('[tabindex="0"]')).toHaveCount(1)

  // Shift+Tab from the title reaches the toolbar once, on its first tool.
  await page.getByLabel('Title').focus()
  await tabTo(page, tool('Bold'), { back: true, max: 6 })
  await page.keyboard.press('ArrowRight')
  await expect(tool('Italic')).toBeFocused()
  await page.keyboard.press('End')
  await expect(tool('Horizontal rule')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(tool('Bold')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(tool('Horizontal rule')).toBeFocused()
  await page.keyboard.press('Home')
  await expect(tool('Bold')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(tool('Strike')).toBeFocused()
  await expect(toolbar.locator('[tabindex="0"]')).toHaveCount(1)
  await expect(tool('Strike')).toHaveAttribute('tabindex', '0')

  // Tab leaves the toolbar in one step, and coming back lands on the tool last used.
  await page.keyboard.press('Tab')
  await expect(toolbar.locator(':focus')).toHaveCount(0)
  await page.keyboard.press('Shift+Tab')
  await expect(tool('Strike')).toBeFocused()
  // A toggle says whether it is on: Bold chosen from the toolbar with Enter, then typed in, back in the text.
  await page.keyboard.press('Home')
  await expect(tool('Bold')).toHaveAttribute('aria-pressed', 'false')
  const text = page.getByRole('textbox', { name: 'Entry text' })
  await text.focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.getByLabel('Title').focus()
  await tabTo(page, tool('Bold'), { back: true, max: 6 })
  await page.keyboard.press('Enter')
  await expect(text).toBeFocused()
  await expect(tool('Bold')).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.type('Said plainly')
  await expect(text.locator('strong')).toHaveText('Said plainly')
  await expectSaved(page)
})

test('Today’s rows are worked through with keys; focus moves on to the next row, and back to the opener after a dialog', async ({ app }) => {
  const page = await seeded(app)
  const today = page.getByRole('main', { name: 'Today' })
  const row = (words: string) => today.getByRole('button', { name: new RegExp(words) }).first()
  // Sections are real lists: a screen reader says how many items each has.
  await expect(today.getByRole('region', { name: 'Their promises' }).getByRole('listitem')).toHaveCount(2)

  await tabTo(page, row('Follow up — planned for'))
  // D: the follow-up is done and leaves the list; focus goes to the row now first, not to <body>.
  await page.keyboard.press('d')
  await expect(today.getByRole('region', { name: 'Follow-ups due' })).toHaveCount(0)
  await expect(row('Send the revised scope'), await describeFocus(page)).toBeFocused()

  // S: the snooze menu opens on its first choice; Enter snoozes, and focus moves to the next row.
  await page.keyboard.press('s')
  const menu = page.getByRole('menu')
  await expect(menu.getByRole('menuitem').first()).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(row('Send the revised scope')).toHaveCount(0)
  await expect(row('Send the signed NDA'), await describeFocus(page)).toBeFocused()

  // L: the log-a-contact dialog; Escape closes it and focus is back on the row it came from.
  await page.keyboard.press('l')
  const log = page.getByRole('dialog')
  await expect(log).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(log).toHaveCount(0)
  await expect(row('Send the signed NDA')).toBeFocused()

  // Settings from Today and back: focus returns to the button that opened them.
  const settings = today.getByRole('button', { name: 'Settings…' })
  await tabTo(page, settings, { back: true })
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: /Settings/ })
  await expect(dialog).toBeVisible()
  await expect(dialog.locator(':focus')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(settings).toBeFocused()

  // B: that client's brief.
  await tabTo(page, row('Send the signed NDA'))
  await page.keyboard.press('b')
  await expect(page.getByRole('tab', { name: 'Brief' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('article', { name: 'Omar Haddad' })).toBeVisible()

  // Commitments: a promise ticked off with Space leaves the list, and focus is on the next one's checkbox.
  await tabTo(page, page.getByRole('list', { name: 'Views' }).getByRole('button', { name: 'Commitments' }), { back: true })
  await page.keyboard.press('Enter')
  const promises = page.getByRole('main', { name: 'Commitments' }).getByRole('list', { name: 'Commitments, by due date' }).getByRole('listitem')
  await expect(promises.first()).toBeVisible()
  const count = await promises.count()
  expect(count).toBeGreaterThanOrEqual(2)
  const next = (await promises.nth(1).getByRole('checkbox').getAttribute('aria-label')) ?? ''
  await tabTo(page, promises.first().getByRole('checkbox'))
  await page.keyboard.press('Space')
  await expect(promises).toHaveCount(count - 1)
  await expect(page.getByRole('checkbox', { name: next, exact: true }), await describeFocus(page)).toBeFocused()
})

test('a day in the journal by keyboard alone: a client, a reflection from a template, saving said aloud, an entry trashed, search and export', async ({
  app
}) => {
  const page = await seeded(app)
  // The clients: one Tab stop, a list whose size is its number of options (short lists render every one).
  await page.keyboard.press('Control+1')
  const clients = page.getByRole('listbox', { name: 'Clients' })
  await expect(clients.getByRole('option')).toHaveCount(3)
  await expect(clients.getByRole('option').first()).not.toHaveAttribute('aria-setsize')
  await expect(clients.getByRole('option', { name: /Dana Whitfield/ })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('listbox', { name: 'Entries' }).getByRole('option')).toHaveCount(3)

  // A reflection from a template, and the save state said in a status region as it changes.
  await page.keyboard.press('Control+Shift+N')
  await expect(page.getByRole('combobox', { name: 'Find a template' })).toBeFocused()
  await page.keyboard.type('difficult')
  await page.keyboard.press('Enter')
  const text = page.getByRole('textbox', { name: 'Entry text' })
  await expect(text).toBeFocused()
  const saveState = page
    .getByRole('main', { name: 'Editor' })
    .getByRole('status')
    .filter({ hasText: /^(Saved|Saving…|Unsaved changes)$/ })
  await expect(saveState).toHaveText('Saved')
  await page.keyboard.type('She said the timeline was not what we agreed.')
  await expect(saveState).toHaveText(/^(Unsaved changes|Saving…)$/)
  await expect(saveState).toHaveText('Saved', { timeout: 10_000 })
  await expect(page.getByRole('listbox', { name: 'Entries' }).getByRole('option')).toHaveCount(4)

  // The entries, one Tab stop: walk to the second, open it, trash it from the palette; focus lands on the row now in its place.
  await page.keyboard.press('Control+2')
  await page.keyboard.press('ArrowDown')
  const entries = page.getByRole('listbox', { name: 'Entries' })
  await expect(entries.getByRole('option').nth(1)).toBeFocused()
  const second = (await entries.getByRole('option').nth(1).textContent()) ?? ''
  const third = (await entries.getByRole('option').nth(2).textContent()) ?? ''
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+2')
  await page.keyboard.press('Control+k')
  await page.keyboard.type('Move entry to trash')
  await page.keyboard.press('Enter')
  const confirm = page.getByRole('dialog', { name: 'Move entry to trash' })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'Move to trash' }).focus()
  await page.keyboard.press('Enter')
  await expect(confirm).toHaveCount(0)
  await expect(entries.getByRole('option')).toHaveCount(3)
  await expect(entries.getByRole('option', { name: second })).toHaveCount(0)
  await expect(entries.getByRole('option').nth(1)).toHaveText(third)
  await expect(entries.getByRole('option').nth(1), await describeFocus(page)).toBeFocused()

  // Search: the count is said in a status region that changes with the question; arrows and Enter open a result.
  await page.keyboard.press('Control+Shift+F')
  const search = page.getByRole('main', { name: 'Search' })
  await expect(search.getByRole('searchbox').or(search.getByRole('textbox')).first()).toBeFocused()
  const count = search.getByRole('status').filter({ hasText: /result|Nothing found/ })
  await page.keyboard.type('timeline')
  await expect(count).toHaveText(/^2 results/)
  await page.keyboard.type(' agreed')
  await expect(count).toHaveText(/^1 result\b/)
  await page.keyboard.press('ArrowDown')
  await expect(search.getByRole('listbox').getByRole('option').first()).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(text).toContainText('She said the timeline was not what we agreed.')

  // Export: the dialog takes focus, and Escape gives it back to where it was.
  await page.keyboard.press('Control+2')
  const before = await describeFocus(page)
  await page.keyboard.press('Control+Alt+e')
  const exportDialog = page.getByRole('dialog', { name: 'Export to Markdown' })
  await expect(exportDialog.locator(':focus')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(exportDialog).toHaveCount(0)
  expect(await describeFocus(page)).toBe(before)
})

test('a long import says how far it has got in a status region, a tenth at a time, and how it ended', async ({ app }) => {
  const page = app.page
  await expect(
    page
      .getByRole('button', { name: 'Today' })
      .or(page.getByRole('button', { name: 'Add your first client' }))
      .first()
  ).toBeVisible()
  // Every text a status region is given, in order, as a screen reader would hear them.
  await page.evaluate(() => {
    const heard: string[] = []
    ;(window as unknown as { heard: string[] }).heard = heard
    new MutationObserver(() => {
      for (const region of document.querySelectorAll('[role="status"]')) {
        const said = region.textContent?.trim() ?? ''
        if (said && heard.at(-1) !== said && said.startsWith('Import progress')) heard.push(said)
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  await app.emit('command:run', { id: 'contacts.import' })
  app.nextFiles = [join(import.meta.dirname, '..', 'src', 'core', 'contacts', 'fixtures', 'thousand.vcf')]
  const start = page.getByRole('dialog', { name: 'Import contacts' }).getByRole('button', { name: 'Choose files…' })
  await start.focus()
  await page.keyboard.press('Enter')
  const preview = page.getByRole('dialog', { name: 'Contacts preview' })
  await expect(preview.getByRole('status').first()).toHaveText('1,000 contacts found: 1,000 new clients.', { timeout: 20_000 })
  await preview.getByRole('button', { name: 'Import 1,000 contacts' }).focus()
  await page.keyboard.press('Enter')
  const done = page.getByRole('dialog', { name: 'Contacts imported' })
  await expect(done.getByRole('status')).toContainText('1,000 clients created', { timeout: 90_000 })
  // The client list, now virtualised, says how long it is on each row it draws (and the vault is read again before it ends).
  await expect(page.getByRole('listbox', { name: 'Clients' }).getByRole('option').first()).toHaveAttribute('aria-setsize', '1000', { timeout: 30_000 })

  const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard)
  const steps = heard.filter((said) => /^Import progress: \d+% of 1,000 clients written done$/.test(said))
  expect(steps.length, heard.join('\n')).toBeGreaterThanOrEqual(2)
  // A tenth at a time, never every client: at most the eleven steps from 0% to 100%, in order (and "Getting ready…" and
  // the reading of the one file before them).
  expect(steps.length, heard.join('\n')).toBeLessThanOrEqual(11)
  expect(heard.length, heard.join('\n')).toBeLessThanOrEqual(14)
  const percents = steps.map((said) => Number(/(\d+)%/.exec(said)?.[1]))
  expect(percents).toEqual([...percents].sort((a, b) => a - b))
  // The watcher takes in a thousand new folders for a while after: let it finish before the vault is removed.
  for (let round = 0; round < 3; round++) {
    await page.waitForTimeout(500)
    await app.vault.applyChanges([])
  }
})
