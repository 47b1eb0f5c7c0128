import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { Socket } from 'node:net'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { APP_ORIGIN } from './harness/serve-renderer'
import type { RapportHarness } from './harness/harness'
import { dayFrom, seedDana, seedOthers } from './harness/relationship-seed'

/**
 * Issue #10: Rapport makes no network request in normal use. A vault as
 * months of use leave it, then every view the sidebar lists, every tab a
 * client has, an entry, its history, the brief, the template picker, search
 * and the palette — while four recorders listen: Playwright's requests for
 * the whole browser context (pages, popups, workers), Chromium's own Network
 * domain, the page's Content-Security-Policy violations (a load the CSP
 * stopped is a load the app tried), and every socket Node opens in this
 * process, where the harness runs the real core.
 *
 * Views are read from the UI, not listed here, so a view added later is
 * visited too; the counts only guard against the tour silently finding none.
 */
const GLOBAL_VIEWS_AT_LEAST = 5 // Today, Commitments, Templates, Reflections, Trash
const CLIENT_TABS_AT_LEAST = 5 // Journal, Brief, Profile, Timeline, Reflections

/** The app's own files; data: and blob: URLs never leave the page. */
const isOwn = (url: string) => url.startsWith(`${APP_ORIGIN}/`) || /^(data|blob|about):/.test(url)

interface Recorders {
  requests: string[]
  chromium: string[]
  popups: string[]
  cspViolations(): Promise<string[]>
}

async function record(app: RapportHarness): Promise<Recorders> {
  const page = app.page
  const requests: string[] = []
  const chromium: string[] = []
  const popups: string[] = []
  app.context.on('request', (request) => requests.push(request.url()))
  app.context.on('page', (opened) => {
    if (opened !== page) popups.push(opened.url())
  })
  const cdp = await app.context.newCDPSession(page)
  await cdp.send('Network.enable')
  cdp.on('Network.requestWillBeSent', (event) => chromium.push(event.request.url))
  cdp.on('Network.webSocketCreated', (event) => chromium.push(event.url))
  // Installed before the app's own scripts run, on every load from now on.
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (event) => {
      const line = `${event.violatedDirective} ${event.blockedURI} (from ${event.sourceFile.replace(/^.*\//, '')}:${event.lineNumber}:${event.columnNumber})`
      // The page has its policy twice (the header and its own <meta>), and each reports the same attempt: one line per attempt.
      if (!seen.includes(line)) seen.push(line)
    })
  })
  return {
    requests,
    chromium,
    popups,
    cspViolations: () => page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])])
  }
}

/** Reflections from a template (so the Reflections views have a scale to draw), a template of my own, an entry in the trash. */
async function seedTheRest(app: RapportHarness, dana: { id: string; slug: string }): Promise<void> {
  const journal = join(app.vaultDir, 'clients', dana.slug, 'journal')
  // Pictures of the vault's own (issue #18), one an SVG whose script would fetch from the web if it ever ran.
  const attachments = join(app.vaultDir, 'clients', dana.slug, 'attachments')
  await mkdir(attachments, { recursive: true })
  for (const name of ['whiteboard.png', 'with-script.svg'])
    await copyFile(join(import.meta.dirname, '../src/core/attachments/fixtures', name), join(attachments, name))
  const paths: string[] = []
  for (const [day, mood] of [
    [-30, 2],
    [-9, 4]
  ] as const) {
    const name = `${dayFrom(day)}-after-the-review.md`
    const stamp = `${dayFrom(day)}T18:00:00Z`
    await writeFile(
      join(journal, name),
      `---\nid: e_01SEEDREFLECT${String(-day).padStart(11, '0')}\nclient: ${dana.id}\ntitle: After the review\ncreated: ${stamp}\nupdated: ${stamp}\ntemplate: after-difficult-meeting\nmood: ${mood}\ntags: []\n---\n\n## What happened, in facts\n\n- She read the numbers aloud. See [the board pack](https://northwind.example/board) and ![the chart](https://intranet.northwind.example/chart.png).\n\n![whiteboard](../attachments/whiteboard.png) ![sketch](../attachments/with-script.svg)\n`
    )
    paths.push(`clients/${dana.slug}/journal/${name}`)
  }
  await app.vault.applyChanges(paths)
  await mkdir(join(app.vaultDir, 'templates'), { recursive: true })
  await writeFile(
    join(app.vaultDir, 'templates', 'weekly-check-in.md'),
    '---\nid: weekly-check-in\nname: Weekly check-in\n---\n\n## How are they doing?\n\n- \n'
  )
  const gone = await app.vault.entries.create({ clientId: dana.id, folder: `clients/${dana.slug}/journal`, title: 'Draft I threw away', body: 'Not needed.\n' })
  await app.vault.entries.trash(gone.id)
}

/** Lets anything a view starts after it is shown (lazy loads, timers, fonts) happen before the next step. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 250))))
}

/**
 * The core runs in this process (the harness forwards the page's calls to it):
 * every TCP or TLS connection Node opens here, from any module, goes through
 * Socket#connect, so wrapping it hears the core reach for the network.
 */
