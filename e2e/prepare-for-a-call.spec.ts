import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { writeYearsOfHistory } from '../src/core/testing/years-of-history'
import { expect, SCREENSHOTS, screenshot, test } from './fixtures'
import { RapportHarness } from './harness/harness'
import { createClient, dayFrom, invoke, updateClient } from './harness/relationship-seed'

/** Issue #7: before a call, the brief — opened from anywhere, read in thirty seconds, printed on one page. */

const at = (offset: number, time: string) => `${dayFrom(offset)}T${time}Z`

/**
 * Dana Whitfield at Northwind, as months of use leave a client: a profile
 * with her style, promises both ways (one of mine overdue), two
 * conversations with journal entries, two attempts unanswered since, a
 * question for next time and a retrospective from the built-in template.
 */
async function seedDana(app: RapportHarness): Promise<string> {
  const page = app.page
  const dana = await createClient(app, 'Dana Whitfield')
  await invoke(page, 'clients:set-stage', { id: dana.id, stage: 'engaged' })
  await invoke(page, 'clients:set-trust', { id: dana.id, trust: 'familiar' })
  await invoke(page, 'clients:update-profile', {
    id: dana.id,
    patch: {
      organisation: 'Northwind',
      role: 'COO',
      contact: { email: 'dana@northwind.example', phone: '+1 212 555 0140' },
      style: {
        channel: 'video',
        detail: 'big-picture',
        opening: 'straight-to-business',
        bestTimes: 'Tue–Thu mornings',
        timeZone: 'America/New_York',
        replyWithin: 'a day'
      },
      person: {
        likes: ['Trail running', 'Good espresso'],
        dislikes: ['Surprise invoices'],
        dates: [{ label: 'Birthday', date: `1979-${dayFrom(9).slice(5)}` }]
      },
      business: {
        goals: 'Cut the ops backlog in half by Q2.',
        pressures: 'A new CFO who questions every outside spend.',
        success: 'The board stops asking about the backlog.'
      },
      followUp: dayFrom(2)
    }
  })
  await invoke(page, 'commitments:add', { clientId: dana.id, by: 'me', what: 'Send the revised scope', due: dayFrom(-3) })
  await invoke(page, 'commitments:add', { clientId: dana.id, by: 'me', what: 'Share the pilot budget', due: dayFrom(4) })
  await invoke(page, 'commitments:add', { clientId: dana.id, by: 'client', what: 'Introduce Priya in finance', due: dayFrom(6) })

  const scope = await invoke(page, 'entries:create', {
    clientId: dana.id,
    title: 'Scope call went sideways',
    body: '## Summary\n\nShe pushed back on the timeline; the pilot has to show results before the board meets.\n\n## Notes\n\nPriya will own the budget.\n'
  })
  const kickoff = await invoke(page, 'entries:create', {
    clientId: dana.id,
    title: 'Kick-off at Northwind',
    body: '## What happened\n\nWarm, guarded. Cares about the ops backlog more than the strategy deck.\n'
  })
  // Titled when made, so saving it does not rename its file.
  const retro = await invoke(page, 'entries:create', { clientId: dana.id, template: 'feedback-retrospective', title: 'Quarterly retrospective' })
  await invoke(page, 'entries:save', {
    id: retro.id,
    title: 'Quarterly retrospective',
    version: retro.version,
    body: '## What worked\n\nThe weekly one-page update.\n\n## What did not\n\nToo many people on the calls.\n\n## What changes\n\n- Send the agenda a day ahead\n- Lead with the numbers\n'
  })
  await invoke(page, 'interactions:add', {
    clientId: dana.id,
    at: at(-20, '15:00:00'),
    channel: 'video',
    direction: 'out',
    outcome: 'meeting',
    note: 'Kick-off'
  })
  await invoke(page, 'interactions:add', { clientId: dana.id, at: at(-9, '14:00:00'), channel: 'phone', direction: 'in', outcome: 'conversation' })
  await invoke(page, 'interactions:add', { clientId: dana.id, at: at(-5, '09:30:00'), channel: 'email', direction: 'out', outcome: 'no-reply' })
  await invoke(page, 'interactions:add', { clientId: dana.id, at: at(-2, '11:00:00'), channel: 'phone', direction: 'out', outcome: 'left-message' })
  // Link each conversation to its entry, and add what the journal taught about her and a question for next time.
  await updateClient(app, dana.id, (data) => {
    for (const interaction of data.interactions) {
      if (interaction.outcome === 'meeting') Object.assign(interaction, { entry: kickoff.id })
      if (interaction.outcome === 'conversation') Object.assign(interaction, { entry: scope.id })
    }
    data.styleNotes = [{ text: 'Wants the numbers before the story', at: dayFrom(-9), entry: scope.id }]
    data.questions = [{ id: 'q_pilot', text: 'Who signs off on the pilot budget?', createdAt: dayFrom(-9) }]
  })
  return dana.id
}

