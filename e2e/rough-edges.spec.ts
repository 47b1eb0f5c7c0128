import type { Locator } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'
import { createClient, invoke, seedDana, updateClient } from './harness/relationship-seed'
import { addClient } from './harness/vault-helpers'
import { overlap, textWhole, verticalGap } from './layout'

/**
 * The rough edges a look through the screenshots found (issue #24, point 3):
 * each checked here as a person would see it, and photographed.
 */

/** Whether the element lies wholly inside the visible part of `within` (a scrolling row clips what overflows it). */
async function whollyInside(element: Locator, within: Locator): Promise<boolean> {
  const [e, w] = await Promise.all([element.boundingBox(), within.boundingBox()])
  if (!e || !w) return false
  return e.x >= w.x - 0.5 && e.x + e.width <= w.x + w.width + 0.5
}

test('the client tabs in the narrow journal pane show that more are there, and the chevron brings them into view', async ({ app }) => {
  const page = app.page
  await addClient(page, 'Northwind Traders')
  const bar = page.locator('.client-tabs-bar').first()
  const list = page.getByRole('tablist', { name: 'Client' })
  const more = bar.locator('.client-tabs-more.end')
  const earlier = bar.locator('.client-tabs-more.start')

  // Reflections does not fit in 300 px: the end fades and a chevron says more tabs are there; nothing before Journal.
  await expect(more).toBeVisible()
  await expect(earlier).toBeHidden()
  expect(await whollyInside(page.getByRole('tab', { name: 'Reflections' }), list)).toBe(false)
  expect(await list.evaluate((el) => getComputedStyle(el).maskImage)).toContain('linear-gradient')
  // The chevron lies over the faded edge only, never over a tab that is wholly shown.
  for (const tab of await list.getByRole('tab').all()) {
    if (await whollyInside(tab, list)) expect(await overlap(tab, more), `${await tab.textContent()} is under the chevron`).toBe(false)
  }
  await screenshot(app, 'rough-edges-tabs-more.png')

  // The chevron is for the pointer (the keyboard has the arrow keys): it brings the hidden tab whole into view.
  await more.click()
  await expect(async () => expect(await whollyInside(page.getByRole('tab', { name: 'Reflections' }), list)).toBe(true)).toPass()
  await expect(earlier).toBeVisible()
  await expect(more).toBeHidden()
  await expect(page.getByRole('tab', { name: 'Journal' })).toHaveAttribute('aria-selected', 'true')
  await screenshot(app, 'rough-edges-tabs-end.png')
  await earlier.click()
  await expect(async () => expect(await whollyInside(page.getByRole('tab', { name: 'Journal' }), list)).toBe(true)).toPass()
  await expect(more).toBeVisible()
  // Hidden from screen readers: they hear every tab of the tab list already.
  await expect(more).toHaveAttribute('aria-hidden', 'true')
})

