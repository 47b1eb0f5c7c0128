import { expect, screenshot, test } from './fixtures'

test('from Today, the brief of the client I am about to call is one click away', async ({ app }) => {
  const client = await app.vault.clients.create('Dana Whitfield')
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
  await app.vault.clients.update(app.vault.clients.get(client.id), (data) => {
    data.organisation = 'Northwind'
    data.followUp = yesterday
  })
  await app.page.reload()
  const today = app.page.getByRole('main', { name: 'Today' })
  await expect(today.getByRole('heading', { name: 'Today', exact: true })).toBeVisible()
  await screenshot(app, 'today-brief-buttons.png')
  await today.getByRole('button', { name: 'Brief for Dana Whitfield' }).first().click()
  await expect(app.page.getByRole('tab', { name: 'Brief' })).toHaveAttribute('aria-selected', 'true')
  await expect(app.page.getByRole('article', { name: 'Dana Whitfield' }).getByRole('heading', { name: 'Dana Whitfield', level: 1 })).toBeVisible()
})
