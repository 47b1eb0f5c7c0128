import { RapportHarness } from './harness/harness'
import { expect, screenshot, test } from './fixtures'

test('first run shows a welcome that says what to do, and loads nothing from outside', async ({ app }) => {
  const page = app.page
  await expect(page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible()
  await expect(page.getByText(app.vaultDir, { exact: false })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add your first client' })).toBeVisible()
  await screenshot(app, 'welcome.png')
  expect(app.blockedRequests).toEqual([])
})

test('the page comes with its Content-Security-Policy as a header too, where frame-ancestors counts', async ({ app }) => {
  const response = await app.page.reload()
  const policy = response?.headers()['content-security-policy'] ?? ''
  expect(policy).toContain("frame-ancestors 'none'")
  expect(policy).toContain("script-src 'self'")
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/)
  await expect(app.page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible()
})

test('the app starts with a clean console: no error or warning (a <meta> policy with frame-ancestors logs one at every start)', async ({ app }) => {
  const logged: string[] = []
  app.page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') logged.push(`${message.type()}: ${message.text()}`)
  })
  app.page.on('pageerror', (error) => logged.push(`uncaught: ${error.message}`))
  await app.page.reload()
  await expect(app.page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible()
  // Past the first paint: warnings from work done just after start (fonts, the vault's first read) would be in by now.
  await app.page.waitForTimeout(500)
  expect(logged).toEqual([])
})

test('dark mode follows the system', async ({ browser }) => {
  const app = await RapportHarness.launch(browser, { colorScheme: 'dark' })
  try {
    await app.open()
    await expect(app.page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible()
    const background = await app.page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number)
    expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(200)
    await screenshot(app, 'welcome-dark.png')
  } finally {
    await app.close()
  }
})
