import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import type { RapportHarness } from './harness/harness'
import { SCREENSHOTS, expect, screenshot, test } from './fixtures'
import { EVERYTHING_CHANGED } from './harness/harness'
import { addClient, journalText, startReflection, waitSaved } from './harness/reflection-helpers'
import { dayFrom, seedDana, seedOthers, updateClient } from './harness/relationship-seed'

/** Issue #22: the essays as a coach, on the profile, in the brief, on Today and in the editor. */

const clientFile = async (app: RapportHarness, slug: string) =>
  JSON.parse(await readFile(join(app.vaultDir, 'clients', slug, 'client.json'), 'utf8')) as { interactions: Array<Record<string, unknown>> }

/** Two retrospectives that rated the balance: strong on work, nothing personal, a year apart. */
async function seedRatings(app: RapportHarness, dana: { id: string; slug: string }): Promise<void> {
  const paths: string[] = []
  for (const [id, day, mutual, professional] of [
    ['e_01COACHRETROOLD0000000000', -380, 2, 4],
    ['e_01COACHRETRONEW0000000000', -20, 4, 5]
  ] as const) {
    const stamp = `${dayFrom(day)}T17:00:00Z`
    const path = `clients/${dana.slug}/journal/${dayFrom(day)}-retro-${id.slice(-4)}.md`
    await writeFile(
      join(app.vaultDir, path),
      `---\nid: ${id}\nclient: ${dana.id}\ntitle: Looking back\ncreated: ${stamp}\nupdated: ${stamp}\ntemplate: feedback-retrospective\ntags: []\nmutual: ${mutual}\nprofessional: ${professional}\npersonal: 1\n---\n\n## What worked\n\nThe weekly written update.\n`
    )
    paths.push(path)
  }
  await app.vault.applyChanges(paths)
}

/** Years of outreach with Dana: it has usually taken four tries before she picks up. */
async function seedPersistence(app: RapportHarness, dana: { id: string }): Promise<void> {
  await updateClient(app, dana.id, (data) => {
    const tries = (start: number, count: number, id: string) => [
      ...Array.from({ length: count - 1 }, (_, n) => ({
        id: `i_${id}${n}`,
        at: `${dayFrom(start + n * 2)}T09:00:00Z`,
        channel: 'phone' as const,
        direction: 'out' as const,
        outcome: 'no-reply' as const
      })),
      { id: `i_${id}x`, at: `${dayFrom(start + count * 2)}T09:00:00Z`, channel: 'phone' as const, direction: 'out' as const, outcome: 'conversation' as const }
    ]
    data.interactions = [
      ...tries(-330, 4, 'a'),
      ...tries(-300, 5, 'b'),
      ...tries(-270, 4, 'c'),
      ...tries(-240, 4, 'd'),
      ...tries(-210, 5, 'e'),
      ...tries(-180, 4, 'f'),
      ...data.interactions
    ]
  })
}

async function logValueWithPalette(page: Page): Promise<void> {
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Go to anything' }).fill('value given')
  await expect(page.getByRole('dialog', { name: 'Go to anything' }).getByRole('option', { name: /Log Value Given/ })).toBeVisible()
  await page.keyboard.press('Enter')
}