const briefOf = (page: Page) => page.getByRole('article', { name: /./ }).filter({ has: page.locator('.brief-header') })

/** Pages in a PDF: its page objects, not the page tree (`/Pages`). */
const pageCount = (pdf: Uint8Array): number =>
  (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?!s)/g) ?? []
  ).length

/** Renders a PDF's pages to PNGs to look at (`<name>-1.png`…), when poppler is installed; the test does not depend on it. */
async function renderPdf(pdf: Uint8Array, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  const file = join(tmpdir(), `${name}-${process.pid}.pdf`)
  await writeFile(file, pdf)
  await promisify(execFile)('pdftoppm', ['-png', '-r', '60', file, join(SCREENSHOTS, name)]).catch(() => undefined)
  await rm(file, { force: true })
}

test('prepare for a call: open the brief from anywhere, read it in order, follow a conversation, print, save, copy and export it', async ({ app }) => {
  const page = app.page
  await seedDana(app)
  await createClient(app, 'Sam Okafor')
  await page.reload()
  await expect(page.getByRole('option', { name: /Dana Whitfield/ })).toBeVisible()

  // No client selected: Ctrl+Alt+B asks whose brief, a few letters and Enter open it.
  await page.keyboard.press('Control+Alt+B')
  const picker = page.getByRole('combobox', { name: 'Client' })
  await expect(picker).toBeFocused()
  await picker.fill('dan')
  await page.keyboard.press('Enter')
  const brief = briefOf(page)
  await expect(brief.getByRole('heading', { level: 1, name: 'Dana Whitfield' })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Brief' })).toHaveAttribute('aria-selected', 'true')

  // Sections in the order of what matters in the next minutes.
  await expect(brief.locator('[data-section]')).toHaveCount(7)
  const order = await brief.locator('[data-section]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-section')))
  expect(order).toEqual(['style', 'commitments', 'conversations', 'outreach', 'next-time', 'person', 'business'])
  await expect(brief.getByRole('heading', { level: 2 })).toHaveText([
    'How they like to do business',
    'Commitments',
    'Last conversations',
    'Outreach and follow-up',
    'Next time',
    'The person',
    'Their business'
  ])
  await expect(brief.locator('.brief-identity')).toHaveText('COO, Northwind')
  await expect(brief.getByLabel('Status')).toContainText('Engaged')

  // Mine and theirs; the overdue promise says so in words, not only in colour.
  const overdue = brief.locator('.brief-commitment.overdue')
  await expect(overdue).toHaveCount(1)
  await expect(overdue).toContainText('Send the revised scope')
  await expect(overdue).toContainText(/Overdue since/i)
  await expect(brief.getByRole('heading', { name: 'They promised' })).toBeVisible()
  await expect(brief.locator('.brief-columns')).toContainText('Introduce Priya in finance')
  await expect(brief.locator('[data-section=outreach]')).toContainText('2 attempts since you last spoke')
  await expect(brief.locator('[data-section=next-time]')).toContainText('Who signs off on the pilot budget?')
  await expect(brief.locator('[data-section=next-time]')).toContainText('Send the agenda a day ahead')
  await expect(brief.locator('[data-section=conversations]')).toContainText('She pushed back on the timeline')
  await screenshot(app, 'brief.png')
  await brief.locator('[data-section=business]').scrollIntoViewIfNeeded()
  await screenshot(app, 'brief-end.png')

  // On paper only the brief: no sidebar, tabs or buttons.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('toolbar', { name: 'Brief' })).toBeHidden()
  await expect(page.getByRole('tab', { name: 'Brief' })).toBeHidden()
  await expect(page.getByRole('listbox', { name: /clients/i }).first()).toBeHidden()
  await expect(brief.getByRole('heading', { level: 1 })).toBeVisible()
  const a4 = await page.pdf({ format: 'A4' })
  const letter = await page.pdf({ format: 'Letter' })
  await renderPdf(a4, 'brief-a4')
  await renderPdf(letter, 'brief-letter')
  expect(pageCount(a4), 'A4 pages').toBe(1)
  expect(pageCount(letter), 'Letter pages').toBe(1)
  // Back to no emulation (not 'screen': that would stick and make page.pdf print the screen styles).
  await page.emulateMedia({ media: null })

  // Save as PDF: the name suggested, the page printed to the chosen path.
  const pdfPath = join(app.vaultDir, '..', `brief-${Date.now()}.pdf`)
  app.nextSavePath = pdfPath
  await page.getByRole('button', { name: 'Save as PDF…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Saved to ${pdfPath}` })).toBeVisible()
  expect(app.savePrompts.at(-1)?.defaultName).toMatch(/^dana-whitfield-brief-\d{4}-\d{2}-\d{2}\.pdf$/)
  const saved = await readFile(pdfPath)
  expect(saved.subarray(0, 5).toString()).toBe('%PDF-')
  await renderPdf(saved, 'brief-saved')
  expect(pageCount(saved)).toBe(1)

  // Copy: the brief's Markdown on the clipboard.
  await page.getByRole('button', { name: 'Copy' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible()
  expect(app.clipboard.at(-1)).toMatch(/^# Dana Whitfield — Northwind\n/)
  expect(app.clipboard.at(-1)).toContain('**overdue since')

  // Export as Markdown: the same text in the chosen file.
  const mdPath = join(app.vaultDir, '..', `brief-${Date.now()}.md`)
  app.nextSavePath = mdPath
  await page.getByRole('button', { name: 'Export as Markdown…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Saved to ${mdPath}` })).toBeVisible()
  expect(await readFile(mdPath, 'utf8')).toBe(app.clipboard.at(-1))

  // A conversation's link opens its entry in the journal.
  await brief.getByRole('button', { name: 'Scope call went sideways' }).click()
  await expect(page.getByLabel('Title')).toHaveValue('Scope call went sideways')

  // With a client selected, Ctrl+Alt+B opens theirs at once; a new client's brief is only who they are.
  await page.getByRole('option', { name: /Sam Okafor/ }).click()
  await page.keyboard.press('Control+Alt+B')
  await expect(brief.getByRole('heading', { level: 1, name: 'Sam Okafor' })).toBeVisible()
  await expect(brief.locator('[data-section]')).toHaveCount(0)
  await expect(brief.getByLabel('Status')).toContainText('Client since')
})

test('the brief in the dark', async ({ browser }) => {
  const app = await RapportHarness.launch(browser, { colorScheme: 'dark' })
  try {
    await app.open()
    await seedDana(app)
    await app.page.reload()
    await expect(app.page.getByRole('option', { name: /Dana Whitfield/ })).toBeVisible()
    await app.page.getByRole('option', { name: /Dana Whitfield/ }).click()
    await app.page.keyboard.press('Control+Alt+B')
    await expect(briefOf(app.page).locator('[data-section]')).toHaveCount(7)
    await screenshot(app, 'brief-dark.png')
  } finally {
    await app.close()
  }
})

test('a client with years of history, every list at its limit, still prints on one A4 and one Letter page', async ({ browser }) => {
  const vaultDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-brief-'))
  await writeYearsOfHistory(vaultDir, { today: dayFrom(0), years: 3, entries: 160, interactions: 480 })
  const app = await RapportHarness.launch(browser, { vaultDir })
  app.ownsVault = true
  try {
    await app.open()
    await app.page.getByRole('option', { name: /Dana Whitfield/ }).click()
    await app.page.keyboard.press('Control+Alt+B')
    const brief = briefOf(app.page)
    // Every section, the people likely on the call among them (three of seven, the ones just written about first).
    // Three years of a client are read in the background first; on a loaded test machine that takes longer than 5 s.
    await expect(brief.locator('[data-section]')).toHaveCount(8, { timeout: 20_000 })
    await expect(brief.locator('[data-section=people] .brief-stakeholder')).toHaveCount(3)
    await expect(brief.locator('[data-section=people] .brief-stakeholder').first()).toContainText('Priya Shah')
    await expect(brief.getByText(/\+\d+ more/).first()).toBeVisible()
    const a4 = await app.page.pdf({ format: 'A4' })
    const letter = await app.page.pdf({ format: 'Letter' })
    await renderPdf(letter, 'brief-full-letter')
    expect(pageCount(a4), 'A4 pages').toBe(1)
    expect(pageCount(letter), 'Letter pages').toBe(1)
  } finally {
    await app.close()
  }
})
