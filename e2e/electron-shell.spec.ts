import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
/// <reference path="./page-globals.d.ts" />
import { _electron as electron, expect, test } from '@playwright/test'

/** The Electron binary that `npm install` downloads, or null where it could not be (as on the CI machines here). */
function electronBinary(): string | null {
  const dir = join(import.meta.dirname, '../node_modules/electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
if (!binary)
  console.log(
    'electron-shell.spec: skipped — no Electron binary in node_modules/electron (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); shell-boot.spec.ts starts the built main process against a stand-in instead.'
  )

test.describe('the real Electron shell', () => {
  test.skip(binary === null, 'no Electron binary on this machine; runs wherever `npm install` could download it')

  test('opens a secure window on the given vault and writes an entry through IPC', async () => {
    const vault = await mkdtemp(join(tmpdir(), 'rapport-electron-'))
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [join(import.meta.dirname, '../out/main/index.js'), `--vault=${vault}`],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' }
    })
    const page = await app.firstWindow()
    await expect(page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible()
    // No Node in the page, and the API is the frozen contextBridge object, not something the page can replace.
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      apiKeys: Object.keys(window.rapport).sort()
    }))
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', apiKeys: ['invoke', 'on'] })
    const created = await page.evaluate(() => window.rapport.invoke('clients:create', { name: 'Smoke Test' }))
    expect(created).toMatchObject({ ok: true })
    expect(existsSync(join(vault, 'clients/smoke-test/client.json'))).toBe(true)
    // Spelling is checked only by macOS's own checker: elsewhere Electron would download dictionaries (src/main/spelling.ts).
    expect(await app.evaluate(({ session }) => session.defaultSession.isSpellCheckerEnabled())).toBe(process.platform === 'darwin')
    // The page carries its Content-Security-Policy as a header from app://rapport, not only in its <meta>.
    const policy = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'))
    expect(policy).toContain("frame-ancestors 'none'")
    await app.close()
  })
})
