import { readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { createClient, updateClient } from './harness/relationship-seed'

const fixture = (name: string): string => join(import.meta.dirname, '..', 'src', 'core', 'contacts', 'fixtures', name)

test('import contacts: a preview in both shapes, a merge, a duplicate skipped, one organisation not grouped', async ({ app }) => {
  const page = app.page
  // Someone already here under another name, with an email Google has too; and a client Yuki's name matches.
  const dana = await createClient(app, 'Dana W.')
  await updateClient(app, dana.id, (d) => {
    d.role = 'Chief Operating Officer'
    d.contact = { email: 'dana@northwind.example' }
  })
  await createClient(app, 'Yuki Tanaka')
  const before = await Promise.all(['google.csv', 'linkedin.csv'].map((f) => readFile(fixture(f))))

  await app.emit('command:run', { id: 'contacts.import' })
  const start = page.getByRole('dialog', { name: 'Import contacts' })
  app.nextFiles = [fixture('google.csv'), fixture('linkedin.csv')]
  await start.getByRole('button', { name: 'Choose files…' }).click()
  expect(app.filePrompts.at(-1)).toEqual({ title: 'Import contacts', extensions: ['vcf', 'vcard', 'csv'] })

  const preview = page.getByRole('dialog', { name: 'Contacts preview' })
  await expect(preview.getByRole('list', { name: 'Files' })).toContainText('google.csv — Google Contacts CSV, 3 contacts')
  await expect(preview.getByRole('list', { name: 'Files' })).toContainText('linkedin.csv — LinkedIn connections CSV, 3 contacts')
  const status = preview.getByRole('status').first()
  await expect(status).toHaveText('6 contacts found: 4 new clients, 2 skipped.')
  await expect(preview.getByRole('radio', { name: /Each contact a client — 4 new clients/ })).toBeChecked()
  await expect(preview.getByRole('radio', { name: /One client per organisation, with its people — 3 new clients, 4 people/ })).not.toBeChecked()
  const duplicates = preview.getByRole('region', { name: /Look like someone you have/ })
  await expect(duplicates).toContainText('Dana Whitfield — same email as the client Dana W.')
  await expect(duplicates).toContainText('Yuki Tanaka — same name as the client Yuki Tanaka')
  await screenshot(app, 'contacts-preview-each.png')

  // Grouped by organisation, Contoso left as one client per contact, Dana merged, Yuki skipped.
  await preview.getByRole('radio', { name: /One client per organisation/ }).check()
  await expect(status).toHaveText('6 contacts found: 3 new clients, 4 people, 2 skipped.')
  await preview.getByRole('combobox', { name: 'Contoso as' }).selectOption('client')
  await preview.getByRole('combobox', { name: 'Dana Whitfield: what to do' }).selectOption('merge')
  await expect(status).toHaveText('6 contacts found: 4 new clients, 2 people, 1 merged, 1 skipped.')
  const table = preview.getByRole('table', { name: 'Contacts' })
  await expect(table.getByRole('row', { name: /Priya Raman/ })).toContainText('Person at Northwind Traders')
  await expect(table.getByRole('row', { name: /Tomás Ortega/ })).toContainText('New client')
  await expect(table.getByRole('row', { name: /Dana Whitfield/ })).toContainText('Merged into Dana W.')
  await expect(table.getByRole('row', { name: /Yuki Tanaka/ })).toContainText('Skipped (duplicate)')
  await screenshot(app, 'contacts-preview-grouped.png')

  // Nothing is written before the person confirms.
  expect(
    app.vault.clients
      .list()
      .map((c) => c.data?.name)
      .sort()
  ).toEqual(['Dana W.', 'Yuki Tanaka'])

  await preview.getByRole('button', { name: 'Import 5 contacts' }).click()
  const done = page.getByRole('dialog', { name: 'Contacts imported' })
  await expect(done.getByRole('status')).toContainText('4 clients created.')
  await expect(done.getByRole('status')).toContainText('2 people added to clients.')
  await expect(done.getByRole('status')).toContainText('1 duplicate merged.')
  await expect(done.getByRole('status')).toContainText('1 duplicate skipped.')
  await screenshot(app, 'contacts-imported.png')
  await done.getByRole('button', { name: 'Done' }).click()
  await expect(done).toBeHidden()

  const clients = page.getByRole('listbox', { name: 'Clients' })
  for (const name of ['Northwind Traders', 'Quiet Harbour', 'Tomás Ortega', 'Ingrid Holm'])
    await expect(clients.getByRole('option', { name: new RegExp(name) })).toBeVisible()
  const byName = (name: string) => app.vault.clients.list().find((c) => c.data?.name === name)?.data
  expect(byName('Northwind Traders')?.people.map((p) => p.name)).toEqual(['Priya Raman'])
  expect(byName('Quiet Harbour')?.people.map((p) => p.name)).toEqual(['Marcus Bell'])
  // Merged: empty fields filled, what was written kept.
  expect(byName('Dana W.')).toMatchObject({
    role: 'Chief Operating Officer',
    organisation: 'Northwind Traders',
    contact: { email: 'dana@northwind.example', phone: '+44 20 7946 0000' }
  })
  expect(byName('Dana W.')?.person?.dates).toEqual([
    { label: 'birthday', date: '1980-03-14', repeats: 'yearly' },
    { label: 'anniversary', date: '2010-06-01', repeats: 'yearly' }
  ])
  // The files were only read.
  expect(await Promise.all(['google.csv', 'linkedin.csv'].map((f) => readFile(fixture(f))))).toEqual(before)
})

test('import 1,000 contacts with progress, and cancel part way: what was written stays', async ({ app }) => {
  const page = app.page
  // The menu's command reaches a window that has drawn itself.
  await expect(page.getByRole('button', { name: 'Today' })).toBeVisible()
  await app.emit('command:run', { id: 'contacts.import' })
  app.nextFiles = [fixture('thousand.vcf')]
  await page.getByRole('dialog', { name: 'Import contacts' }).getByRole('button', { name: 'Choose files…' }).click()
  const preview = page.getByRole('dialog', { name: 'Contacts preview' })
  // Reading 1,000 cards takes well under a second alone; on a loaded test machine, longer.
  await expect(preview.getByRole('status').first()).toHaveText('1,000 contacts found: 1,000 new clients.', { timeout: 20_000 })
  await expect(preview.getByText('And 800 more contacts.')).toBeVisible()
  await preview.getByRole('button', { name: 'Import 1,000 contacts' }).click()
  const progress = preview.getByRole('progressbar', { name: 'Import progress' })
  await expect(progress).toBeVisible()
  await preview.getByRole('button', { name: 'Cancel' }).click()
  const done = page.getByRole('dialog', { name: 'Contacts imported' })
  await expect(done.getByRole('status')).toContainText('Import cancelled')
  // What the dialog says was not reached is exactly what is missing on disk: the rest was written and stays.
  const said = (await done.getByRole('status').textContent()) ?? ''
  const notReached = Number(/([\d,]+) clients? not reached/.exec(said)?.[1]?.replace(/,/g, '') ?? 'NaN')
  expect(notReached).toBeGreaterThan(0)
  // Cancelled while the file was still being read, nothing was written, not even the clients folder.
  const folders = await readdir(join(app.vaultDir, 'clients')).catch(() => [])
  expect(folders.length).toBe(1000 - notReached)
})

test('import a CSV Rapport does not know, saying what its columns hold', async ({ app }) => {
  const page = app.page
  const source = join(app.vaultDir, '..', `crm-${Date.now()}.csv`)
  await writeFile(source, 'Who;Where;Reach;Shoe size\nAnn Lee;Lee & Co;ann@lee.example;41\n')
  await expect(page.getByRole('button', { name: 'Today' })).toBeVisible()
  await app.emit('command:run', { id: 'contacts.import' })
  app.nextFiles = [source]
  await page.getByRole('dialog', { name: 'Import contacts' }).getByRole('button', { name: 'Choose files…' }).click()
  const preview = page.getByRole('dialog', { name: 'Contacts preview' })
  await expect(preview.getByRole('status').first()).toHaveText('No contacts were found in these files.')
  await expect(preview.getByText(/no column holds a name/)).toBeVisible()
  await preview.getByRole('combobox', { name: 'Column “Who” holds' }).selectOption('name')
  await expect(preview.getByRole('status').first()).toHaveText('1 contact found: 1 new client.')
  await preview.getByRole('combobox', { name: 'Column “Where” holds' }).selectOption('organisation')
  await preview.getByRole('combobox', { name: 'Column “Reach” holds' }).selectOption('email')
  await expect(preview.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: /Ann Lee/ })).toContainText('ann@lee.example')
  await screenshot(app, 'contacts-columns.png')
  await preview.getByRole('button', { name: 'Import 1 contact' }).click()
  await expect(page.getByRole('dialog', { name: 'Contacts imported' }).getByRole('status')).toContainText('1 client created.')
  expect(app.vault.clients.list().map((c) => [c.data?.name, c.data?.organisation, c.data?.contact?.email])).toEqual([
    ['Ann Lee', 'Lee & Co', 'ann@lee.example']
  ])
  await rm(source)
})