test('the profile says where you stand and what moves it; value given is logged in one step from the profile, the palette and Today', async ({ app }) => {
  const page = app.page
  const dana = await seedDana(app)
  await seedOthers(app)
  await seedRatings(app, dana)
  await seedPersistence(app, dana)
  await app.emit('vault:changed', EVERYTHING_CHANGED)

  await page.getByRole('option', { name: /Dana Whitfield/ }).click()
  await page.getByRole('tab', { name: 'Profile' }).click()
  const coach = page.getByRole('region', { name: 'Where you stand' })
  await expect(coach.locator('[data-kind=stage]')).toHaveText(
    'Engaged Every promise kept or missed is noticed. Keep small ones on time; ask for feedback early.'
  )
  await expect(coach.locator('[data-kind=trust]')).toContainText('Familiar trust They know your work and count on it.')
  // Rated by two retrospectives: professional up, personal flat at 1 for a year.
  await expect(coach.locator('[data-kind=balance]')).toContainText(
    /Balance \d+ \w+( \d{4})? \(since \d+ \w+( \d{4})?\): mutual 4 ↑ · professional 5 ↑ · personal 1 =/
  )
  // Two quiet attempts now, beside the four it usually takes with her.
  await expect(coach.locator('[data-kind=perseverance]')).toHaveText(/^It usually takes you 4 attempts with Dana Whitfield before a conversation/)
  await expect(coach.locator('[data-kind=value]')).toHaveText('No value given logged yet, either way.')

  // From the profile: one click on what it was, Enter.
  await coach.getByRole('button', { name: 'I added value…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Value given — Dana Whitfield' })
  await dialog.getByRole('button', { name: 'Made an introduction' }).click()
  await expect(dialog.getByLabel('What it was')).toHaveValue('Made an introduction')
  await screenshot(app, 'coach-value-dialog.png')
  await dialog.getByRole('button', { name: 'Log it' }).click()
  await expect(dialog).toBeHidden()
  await expect(coach.locator('[data-kind=value]')).toContainText(/^You last added value on \d+ \w+( \d{4})? \(Made an introduction\)/)
  await screenshot(app, 'coach-profile.png')

  // From the palette: what she did for you.
  await logValueWithPalette(page)
  const fromPalette = page.getByRole('dialog', { name: 'Value given — Dana Whitfield' })
  await fromPalette.getByLabel('They did something for me').check()
  await fromPalette.getByLabel('What it was').fill('Recommended us to Fabrikam')
  await page.keyboard.press('Enter')
  await expect(fromPalette).toBeHidden()
  await expect(coach.locator('[data-kind=value]')).toContainText('they did on')

  const logged = (await clientFile(app, dana.slug)).interactions.filter((i) => i.outcome === 'value-shared')
  expect(logged.map((i) => [i.direction, i.note, i.channel])).toEqual([
    ['out', 'Made an introduction', 'phone'],
    ['in', 'Recommended us to Fabrikam', 'phone']
  ])

  // On the timeline, value given reads as such.
  await page.getByRole('tab', { name: 'Timeline' }).click()
  await expect(page.getByText('You added value (phone)')).toBeVisible()
  await expect(page.getByText('They added value (phone)')).toBeVisible()

  // From Today: Lena is due a reach-out (gone quiet); something useful, not another ask.
  await page.getByRole('button', { name: 'Today', exact: true }).click()
  const quiet = page.getByRole('region', { name: 'Reach out' })
  await expect(quiet).toContainText('Lena Park')
  await screenshot(app, 'coach-today.png')
  await quiet.getByRole('button', { name: 'Log value given to Lena Park' }).click()
  const forLena = page.getByRole('dialog', { name: 'Value given — Lena Park' })
  await forLena.getByRole('button', { name: 'Passed on an article' }).click()
  await forLena.getByRole('button', { name: 'Log it' }).click()
  await expect(forLena).toBeHidden()
  const lena = app.vault.clients.list().find((c) => c.data?.name === 'Lena Park')
  await expect
    .poll(async () => (await clientFile(app, lena?.slug ?? '')).interactions.at(-1))
    .toMatchObject({ outcome: 'value-shared', direction: 'out', note: 'Passed on an article' })
  // Value shared is contact: she is no longer listed to reach out to.
  await expect(quiet).toHaveCount(0)
})

