import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { addClient, clientId } from './harness/reflection-helpers'

/** Reflections written over the past months, each with a mood, made through the core and then back-dated on disk. */
const history: Array<{ daysAgo: number; template: string; mood?: number }> = [
  { daysAgo: 130, template: 'first-meeting' },
  { daysAgo: 118, template: 'before-a-call' },
  { daysAgo: 96, template: 'after-difficult-meeting', mood: 2 },
  { daysAgo: 80, template: 'before-a-call' },
  { daysAgo: 64, template: 'after-difficult-meeting', mood: 3 },
  { daysAgo: 41, template: 'respect' },
  { daysAgo: 30, template: 'after-difficult-meeting', mood: 2 },
  { daysAgo: 17, template: 'before-a-call' },
  { daysAgo: 9, template: 'after-difficult-meeting', mood: 4 },
  { daysAgo: 2, template: 'after-difficult-meeting', mood: 4 }
]

/** How many calendar months a set of days (YYYY-MM-DD) covers, from the first month to the last. */
function monthsSpanned(days: string[]): number {
  const months = days.map((day) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1)
  return Math.max(...months) - Math.min(...months) + 1
}

const monthName = (day: string): string => new Date(`${day}T12:00:00Z`).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })

test('reflections over time: a month-by-template strip and the mood as a chart, with its numbers as a table', async ({ app }) => {
  // Ten entries made and back-dated through the real core on two shared cores take a while.
  test.setTimeout(90_000)
  const page = app.page
  await addClient(page, 'Dana Whitfield')
  const id = await clientId(page, 'Dana Whitfield')
  const made = await page.evaluate(
    async ({ clientId, history }) => {
      const entries: Array<{ id: string; path: string }> = []
      for (const item of history) {
        const created = await window.rapport.invoke('entries:create', { clientId, template: item.template })
        if (!created.ok) throw new Error(created.error.message)
        entries.push({ id: created.value.id, path: created.value.path })
      }
      return entries
    },
    { clientId: id, history }
  )
  // Let the core settle its own writes first, so the back-dated files read as changes made by another program.
  await page.waitForTimeout(2000)
  const days = history.map((h) => new Date(Date.now() - h.daysAgo * 86_400_000).toISOString().slice(0, 10))
  for (const [index, entry] of made.entries()) {
    const file = join(app.vaultDir, entry.path)
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^created: (['"]?)\d{4}-\d{2}-\d{2}/m, `created: $1${days[index] ?? ''}`))
  }
  // Once the core has read them all, answer the mood of each "After a difficult meeting" as a person would.
  await expect
    .poll(
      () =>
        page.evaluate(async (clientId) => {
          const listed = await window.rapport.invoke('entries:list', { clientId })
          return listed.ok ? listed.value.map((e) => e.created.slice(0, 10)).sort() : []
        }, id),
      { timeout: 15_000 }
    )
    .toEqual([...days].sort())
  await page.evaluate(
    async ({ made, history }) => {
      for (const [index, item] of history.entries()) {
        const entryId = made[index]?.id
        if (item.mood === undefined || !entryId) continue
        const read = await window.rapport.invoke('entries:read', { id: entryId })
        if (!read.ok) throw new Error(read.error.message)
        const { title, body, version } = read.value
        const saved = await window.rapport.invoke('entries:save', { id: entryId, title, body, version, fields: { mood: item.mood } })
        if (!saved.ok) throw new Error(saved.error.message)
      }
    },
    { made, history }
  )

  // By keyboard: with five tabs in a narrow pane the last one is scrolled out of reach of the pointer.
  await page.getByRole('tab', { name: 'Reflections' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText('10 reflections about Dana Whitfield')).toBeVisible({ timeout: 5000 })
  // The view follows the vault: once the core has read the back-dated files, every month from the first to the last is a column
  // (July to November on 23 November; which months depends on today, since the entries are dated days ago).
  const strip = page.getByRole('table', { name: /Reflections by month/ })
  await expect(strip.getByRole('columnheader')).toHaveCount(monthsSpanned(days), { timeout: 10_000 })
  // The chart's summary names the month of the first mood answered, once every back-dated file is read.
  const firstMood = days[history.findIndex((h) => h.mood !== undefined)] ?? ''
  const chart = page.getByRole('img', { name: new RegExp(`How did it feel.*5 answers from (\\d+ )?${monthName(firstMood)}`) })
  await expect(chart).toBeVisible({ timeout: 15_000 })
  await expect(page.getByRole('table', { name: /How did it feel/ }).getByRole('row')).toHaveCount(6)
  await expect(strip.getByRole('row', { name: /Before a call/ })).toBeVisible()
  await screenshot(app, 'reflections-chart.png')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(app, 'reflections-chart-dark.png')
  await page.emulateMedia({ colorScheme: 'light' })

  // The same for every client, as a view of its own; a reflection opens in the journal.
  await page.getByRole('button', { name: 'Reflections' }).click()
  await expect(page.getByText('10 reflections across all clients')).toBeVisible()
  await page
    .getByRole('button', { name: /^After a difficult meeting/ })
    .first()
    .click()
  await expect(page.getByLabel('Title')).toBeVisible()
})