test('export contacts: the client on screen and its people as a vCard file', async ({ app }) => {
  const page = app.page
  const client = await createClient(app, 'Northwind Traders')
  await updateClient(app, client.id, (d) => {
    d.organisation = 'Northwind Traders'
    d.people = [{ id: 'p_priya', name: 'Priya Raman', role: 'Head of Operations', contact: { email: 'priya@northwind.example' } }]
  })
  await page
    .getByRole('listbox', { name: 'Clients' })
    .getByRole('option', { name: /Northwind Traders/ })
    .click()
  await app.emit('command:run', { id: 'contacts.export' })
  const dialog = page.getByRole('dialog', { name: 'Export contacts' })
  await expect(dialog.getByRole('radio', { name: 'Northwind Traders and their people' })).toBeChecked()
  const out = join(app.vaultDir, '..', `contacts-${Date.now()}.vcf`)
  app.nextSavePath = out
  await dialog.getByRole('button', { name: 'Choose file and export…' }).click()
  await expect(dialog.getByRole('status')).toContainText('Exported 1 client and 1 person to')
  const text = await readFile(out, 'utf8')
  expect(text).toContain('FN:Priya Raman')
  expect(text).toContain('TITLE:Head of Operations')
  expect(text).toContain('KIND:org')
  await rm(out)
})
