import type { Locator } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'

/** Whether the tab is wholly inside the part of its (scrolling) tab list that is shown. */
async function whollyShown(tab: Locator, list: Locator): Promise<boolean> {
  const [t, l] = await Promise.all([tab.boundingBox(), list.boundingBox()])
  if (!t || !l) return false
  return t.x >= l.x - 0.5 && t.x + t.width <= l.x + l.width + 0.5
}

/** Whether the focus ring the tab draws now lies inside its tab list, which clips what overflows it. */
async function ringInsideList(tab: Locator): Promise<boolean> {
  return tab.evaluate((el) => {
    const style = getComputedStyle(el)
    if (!el.matches(':focus-visible') || style.outlineStyle === 'none') return false
    const spread = Number.parseFloat(style.outlineWidth) + Number.parseFloat(style.outlineOffset)
    const ring = el.getBoundingClientRect()
    const list = (el.parentElement as HTMLElement).getBoundingClientRect()
    return ring.left - spread >= list.left && ring.right + spread <= list.right && ring.top - spread >= list.top && ring.bottom + spread <= list.bottom
  })
}

test('the client tabs are legible in the narrow journal pane, scroll when they must, and the keyboard reaches every one', async ({ app }) => {
  const page = app.page
  await page
    .getByRole('button', { name: /^(New client|Add your first client)$/ })
    .first()
    .click()
  await page.getByLabel('Client name').fill('Northwind Traders')
  await page.getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('option', { name: /Northwind Traders/ })).toBeVisible()

  // In the journal's 300 px pane: whole labels at a readable size, the open tab in view.
  const list = page.getByRole('tablist', { name: 'Client' })
  const tabs = list.getByRole('tab')
  await expect(tabs).toHaveText(['Journal', 'Brief', 'Profile', 'People', 'Timeline', 'Reflections'])
  for (const tab of await tabs.all()) {
    expect(
      await tab.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().height < 40),
      `${await tab.textContent()} is cut or wrapped`
    ).toBe(true)
    expect(Number.parseFloat(await tab.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12)
  }
  expect(await whollyShown(page.getByRole('tab', { name: 'Journal' }), list)).toBe(true)
  await screenshot(app, 'client-tabs.png')

  // What does not fit is a scroll away, not cut off for good.
  await list.evaluate((el) => (el.scrollLeft = el.scrollWidth))
  expect(await whollyShown(page.getByRole('tab', { name: 'Reflections' }), list)).toBe(true)
  await list.evaluate((el) => (el.scrollLeft = 0))

  // Arrow keys go round the tabs (a tab other than the journal fills the wide pane); focus and its ring follow.
  await page.getByRole('tab', { name: 'Journal' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('main', { name: 'Northwind Traders: Brief' })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Brief' })).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  const journalTab = page.getByRole('tab', { name: 'Journal' })
  await expect(journalTab).toBeFocused()
  await expect(journalTab).toHaveAttribute('aria-selected', 'true')
  expect(await ringInsideList(journalTab)).toBe(true)
  await page.keyboard.press('ArrowLeft')
  const last = page.getByRole('tab', { name: 'Reflections' })
  await expect(last).toBeFocused()
  await expect(page.getByRole('main', { name: 'Northwind Traders: Reflections' })).toBeVisible()
  expect(await ringInsideList(last)).toBe(true)
  await page.keyboard.press('Home')
  await expect(journalTab).toBeFocused()
  await page.keyboard.press('End')
  await expect(last).toBeFocused()

  // A client's other tab fills the wide pane: the same tabs, every one shown.
  await page.getByRole('tab', { name: 'Timeline' }).click()
  await expect(page.getByRole('main', { name: 'Northwind Traders: Timeline' })).toBeVisible()
  for (const tab of await list.getByRole('tab').all()) expect(await whollyShown(tab, list)).toBe(true)
  await screenshot(app, 'client-tabs-wide.png')
})