function recordNodeConnections(): { connections: string[]; stop(): void } {
  const connections: string[] = []
  const original = Socket.prototype.connect
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    connections.push(JSON.stringify(args[0]))
    return (original as (...a: unknown[]) => Socket).apply(this, args)
  } as typeof original
  return { connections, stop: () => void (Socket.prototype.connect = original) }
}

test('every view, tab and dialog of a lived-in vault loads nothing beyond the app’s own files', async ({ app }) => {
  test.setTimeout(90_000)
  const page = app.page
  const recorders = await record(app)
  const node = recordNodeConnections()
  try {
    const dana = await seedDana(app)
    await seedOthers(app)
    await seedTheRest(app, dana)
    await page.reload()

    // Every app-wide view the sidebar offers.
    const nav = page.getByRole('list', { name: 'Views' }).getByRole('button')
    await expect(nav.first()).toBeVisible()
    const views = await nav.allInnerTexts()
    expect(views.length).toBeGreaterThanOrEqual(GLOBAL_VIEWS_AT_LEAST)
    for (const [index, label] of views.entries()) {
      await nav.nth(index).click()
      await expect(page.getByRole('main', { name: label.trim() })).toBeVisible()
      await settle(page)
    }

    // A client's journal, an entry in the editor, its history, and the template picker.
    await page.getByRole('option', { name: /Dana Whitfield/ }).click()
    await page.getByRole('option', { name: /Scope call went sideways/ }).click()
    await expect(page.getByRole('textbox', { name: 'Entry text' })).toContainText('revised scope')
    await page
      .getByRole('option', { name: /After the review/ })
      .first()
      .click()
    await expect(page.getByRole('textbox', { name: 'Entry text' })).toContainText('She read the numbers aloud')
    // Its own pictures are shown (from the vault, through the app's origin); the one on the web is not loaded.
    const pictures = page.getByRole('textbox', { name: 'Entry text' }).locator('.entry-image img')
    await expect(pictures).toHaveCount(2)
    await expect.poll(() => pictures.evaluateAll((all: HTMLImageElement[]) => all.map((img) => img.complete && img.naturalWidth > 0))).toEqual([true, true])
    await settle(page)
    await page.keyboard.press('Control+Shift+H')
    await expect(page.getByRole('dialog', { name: 'History' })).toBeVisible()
    await settle(page)
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toBeHidden()
    await page.keyboard.press('Control+Shift+N')
    await expect(page.getByRole('dialog', { name: 'New reflection for Dana Whitfield' })).toBeVisible()
    await settle(page)
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toBeHidden()

    // Every tab the client has (the brief among them).
    const tabs = page.getByRole('tablist', { name: 'Client' }).getByRole('tab')
    const tabLabels = await tabs.allInnerTexts()
    expect(tabLabels.length).toBeGreaterThanOrEqual(CLIENT_TABS_AT_LEAST)
    expect(tabLabels).toContain('Brief')
    for (const label of [...tabLabels.slice(1), tabLabels[0] ?? 'Journal']) {
      await page.getByRole('tablist', { name: 'Client' }).getByRole('tab', { name: label, exact: true }).click()
      await expect(page.getByRole('tablist', { name: 'Client' }).getByRole('tab', { name: label, exact: true })).toHaveAttribute('aria-selected', 'true')
      await settle(page)
    }

    // Search and the command palette, from anywhere.
    await page.keyboard.press('Control+Shift+F')
    await page.getByRole('searchbox', { name: /^Search every/ }).fill('scope')
    await expect(page.getByText('Scope call went sideways').first()).toBeVisible()
    await settle(page)
    await page.keyboard.press('Control+K')
    await expect(page.getByRole('dialog')).toBeVisible()
    await page.keyboard.type('Lena')
    await settle(page)
    await page.keyboard.press('Escape')

    // The recorders heard the app's own files load, so they were listening…
    expect(recorders.requests.filter((url) => url.startsWith(`${APP_ORIGIN}/assets/`)).length).toBeGreaterThan(0)
    expect(recorders.chromium).toContain(`${APP_ORIGIN}/index.html`)
    // …and nothing else.
    expect(recorders.requests.filter((url) => !isOwn(url))).toEqual([])
    expect(recorders.chromium.filter((url) => !isOwn(url))).toEqual([])
    expect(app.blockedRequests).toEqual([])
    expect(recorders.popups).toEqual([])
    expect(app.openedExternally).toEqual([])
    expect(await recorders.cspViolations()).toEqual([])
    expect(node.connections).toEqual([])

    // The CSP recorder hears an attempt the policy stops (which no network recorder would see).
    await page.evaluate(() => fetch('https://outside.example/ping').catch(() => undefined))
    await expect.poll(() => recorders.cspViolations()).toEqual([expect.stringMatching(/^connect-src https:\/\/outside\.example\/ping /)])
    // And the Node recorder hears a connection (to a closed port on this machine: nothing leaves it).
    new Socket()
      .on('error', () => undefined)
      .connect(9, '127.0.0.1')
      .destroy()
    expect(node.connections).toHaveLength(1)
  } finally {
    node.stop()
  }
})