test('the timeline names every stage whole, with its day, and names the rungs of the trust line', async ({ app }) => {
  const page = app.page
  await seedDana(app)
  for (const width of [1360, 1000]) {
    await page.setViewportSize({ width, height: 900 })
    await page.getByRole('option', { name: /Dana Whitfield/ }).click()
    await page.getByRole('tab', { name: 'Timeline' }).click()
    const strip = page.getByRole('figure', { name: 'Stage and trust over time' })
    await expect(strip).toBeVisible()

    // In a band: the whole name or none (the first-contact band is too narrow for its name, not cut to "Fir…").
    const bands = strip.locator('.strip-band')
    await expect(bands).toHaveCount(3)
    let named = 0
    for (const band of await bands.all()) {
      const shown = await band.evaluate((el) => {
        const name = el.querySelector('.strip-band-name') as HTMLElement
        const room = el.clientWidth - Number.parseFloat(getComputedStyle(el).paddingLeft) - Number.parseFloat(getComputedStyle(el).paddingRight)
        return { visible: getComputedStyle(name).visibility === 'visible', whole: name.getBoundingClientRect().width <= room + 0.5 }
      })
      if (shown.visible) {
        expect(shown.whole, `${await band.textContent()} is cut`).toBe(true)
        named++
      }
    }
    expect(named).toBeGreaterThan(0)
    // Under the bands, every stage by name with the day it began, none cut.
    const stages = strip.locator('.strip-stage')
    await expect(stages).toHaveText([/^First contact\s+\d+ \w{3}/, /^First meeting\s+\d+ \w{3}/, /^Engaged\s+\d+ \w{3}/])
    for (const stage of await stages.all()) expect(await textWhole(stage)).toBe(true)

    // The trust line's rungs, each named beside its own grid line, none over another.
    const rungs = strip.locator('.strip-rung')
    await expect(rungs).toHaveText(['Fringe', 'Friend', 'Familiar', 'Faithful', 'Forever'])
    const lines = strip.locator('.strip-grid')
    for (let i = 0; i < 5; i++) {
      const [label, line] = await Promise.all([rungs.nth(i).boundingBox(), lines.nth(i).boundingBox()])
      expect(Math.abs(label!.y + label!.height / 2 - line!.y)).toBeLessThan(2.5)
      if (i > 0) expect(await overlap(rungs.nth(i), rungs.nth(i - 1))).toBe(false)
      expect(await overlap(rungs.nth(i), strip.locator('.strip-label').nth(1))).toBe(false)
    }
    if (width === 1360) await screenshot(app, 'rough-edges-timeline.png')
    else await screenshot(app, 'rough-edges-timeline-narrow.png')
  }
})

test('in a long journal, a line under the buttons marks where the scrolled list is cut', async ({ app }) => {
  const page = app.page
  const client = await createClient(app, 'Big Client')
  for (let i = 0; i < 30; i++)
    await app.vault.entries.create({
      clientId: client.id,
      folder: `clients/${client.slug}/journal`,
      title: `Note ${i}`,
      body: `Call ${i} about the quarterly numbers.\n`
    })
  await page.reload()
  await page.getByRole('option', { name: /Big Client/ }).click()
  const list = page.getByRole('listbox', { name: 'Entries' })
  await expect(list.getByRole('option').first()).toBeVisible()
  const toolbar = page.locator('.entries-toolbar')
  const body = page.locator('.entries-body')
  const divider = () => toolbar.evaluate((el) => getComputedStyle(el).borderBottomColor)
  const transparent = 'rgba(0, 0, 0, 0)'
  expect(await divider()).toBe(transparent)

  // Scrolled half a row down: the list starts under the buttons, behind a line, and nothing of a row is over them.
  await body.evaluate((el) => el.scrollTo({ top: 150 }))
  await expect.poll(divider).not.toBe(transparent)
  expect(await toolbar.evaluate((el) => Number.parseFloat(getComputedStyle(el).borderBottomWidth))).toBeGreaterThanOrEqual(1)
  expect(await verticalGap(toolbar, body)).toBeGreaterThanOrEqual(0)
  const button = page.getByRole('button', { name: 'New reflection…' })
  expect(
    await button.evaluate((el) => {
      const box = el.getBoundingClientRect()
      return [box.top + 2, box.bottom - 2].every((y) => el.contains(document.elementFromPoint(box.left + box.width / 2, y)))
    })
  ).toBe(true)
  await screenshot(app, 'rough-edges-long-journal.png')

  // Back at the top, no line: nothing is cut.
  await body.evaluate((el) => el.scrollTo({ top: 0 }))
  await expect.poll(divider).toBe(transparent)
})

