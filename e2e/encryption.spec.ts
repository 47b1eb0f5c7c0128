import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { RapportHarness } from './harness/harness'
import { expect, screenshot, test } from './fixtures'
import { verticalGap } from './layout'
import { deflateSync, crc32 } from 'node:zlib'
import { randomBytes } from 'node:crypto'
import { sealingThread } from '../src/core/fs/sealing-thread'
import { giveFile, writeEntry } from './harness/vault-helpers'

const PASSPHRASE = 'blue heron at dawn'
const SECRET = 'Quietly renegotiating the Falkirk retainer'
/**
 * Encrypting, unlocking and checking a passphrase derive a key with the app's real Argon2id cost (64 MiB, 2 passes),
 * in this test's own process (e2e/harness). Alone that is well under a second; on a 2-core CI machine running other
 * suites it has taken more than the default 5 s, so every wait on a key derivation gets this bound.
 */
const KEY_DERIVATION = { timeout: 30_000 }

/** Every file under the vault, raw, as someone holding the disk sees it. */
async function rawFiles(root: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  const found: Array<{ path: string; bytes: Buffer }> = []
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const item of await readdir(dir, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${item.name}` : item.name
      if (item.isDirectory()) await walk(join(dir, item.name), path)
      else found.push({ path, bytes: await readFile(join(dir, item.name)) })
    }
  }
  await walk(root, '')
  return found
}

async function command(app: RapportHarness, id: 'vault.lock' | 'vault.security'): Promise<void> {
  await app.emit('command:run', { id })
}

async function encryptThroughTheDialog(app: RapportHarness): Promise<void> {
  const page = app.page
  await command(app, 'vault.security')
  const dialog = page.getByRole('dialog', { name: 'Encryption' })
  await expect(dialog.getByText('cannot be recovered')).toBeVisible()
  await dialog.getByLabel('New passphrase').fill(PASSPHRASE)
  await dialog.getByLabel('Type it again').fill(`${PASSPHRASE}!`)
  await dialog.getByRole('button', { name: 'Encrypt Vault' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('The two passphrases are not the same.')
  await dialog.getByLabel('Type it again').fill(PASSPHRASE)
  await screenshot(app, 'encryption-turn-on.png')
  await dialog.getByRole('button', { name: 'Encrypt Vault' }).click()
  await expect(dialog.getByText(/encrypted with XChaCha20-Poly1305.*Argon2id \(64 MiB, 2 passes, 1 lane\)/)).toBeVisible(KEY_DERIVATION)
}

async function unlock(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase').fill(passphrase)
  await page.getByRole('button', { name: 'Unlock' }).click()
}

test('turn encryption on, lock, a wrong passphrase, unlock, search, and export only after a yes', async ({ app, browser }) => {
  test.setTimeout(90_000)
  const page = app.page
  await writeEntry(page, 'Falkirk Partners', 'Retainer thoughts', SECRET)

  await encryptThroughTheDialog(app)
  // "Lock after" sits with its choice, clear of the paragraph above it (it was jammed under it).
  const settings = page.getByRole('dialog', { name: 'Encryption' })
  const lockAfter = settings.getByText('Lock after', { exact: true })
  const aboveGap = await verticalGap(settings.getByText(/encrypted with XChaCha20-Poly1305/), lockAfter)
  const belowGap = await verticalGap(lockAfter, settings.getByLabel('Lock after'))
  expect(aboveGap).toBeGreaterThanOrEqual(12)
  expect(belowGap).toBeLessThan(aboveGap)
  await expect(settings.getByLabel('Lock after')).toHaveAccessibleDescription(/without using Rapport/)
  await screenshot(app, 'encryption-settings.png')
  await page.getByRole('button', { name: 'Close' }).click()
  // Nothing readable on disk: not the text, not the client's name in any file or folder name.
  for (const { path, bytes } of await rawFiles(app.vaultDir)) {
    expect(path.toLowerCase()).not.toContain('falkirk')
    expect(bytes.includes(Buffer.from('Falkirk')), `${path} holds the client's name in the clear`).toBe(false)
  }
  // Still open after encrypting: the entry is on screen, and editing goes on.
  await expect(page.getByRole('textbox', { name: 'Entry text' })).toContainText(SECRET)

  // Lock now (Ctrl+Alt+L): the lock screen replaces the whole app; no decrypted text stays in the page.
  await page.keyboard.press('Control+Alt+l')
  await expect(page.getByRole('heading', { name: 'Rapport is locked' })).toBeVisible()
  expect(await page.content()).not.toContain('Falkirk')
  expect(app.session.status()).toMatchObject({ encrypted: true, locked: true })

  const before = await rawFiles(app.vaultDir)
  await unlock(page, 'blue heron at dusk')
  await expect(page.getByRole('alert')).toContainText('does not unlock this vault', KEY_DERIVATION)
  await screenshot(app, 'lock-screen-wrong.png')
  // A wrong passphrase changed nothing on disk.
  expect((await rawFiles(app.vaultDir)).map((f) => f.path)).toEqual(before.map((f) => f.path))
  await unlock(page, PASSPHRASE)
  await expect(page.getByRole('option', { name: /Falkirk Partners/ })).toBeVisible(KEY_DERIVATION)

  // Search works on the unlocked vault (its index cache, if any, is sealed like the rest).
  await page.keyboard.press('Control+Shift+f')
  await page.getByRole('searchbox', { name: /Search every entry/ }).fill('renegotiating')
  const result = page
    .getByRole('listbox', { name: /Results/ })
    .getByRole('option')
    .first()
  await expect(result).toContainText('Retainer thoughts')
  await result.click()
  await expect(page.getByRole('textbox', { name: 'Entry text' })).toContainText(SECRET)

  // Export asks first; "Cancel" writes nothing, "Export Unencrypted" writes plain Markdown.
  const out = await mkdtemp(join(tmpdir(), 'rapport-plain-'))
  app.nextSavePath = join(out, 'retainer.md')
  await page.keyboard.press('Control+Shift+e')
  const confirm = page.getByRole('dialog', { name: 'Export unencrypted?' })
  await expect(confirm).toContainText('written unencrypted')
  await screenshot(app, 'export-unencrypted.png')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  expect(await readdir(out)).toEqual([])
  expect(app.savePrompts).toHaveLength(0)
  await page.keyboard.press('Control+Shift+e')
  await page.getByRole('dialog', { name: 'Export unencrypted?' }).getByRole('button', { name: 'Export Unencrypted' }).click()
  await expect.poll(async () => readdir(out)).toEqual(['retainer.md'])
  expect(await readFile(join(out, 'retainer.md'), 'utf8')).toContain(SECRET)

  // Quit and start again: the app opens on the lock screen.
  const restarted = await app.restart(browser)
  try {
    await restarted.open()
    await expect(restarted.page.getByRole('heading', { name: 'Rapport is locked' })).toBeVisible()
    await screenshot(restarted, 'lock-screen.png')
    await unlock(restarted.page, PASSPHRASE)
    await expect(restarted.page.getByRole('option', { name: /Falkirk Partners/ })).toBeVisible(KEY_DERIVATION)
  } finally {
    await restarted.close()
  }
})

