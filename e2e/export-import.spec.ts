import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { RapportHarness } from './harness/harness'
import { expect, screenshot, test } from './fixtures'
import { createClient, seedDana } from './harness/relationship-seed'

/** Every file under a folder, as paths relative to it, sorted. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort()
}

/** Each file's bytes and modification time, to prove a folder was only read. */
async function fingerprint(root: string): Promise<Record<string, { text: string; mtimeMs: number }>> {
  const out: Record<string, { text: string; mtimeMs: number }> = {}
  for (const path of await filesUnder(root)) {
    out[path] = { text: (await readFile(join(root, path))).toString('base64'), mtimeMs: (await stat(join(root, path))).mtimeMs }
  }
  return out
}

const tempFolder = (name: string) => mkdtemp(join(tmpdir(), `rapport-${name}-`))

async function openClient(page: Page, name: string): Promise<void> {
  await page
    .getByRole('listbox', { name: 'Clients' })
    .getByRole('option', { name: new RegExp(name) })
    .click()
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
}

/**
 * Sends the menu's Import command until its dialog opens. A menu command is dropped when no view has it registered
 * and enabled (Import needs the vault's info: `canWrite`); right after seeding the window is still reading the vault,
 * and on a loaded machine one command sent then was ignored, so the dialog never came (seen in a full e2e run).
 */