test('the brief says where you stand, what you usually need, and when you last added value, and still prints on one page', async ({ app }) => {
  const page = app.page
  const dana = await seedDana(app)
  await seedRatings(app, dana)
  await seedPersistence(app, dana)
  await updateClient(app, dana.id, (data) => {
    data.interactions.push({
      id: 'i_value',
      at: `${dayFrom(-8)}T12:00:00Z`,
      channel: 'email',
      direction: 'out',
      outcome: 'value-shared',
      note: 'Sent the piece on audit readiness'
    })
  })
  await page.getByRole('option', { name: /Dana Whitfield/ }).click()
  await page.getByRole('tab', { name: 'Brief' }).click()
  const brief = page.getByRole('article')
  await expect(brief.getByRole('list', { name: 'Where you stand' })).toContainText('Engaged: Every promise kept or missed is noticed.')
  await expect(brief.getByRole('list', { name: 'Where you stand' })).toContainText('Familiar trust: They know your work and count on it.')
  await expect(brief.getByRole('list', { name: 'Where you stand' })).toContainText('personal 1 =')
  await expect(brief.locator('[data-section=outreach]')).toContainText('2 attempts since you last spoke')
  await expect(brief.locator('[data-section=outreach]')).toContainText('usually 4 with Dana Whitfield')
  await expect(brief.locator('[data-section=outreach]')).toContainText(/You last added value on \d+ \w+( \d{4})?/)
  // The profile's unanswered line says it too.
  await page.getByRole('tab', { name: 'Profile' }).click()
  await expect(page.getByTestId('outreach')).toHaveText(/^2 attempts since you last spoke, on \d+ \w+( \d{4})? — usually 4 with Dana Whitfield/)
  await page.getByRole('tab', { name: 'Brief' }).click()
  await screenshot(app, 'coach-brief.png')

  await page.emulateMedia({ media: 'print' })
  await screenshot(app, 'coach-brief-print.png')
  const pages = async (format: 'A4' | 'Letter') => {
    const pdf = await page.pdf({ format })
    const file = join(tmpdir(), `coach-brief-${format}-${process.pid}.pdf`)
    await writeFile(file, pdf)
    await promisify(execFile)('pdftoppm', ['-png', '-r', '60', file, join(SCREENSHOTS, `coach-brief-${format.toLowerCase()}`)]).catch(() => undefined)
    return (
      Buffer.from(pdf)
        .toString('latin1')
        .match(/\/Type\s*\/Page(?!s)/g) ?? []
    ).length
  }
  expect(await pages('A4'), 'A4 pages').toBe(1)
  expect(await pages('Letter'), 'Letter pages').toBe(1)
  await page.emulateMedia({ media: null })

  // Coaching off: the guidance goes, the facts (balance, value given) stay.
  await invokeSettings(page, false)
  await page.getByRole('tab', { name: 'Profile' }).click()
  await page.getByRole('tab', { name: 'Brief' }).click()
  await expect(brief.getByRole('list', { name: 'Where you stand' })).not.toContainText('Every promise kept')
  await expect(brief.getByRole('list', { name: 'Where you stand' })).toContainText('personal 1 =')
  await expect(brief.locator('[data-section=outreach]')).not.toContainText('usually 4')
})

async function invokeSettings(page: Page, coaching: boolean): Promise<void> {
  const result = await page.evaluate(async (on) => window.rapport.invoke('settings:update', { coaching: on }), coaching)
  if (!result.ok) throw new Error(result.error.message)
}

test('a reflection shows its prompts as placeholders that vanish as you type, are never saved, and empty sections are left out', async ({ app }) => {
  const page = app.page
  await addClient(page, 'Dana Whitfield')
  await startReflection(page, 'retrospective')
  const editor = page.getByRole('textbox', { name: 'Entry text' })
  await expect(editor).toBeFocused()
  // Each heading shows its guidance in the empty place under it, as a placeholder, not as text.
  const prompts = editor.locator('.template-prompt')
  await expect(prompts.first()).toHaveAttribute('data-prompt', 'Be specific: this is what we keep doing.')
  await expect(editor.locator('[data-prompt="Without blame. What got in the way?"]')).toHaveCount(1)
  await expect(editor).not.toContainText('Be specific')
  await screenshot(app, 'coach-template-placeholders.png')

  // Typing under the first heading: its placeholder goes, the others stay.
  await page.keyboard.type('Short written agendas the day before.')
  await expect(editor.locator('[data-prompt="Be specific: this is what we keep doing."]')).toHaveCount(0)
  await expect(editor.locator('[data-prompt="Without blame. What got in the way?"]')).toHaveCount(1)
  await screenshot(app, 'coach-template-typing.png')

  // The balance of the relationship is asked, optionally, with the mood.
  await page
    .getByRole('group', { name: /Professional, 1/ })
    .getByRole('radio', { name: '5' })
    .check()
  await page
    .getByRole('group', { name: /Personal, 1/ })
    .getByRole('radio', { name: '1' })
    .check()
  await waitSaved(page)
  await expect.poll(() => journalText(app.vaultDir, 'dana-whitfield'), { timeout: 5000 }).toMatch(/\npersonal: 1\n/)
  const text = await journalText(app.vaultDir, 'dana-whitfield')
  expect(text).toMatch(/\nprofessional: 5\n/)
  expect(text).toContain('## What worked\n\nShort written agendas the day before.\n')
  // No prompt was saved, and the sections left empty were left out.
  expect(text).not.toContain('Be specific')
  expect(text).not.toContain('Without blame')
  expect(text).not.toContain('## What did not')
  expect(text).not.toContain('## What they promised')
  // The editor still offers the empty sections while the entry is open.
  await expect(editor.locator('h2', { hasText: 'What did not' })).toBeVisible()
})
