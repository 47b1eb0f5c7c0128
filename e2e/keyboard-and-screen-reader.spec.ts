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
    await expect(page.getByRole('option', { name: /Dana Whitfield/ })).toBeFocused()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+2')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('textbox', { name: 'Entry text' })).not.toBeEmpty()
    const journal = await stopsWithoutARing(page)
    expect(journal.stops, 'Tab stops in the journal').toBeGreaterThan(15)
    expect(journal.bare, `${scheme}: Tab stops in the journal with no visible focus`).toEqual([])

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