/** A PNG of `width` × `height` pixels of noise (which does not compress): a photo's weight in a file any browser decodes. */
function noisyPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(typed))
    return Buffer.concat([length, typed, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8 bits per channel, RGB, no interlace
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)])))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0))
  ])
}

test('a photo pasted into an entry of an encrypted vault is sealed on its own thread, shown, and nowhere in the clear', async ({ app }) => {
  test.setTimeout(90_000)
  const page = app.page
  await writeEntry(page, 'Falkirk Partners', 'Site visit', 'The yard, from the gate: ')
  await encryptThroughTheDialog(app)
  await page.getByRole('button', { name: 'Close' }).click()
  const photo = noisyPng(640, 480)
  const before = { ...sealingThread.stats }
  await giveFile(page, 'paste', 'yard.png', 'image/png', photo)
  const image = page.getByRole('textbox', { name: 'Entry text' }).locator('.entry-image img')
  await expect(image).toHaveCount(1)
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640)
  // Sealed when added, opened when shown: each on the sealing thread, not the one answering the window.
  expect(sealingThread.stats.onThread - before.onThread).toBeGreaterThanOrEqual(2)
  await screenshot(app, 'encrypted-photo.png')
  const pixels = photo.subarray(photo.length - 4096, photo.length - 4032)
  for (const { path, bytes } of await rawFiles(app.vaultDir)) {
    expect(path.toLowerCase()).not.toContain('yard')
    expect(bytes.includes(pixels), `${path} holds the photo in the clear`).toBe(false)
  }
})

test('locks itself after the chosen time without use, having saved the open entry', async ({ browser }) => {
  test.setTimeout(90_000)
  // One "minute" of the setting lasts 400 ms here.
  const app = await RapportHarness.launch(browser, { minuteMs: 400 })
  try {
    await app.open()
    const page = app.page
    await writeEntry(page, 'Harbour Trust', 'Call notes', 'First line.')
    await encryptThroughTheDialog(app)
    await app.page.getByLabel('Lock after').selectOption({ label: '5 minutes' })
    await expect.poll(() => app.session.status().autoLockMinutes).toBe(5)
    await page.getByRole('button', { name: 'Close' }).click()
    // Typed just before stepping away, not yet saved: the lock saves it first.
    await page.getByRole('textbox', { name: 'Entry text' }).click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Typed before stepping away.')
    await expect(page.getByRole('heading', { name: 'Rapport is locked' })).toBeVisible({ timeout: 15_000 })
    await unlock(page, PASSPHRASE)
    await page.getByRole('option', { name: /Harbour Trust/ }).click()
    await page.getByRole('option', { name: /Call notes/ }).click()
    await expect(page.getByRole('textbox', { name: 'Entry text' })).toContainText('Typed before stepping away.')
  } finally {
    await app.close()
  }
})

test('turn encryption off again: the files are plain Markdown once more', async ({ app }) => {
  test.setTimeout(90_000)
  const page = app.page
  await writeEntry(page, 'Glen Advisory', 'Plain again', SECRET)
  await encryptThroughTheDialog(app)
  const dialog = page.getByRole('dialog', { name: 'Encryption' })
  await dialog.getByLabel('Passphrase').fill('not the passphrase')
  await dialog.getByRole('button', { name: 'Turn Off Encryption' }).click()
  await expect(dialog.getByRole('alert')).toContainText('does not unlock this vault', KEY_DERIVATION)
  await dialog.getByLabel('Passphrase').fill(PASSPHRASE)
  await dialog.getByRole('button', { name: 'Turn Off Encryption' }).click()
  await expect(dialog).toBeHidden(KEY_DERIVATION)
  const files = await readdir(join(app.vaultDir, 'clients', 'glen-advisory', 'journal'))
  const [entry] = files.filter((f) => f.endsWith('.md'))
  expect(await readFile(join(app.vaultDir, 'clients', 'glen-advisory', 'journal', entry!), 'utf8')).toContain(SECRET)
  expect(app.session.status()).toMatchObject({ encrypted: false, locked: false })
})
