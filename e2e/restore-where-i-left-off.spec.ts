import { readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { addClient, expectSaved } from './harness/vault-helpers'

/**
 * The renderer's half of window state: the client and entry left open, the
 * view on screen and the entry list's width come back at the next start,
 * from the vault's .rapport/workspace.json. (The window's own size and place
 * are the shell's: e2e/shell-window-state.spec.ts.)
 */

const workspaceFile = (vaultDir: string) => join(vaultDir, '.rapport', 'workspace.json')

test('the client and entry left open, and the entry list’s width, are there again at the next start', async ({ app, browser }) => {
  const page = app.page
  await addClient(page, 'Dana Whitfield')
  for (const title of ['Scope call', 'Budget review']) {
    await page.keyboard.press('Control+n')
    await expect(page.getByLabel('Title')).toHaveValue('')
    await expect(page.getByLabel('Title')).toBeFocused()
    await page.getByLabel('Title').fill(title)
    await page.getByRole('textbox', { name: 'Entry text' }).click()
    await page.keyboard.type(`Notes on the ${title.toLowerCase()}.`)
    await expectSaved(page)
  }
  await addClient(page, 'Ines Moreau')
  await page.getByRole('option', { name: /Dana Whitfield/ }).click()
  await page.getByRole('option', { name: /Scope call/ }).click()
  await expect(page.getByLabel('Title')).toHaveValue('Scope call')

  // The divider between the list and the editor: a separator, wider with the keyboard, then dragged with the mouse.
  const divider = page.getByRole('separator', { name: 'Width of the entry list' })
  const list = page.getByRole('region', { name: 'Entries' })
  await expect(divider).toHaveAttribute('aria-valuenow', '300')
  await divider.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(divider).toHaveAttribute('aria-valuenow', '332')
  const box = await divider.boundingBox()
  if (!box) throw new Error('the divider is not on screen')
  await page.mouse.move(box.x + box.width / 2, box.y + 200)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + 200, { steps: 4 })
  await page.mouse.up()
  await expect(divider).toHaveAttribute('aria-valuenow', '372')
  expect(Math.round((await list.boundingBox())?.width ?? 0)).toBe(372)
  await expect
    .poll(async () => JSON.parse(await readFile(workspaceFile(app.vaultDir), 'utf8').catch(() => '{}')) as unknown)
    .toMatchObject({ view: null, clientId: expect.stringMatching(/^c_/), entryId: expect.stringMatching(/^e_/), journalPaneWidth: 372 })
  await screenshot(app, 'journal-pane-resized.png')

  const next = await app.restart(browser)
  try {
    await next.open()
    const again = next.page
    await expect(again.getByRole('option', { name: /Dana Whitfield/ })).toHaveAttribute('aria-selected', 'true')
    await expect(again.getByRole('option', { name: /Scope call/ })).toHaveAttribute('aria-selected', 'true')
    await expect(again.getByLabel('Title')).toHaveValue('Scope call')
    await expect(again.getByRole('textbox', { name: 'Entry text' })).toContainText('Notes on the scope call.')
    await expect(again.getByRole('separator', { name: 'Width of the entry list' })).toHaveAttribute('aria-valuenow', '372')
    expect(Math.round((await again.getByRole('region', { name: 'Entries' }).boundingBox())?.width ?? 0)).toBe(372)
    // A window too narrow for that width draws the list narrower, and keeps the choice for a wider window.
    await again.setViewportSize({ width: 900, height: 700 })
    await expect(again.getByRole('separator', { name: 'Width of the entry list' })).toHaveAttribute('aria-valuenow', '300')
    await again.setViewportSize({ width: 1280, height: 800 })
    await expect(again.getByRole('separator', { name: 'Width of the entry list' })).toHaveAttribute('aria-valuenow', '372')
  } finally {
    await next.close({ keepVault: true })
  }
})

test('the view left on screen comes back; an entry or client that is gone since is passed over quietly', async ({ app, browser }) => {
  const page = app.page
  await addClient(page, 'Ines Moreau')
  await addClient(page, 'Dana Whitfield')
  await page.keyboard.press('Control+n')
  await page.getByLabel('Title').fill('Gone soon')
  await expectSaved(page)
  await page.getByRole('list', { name: 'Views' }).getByRole('button', { name: 'Commitments' }).click()
  await expect(page.getByRole('main', { name: 'Commitments' })).toBeVisible()
  await expect.poll(async () => (await readFile(workspaceFile(app.vaultDir), 'utf8').catch(() => '')).includes('"view": "commitments"')).toBe(true)

  let next = await app.restart(browser)
  await next.open()
  await expect(next.page.getByRole('main', { name: 'Commitments' })).toBeVisible()
  // Back to the journal with the entry open; then the entry goes while the app is closed: the client's journal opens, no entry, no alarm.
  await next.page.getByRole('option', { name: /Dana Whitfield/ }).click()
  await next.page.getByRole('option', { name: /Gone soon/ }).click()
  await expect.poll(async () => (await readFile(workspaceFile(app.vaultDir), 'utf8')).includes('"view": null')).toBe(true)
  next = await next.restart(browser)
  const journal = join(app.vaultDir, 'clients', 'dana-whitfield', 'journal')
  for (const file of await readdir(journal)) await rm(join(journal, file))
  await next.open()
  await expect(next.page.getByRole('option', { name: /Dana Whitfield/ })).toHaveAttribute('aria-selected', 'true')
  await expect(next.page.getByText('No entries yet.', { exact: false })).toBeVisible()
  await expect(next.page.getByRole('alert')).toHaveCount(0)

  // The client goes too: Today, as for a vault with nothing kept.
  next = await next.restart(browser)
  await rm(join(app.vaultDir, 'clients', 'dana-whitfield'), { recursive: true })
  await next.open()
  try {
    await expect(next.page.getByRole('main', { name: 'Today' })).toBeVisible()
    await expect(next.page.getByRole('alert')).toHaveCount(0)
  } finally {
    await next.close({ keepVault: true })
  }
})