test('a person’s working style has the client’s own fields, an old free-text style stays as their notes, and the brief shows it', async ({ app }) => {
  const page = app.page
  const client = await createClient(app, 'Northwind')
  const { person } = await invoke(page, 'people:add', { clientId: client.id, name: 'Priya Raman', role: 'Head of Operations' })
  // What an older Rapport wrote for her: free text in style.notes.
  await updateClient(app, client.id, (data) => {
    const priya = data.people[0]!
    priya.style = { notes: 'Likes a written agenda the day before' }
  })
  await invoke(page, 'people:trust', { clientId: client.id, id: person.id, trust: 'friend' })
  await page.reload()
  await page.getByRole('option', { name: /Northwind/ }).click()
  await page.getByRole('tab', { name: 'People' }).click()
  await page.getByRole('button', { name: /Priya Raman/ }).click()

  const style = page.getByRole('group', { name: 'How they like to do business' })
  await expect(style.getByLabel('Notes on their style')).toHaveValue('Likes a written agenda the day before')
  await style.getByLabel('Preferred channel').selectOption({ label: 'Phone' })
  await style.getByLabel('Detail').selectOption({ label: 'Big picture' })
  await style.getByLabel('Opening').selectOption({ label: 'Straight to business' })
  await style.getByLabel('Best times').fill('Tue–Thu mornings')
  const about = page.getByRole('group', { name: 'The person' })
  await about.getByLabel('Likes', { exact: true }).fill('sailing')
  await about.getByLabel('Likes', { exact: true }).press('Enter')
  await about.getByLabel('Dislikes', { exact: true }).fill('long decks')
  await about.getByLabel('Dislikes', { exact: true }).press('Enter')
  await style.getByLabel('Best times').blur()

  // The same parts of client.json as the client's own: people[].style and people[].person, nothing renamed.
  await expect
    .poll(async () => {
      const stored = app.vault.clients.get(client.id).data?.people?.[0]
      return { style: stored?.style, likes: stored?.person?.likes, dislikes: stored?.person?.dislikes }
    })
    .toEqual({
      style: {
        notes: 'Likes a written agenda the day before',
        channel: 'phone',
        detail: 'big-picture',
        opening: 'straight-to-business',
        bestTimes: 'Tue–Thu mornings'
      },
      likes: ['sailing'],
      dislikes: ['long decks']
    })
  // Trust so far says its day in words, as every other day in the app.
  await screenshot(app, 'rough-edges-person-style.png')
  const trustSoFar = page.getByText(/^Trust so far: /)
  await expect(trustSoFar).toHaveText(/^Trust so far: Friend \(\d{1,2} \w{3}( \d{4})?\)$/)
  await trustSoFar.scrollIntoViewIfNeeded()
  await screenshot(app, 'rough-edges-person-trust.png')

  await page.getByRole('tab', { name: 'Brief' }).click()
  await expect(page.locator('.brief-stakeholder')).toContainText(
    'Priya Raman — Head of Operations · trust: friend · prefers phone, the big picture, straight to business · likes sailing · dislikes long decks'
  )
  await screenshot(app, 'rough-edges-person-brief.png')
})

test('the brief gives the words of a deeply nested quote, and its time follows the 12-hour clock', async ({ app }) => {
  const page = app.page
  const client = await createClient(app, 'Fabrikam')
  const entry = await app.vault.entries.create({
    clientId: client.id,
    folder: `clients/${client.slug}/journal`,
    title: 'Forwarded thread',
    body: `${'> - '.repeat(40)}She wants the numbers before the story.\n`
  })
  await updateClient(app, client.id, (data) => {
    data.interactions = [
      { id: 'i_thread', at: new Date(Date.now() - 86_400_000).toISOString(), channel: 'email', direction: 'in', outcome: 'conversation', entry: entry.id }
    ]
  })
  await invoke(page, 'settings:update', { clock: '12-hour' })
  await page.reload()
  await page.getByRole('option', { name: /Fabrikam/ }).click()
  await page.getByRole('tab', { name: 'Brief' }).click()
  const brief = page.getByRole('article').filter({ has: page.locator('.brief-header') })
  await expect(brief).toContainText('She wants the numbers before the story.')
  await expect(brief).not.toContainText('- - -')
  await expect(brief).not.toContainText('> -')
  await expect(brief.locator('.brief-prepared')).toHaveText(/ at \d{1,2}:\d{2} [ap]m \(/)
  await screenshot(app, 'rough-edges-brief-quote.png')
})
