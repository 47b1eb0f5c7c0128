import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { addClient } from './harness/vault-helpers'

test('add, filter, rename and move clients to the trash', async ({ app }) => {
  const page = app.page
  for (const name of ['Northwind Traders', 'Contoso', 'Fabrikam']) await addClient(page, name)
  const clients = page.getByRole('listbox', { name: 'Clients' })
  await expect(clients.getByRole('option')).toHaveCount(3)
  await screenshot(app, 'clients.png')

  await page.getByLabel('Filter clients').fill('north')
  await expect(clients.getByRole('option')).toHaveCount(1)
  await page.getByLabel('Filter clients').fill('')

  await clients.getByRole('option', { name: /Contoso/ }).click()
  await page
    .getByRole('button', { name: /Rename/ })
    .first()
    .click()
  await page.getByLabel('Client name').fill('Contoso Ltd')
  await page.getByRole('button', { name: 'Rename', exact: true }).click()
  await expect(clients.getByRole('option', { name: /Contoso Ltd/ })).toBeVisible()
  expect(existsSync(join(app.vaultDir, 'clients/contoso-ltd/client.json'))).toBe(true)

  await clients.getByRole('option', { name: /Fabrikam/ }).click()
  await page.getByRole('button', { name: 'Move client to trash' }).click()
  await page.getByRole('button', { name: 'Move to trash' }).click()
  await expect(clients.getByRole('option')).toHaveCount(2)
  expect(existsSync(join(app.vaultDir, 'clients/fabrikam'))).toBe(false)
  expect((await readdir(join(app.vaultDir, '.rapport/trash'))).some((name) => name.endsWith('fabrikam'))).toBe(true)
})

test('a name that is not allowed gets a clear message and nothing is created', async ({ app }) => {
  const page = app.page
  await page
    .getByRole('button', { name: /^(New client|Add your first client)$/ })
    .first()
    .click()
  await page.getByLabel('Client name').fill('   ')
  await page.getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('alert')).toContainText(/cannot be empty/)
  expect(existsSync(join(app.vaultDir, 'clients'))).toBe(false)
})