async function openImport(app: RapportHarness): Promise<Locator> {
  const dialog = app.page.getByRole('dialog', { name: 'Import Markdown notes' })
  await expect(async () => {
    if (!(await dialog.isVisible())) await app.emit('command:run', { id: 'vault.import' })
    await expect(dialog).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  return dialog
}

test('export a client as a folder, and replace earlier files only after saying yes', async ({ app }) => {
  const page = app.page
  await seedDana(app)
  await openClient(page, 'Dana Whitfield')
  await page.getByRole('button', { name: 'Export client…' }).click()

  const dialog = page.getByRole('dialog', { name: 'Export to Markdown' })
  await expect(dialog.getByRole('radio', { name: 'A client' })).toBeChecked()
  await expect(dialog.getByRole('combobox', { name: 'Client' })).toHaveValue(app.vault.clients.list()[0]!.id)
  await expect(dialog.getByRole('radio', { name: /^A folder/ })).toBeChecked()
  await dialog.getByRole('checkbox', { name: /Keep YAML front matter/ }).uncheck()
  await expect(dialog.getByText('Writes 4 files: 1 client profile, 3 entries.')).toBeVisible()
  await screenshot(app, 'export-dialog.png')

  const out = await tempFolder('export')
  app.nextFolder = out
  await dialog.getByRole('button', { name: 'Choose folder and export…' }).click()
  await expect(dialog.getByText(`Exported 4 files to ${out}.`)).toBeVisible()
  expect(app.folderPrompts.at(-1)?.title).toBe('Export to a folder')

  const files = await filesUnder(out)
  expect(files).toHaveLength(4)
  const [folder] = files[0]!.split('/')
  expect(files).toContain(`${folder}/profile.md`)
  const entries = files.filter((f) => f.startsWith(`${folder}/entries/`))
  expect(entries).toHaveLength(3)
  for (const entry of entries) {
    const text = await readFile(join(out, entry), 'utf8')
    // No front matter: a title heading and a readable date line instead.
    expect(text.startsWith('---')).toBe(false)
    expect(text).toMatch(/^# /)
  }
  const scope = entries.find((f) => f.includes('scope-call'))!
  expect(await readFile(join(out, scope), 'utf8')).toContain('She pushed back on the timeline.')
  expect(await readFile(join(out, `${folder}/profile.md`), 'utf8')).toContain('Dana Whitfield')
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()

  // Someone edits an exported file; exporting again into the same folder must ask before replacing it.
  const profile = join(out, `${folder}/profile.md`)
  await writeFile(profile, 'my own notes\n')
  await page.keyboard.press('Control+Alt+e')
  const again = page.getByRole('dialog', { name: 'Export to Markdown' })
  await again.getByRole('checkbox', { name: /Keep YAML front matter/ }).uncheck()
  await expect(again.getByText('Writes 4 files: 1 client profile, 3 entries.')).toBeVisible()
  await again.getByRole('button', { name: 'Choose folder and export…' }).click()
  const question = page.getByRole('dialog', { name: 'Replace existing files?' })
  await expect(question).toContainText(`4 files of this export already exist in ${out}. Replace them?`)
  await question.getByRole('button', { name: 'Don’t replace' }).click()
  await expect(question).toBeHidden()
  await expect(again.getByRole('status')).toHaveText(`Nothing was written to ${out}.`)
  expect(await readFile(profile, 'utf8')).toBe('my own notes\n')
  expect(await filesUnder(out)).toEqual(files)

  await again.getByRole('button', { name: 'Choose folder and export…' }).click()
  await question.getByRole('button', { name: 'Replace', exact: true }).click()
  await expect(again.getByText(`Exported 4 files to ${out}.`)).toBeVisible()
  expect(await readFile(profile, 'utf8')).toContain('Dana Whitfield')
  expect(await filesUnder(out)).toEqual(files)
  await rm(out, { recursive: true, force: true })
})

/** Writes `count` entries for a client straight to disk, as years of use would leave them, and tells the vault. */
async function seedManyEntries(app: RapportHarness, client: { id: string; slug: string }, count: number): Promise<string[]> {
  const folder = join(app.vaultDir, 'clients', client.slug, 'journal')
  await mkdir(folder, { recursive: true })
  const ids: string[] = []
  const paths: string[] = []
  for (let i = 0; i < count; i++) {
    const id = `e_01BULK${String(i).padStart(19, '0')}`
    const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
    const name = `${day}-call-${i}.md`
    await writeFile(
      join(folder, name),
      `---\nid: ${id}\nclient: ${client.id}\ntitle: Call ${i}\ncreated: ${day}T10:00:00.000Z\nupdated: ${day}T10:00:00.000Z\ntags: []\n---\n\nNotes from call ${i}.\n`
    )
    ids.push(id)
    paths.push(`clients/${client.slug}/journal/${name}`)
  }
  await app.emit('vault:changed', await app.vault.applyChanges(paths))
  return ids
}

test('a long export of the whole vault shows its progress and stops when cancelled', async ({ app }) => {
  const page = app.page
  const bulk = await createClient(app, 'Bulk Holdings')
  const ids = await seedManyEntries(app, bulk, 400)
  await expect(page.getByRole('listbox', { name: 'Clients' }).getByRole('option', { name: /Bulk Holdings/ })).toBeVisible()
  // One earlier version, of the 150th entry: the export writes it right after that entry.
  await app.vault.history.keep(ids[149]!, '---\ntitle: Call 149\n---\n\nAn older draft.\n')

  // The export is held while it reads that version (the core's own history store, in this process),
  // so Cancel is pressed while it is certainly still running: no race with a fast disk.
  const history = app.vault.history
  const read = history.read.bind(history)
  let release = (): void => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  let reached = (): void => undefined
  const reading = new Promise<void>((resolve) => (reached = resolve))
  history.read = async (entryId, snapshotId) => {
    reached()
    await held
    return read(entryId, snapshotId)
  }

  await page.keyboard.press('Control+Alt+e')
  const dialog = page.getByRole('dialog', { name: 'Export to Markdown' })
  await expect(dialog.getByRole('radio', { name: 'The whole vault' })).toBeChecked()
  await dialog.getByRole('checkbox', { name: 'Include earlier versions (history)' }).check()
  await expect(dialog.getByText('Writes 402 files: 1 client profile, 400 entries, 1 earlier version.')).toBeVisible()

  const out = await tempFolder('export-all')
  app.nextFolder = out
  await dialog.getByRole('button', { name: 'Choose folder and export…' }).click()
  await reading
  const bar = dialog.getByRole('progressbar', { name: 'Export progress' })
  await expect(bar).toHaveAttribute('aria-valuemax', '402')
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(1)
  await expect(bar).toHaveAttribute('aria-valuetext', /^\d+ of 402 files$/)
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await screenshot(app, 'export-progress.png')

  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(bar).toHaveAttribute('aria-valuetext', 'Stopping after the current file…')
  release()
  // The profile, 150 entries, then the version being written when Cancel came: the file in hand is finished, no more.
  await expect(dialog.getByRole('status')).toHaveText(`Export cancelled. 152 files of 402 had been written to ${out}; they are still there.`)
  expect(await filesUnder(out)).toHaveLength(152)
  await rm(out, { recursive: true, force: true })
})

test('import a folder of notes: preview first, then the notes land where the preview said', async ({ app }) => {
  const page = app.page
  await seedDana(app)

  const source = await tempFolder('import')
  await mkdir(join(source, 'Orion Labs'))
  await mkdir(join(source, 'Dana Whitfield'))
  await writeFile(
    join(source, 'Orion Labs', 'kickoff.md'),
    '---\ntitle: Kickoff with Orion\ncreated: 2025-03-04T09:00:00Z\ntags: [kickoff, new]\n---\n\nThey want a pilot by June.\n'
  )
  await writeFile(join(source, 'Orion Labs', 'budget.md'), '# Budget talk\n\nFinance signs off in May.\n')
  await writeFile(join(source, 'Dana Whitfield', 'hallway.md'), '---\ntitle: Hallway chat\ncreated: 2025-05-01\n---\n\nShe mentioned the audit again.\n')
  // The same title and text as an entry Dana's journal already has.
  await writeFile(join(source, 'scope-copy.md'), '---\ntitle: Scope call went sideways\n---\n\nShe pushed back on the timeline. I promised a revised scope.\n')
  await writeFile(join(source, 'loose thought.md'), 'Remember to renew the domain.\n')
  await writeFile(join(source, 'diagram.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const before = await fingerprint(source)

  // As the application menu sends it.
  const dialog = await openImport(app)
  app.nextFolder = source
  await dialog.getByRole('button', { name: 'Choose folder…' }).click()

  const preview = page.getByRole('dialog', { name: 'Import preview' })
  await expect(preview.getByRole('status').first()).toHaveText('5 notes found: 4 to import, 1 duplicate to skip.')
  const where = preview.getByRole('table')
  await expect(where.getByRole('row', { name: /Orion Labs/ })).toContainText('new client')
  await expect(
    where
      .getByRole('row', { name: /Orion Labs/ })
      .getByRole('cell')
      .first()
  ).toHaveText('2')
  await expect(
    where
      .getByRole('row', { name: /Dana Whitfield/ })
      .getByRole('cell')
      .first()
  ).toHaveText('1')
  await expect(preview.getByRole('region', { name: /New clients/ })).toContainText('Orion Labs')
  await expect(preview.getByRole('checkbox', { name: /Create these clients/ })).toBeChecked()
  await expect(preview.getByRole('region', { name: /Look like duplicates/ })).toContainText('Scope call went sideways')
  await expect(preview.getByRole('radio', { name: 'Skip duplicates' })).toBeChecked()
  await expect(preview.getByText('1 other file (images, PDFs…) is left where it is.')).toBeVisible()
  await screenshot(app, 'import-preview.png')

  // Nothing is written before the person confirms.
  expect(app.vault.clients.list().map((c) => c.data?.name)).toEqual(['Dana Whitfield'])

  await preview.getByRole('button', { name: 'Import 4 notes' }).click()
  const done = page.getByRole('dialog', { name: 'Import finished' })
  await expect(done.getByRole('status')).toContainText('Imported 4 notes.')
  await expect(done.getByRole('status')).toContainText('1 duplicate skipped.')
  await expect(done.getByRole('status')).toContainText('1 client created: Orion Labs.')
  await done.getByRole('button', { name: 'Done' }).click()
  await expect(done).toBeHidden()

  await openClient(page, 'Orion Labs')
  const entries = page.getByRole('listbox', { name: 'Entries' })
  await expect(entries.getByRole('option', { name: /Kickoff with Orion/ })).toBeVisible()
  await expect(entries.getByRole('option', { name: /Budget talk/ })).toBeVisible()
  await openClient(page, 'Dana Whitfield')
  await expect(entries.getByRole('option', { name: /Hallway chat/ })).toBeVisible()
  await expect(entries.getByRole('option', { name: /Scope call went sideways/ })).toHaveCount(1)

  // The source folder was only read.
  expect(await fingerprint(source)).toEqual(before)
  await rm(source, { recursive: true, force: true })
})

test('import two Markdown files chosen on their own, not the folder they are in', async ({ app }) => {
  const page = app.page
  await seedDana(app)
  const source = await tempFolder('import-files')
  await writeFile(join(source, 'renewal.md'), '# Renewal terms\n\nShe wants a two-year option.\n')
  await writeFile(join(source, 'offsite.markdown'), '---\ntitle: Offsite plans\n---\n\nBerlin in October.\n')
  await writeFile(join(source, 'not chosen.md'), '# Not chosen\n\nStays out.\n')
  const before = await fingerprint(source)

  const dialog = await openImport(app)
  app.nextFiles = [join(source, 'renewal.md'), join(source, 'offsite.markdown')]
  await expect(dialog.getByRole('button', { name: 'Choose folder…' })).toBeFocused()
  await screenshot(app, 'import-choose.png')
  await dialog.getByRole('button', { name: 'Choose files…' }).click()

  const preview = page.getByRole('dialog', { name: 'Import preview' })
  await expect(preview.getByRole('status').first()).toHaveText('2 notes found: 2 to import.')
  expect(app.filePrompts).toEqual([{ title: 'Import Markdown notes', extensions: ['md', 'markdown'] }])
  expect(app.folderPrompts).toEqual([])
  // Choosing again asks for files again.
  await expect(preview.getByRole('button', { name: 'Choose other files…' })).toBeVisible()
  await preview.getByLabel('Send notes to').selectOption({ label: 'All to Dana Whitfield' })
  await expect(preview.getByRole('button', { name: 'Import 2 notes' })).toBeEnabled()
  await preview.getByRole('button', { name: 'Import 2 notes' }).click()
  const done = page.getByRole('dialog', { name: 'Import finished' })
  await expect(done.getByRole('status')).toContainText('Imported 2 notes.')
  await done.getByRole('button', { name: 'Done' }).click()

  await openClient(page, 'Dana Whitfield')
  const entries = page.getByRole('listbox', { name: 'Entries' })
  await expect(entries.getByRole('option', { name: /Renewal terms/ })).toBeVisible()
  await expect(entries.getByRole('option', { name: /Offsite plans/ })).toBeVisible()
  await expect(entries.getByRole('option', { name: /Not chosen/ })).toHaveCount(0)
  expect(await fingerprint(source)).toEqual(before)
  await rm(source, { recursive: true, force: true })
})
