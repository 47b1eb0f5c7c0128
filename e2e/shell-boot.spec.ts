import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative } from 'node:path'
import { expect, test } from '@playwright/test'
import { channelNames } from '../src/shared/api'
import { commands } from '../src/shared/commands'
import { isElectronAccelerator } from './electron-stand-in/accelerator'
import { REPO_ROOT, bootShell } from './electron-stand-in/boot'
import type { BootedShell } from './electron-stand-in/boot'
import type { Frame, MenuItemSnapshot } from './electron-stand-in/messages'

/**
 * The BUILT main process (out/main/index.js, as `npm run test:e2e` just built
 * it) started in Node with `electron` replaced by a recording stand-in
 * (e2e/electron-stand-in), the real core behind it on a temporary vault. It
 * catches the wiring breaks that type-checking cannot see and that only
 * starting the shell shows, on machines where no Electron binary exists.
 * What only a real Electron can show is in e2e/electron-shell.spec.ts.
 */

const APP_PAGE = { url: 'app://rapport/index.html' }

let shell: BootedShell | null = null
let vaultDir: string | null = null
test.afterEach(async () => {
  await shell?.stop()
  if (vaultDir) await rm(vaultDir, { recursive: true, force: true })
  shell = null
  vaultDir = null
})

/** Boots the shell on a new vault folder, fires `ready`, and waits until the window and its menu exist. */
async function boot(options: { platform?: NodeJS.Platform } = {}): Promise<{ shell: BootedShell; vault: string }> {
  const vault = await mkdtemp(join(tmpdir(), 'rapport-shell-boot-'))
  vaultDir = vault
  shell = await bootShell({ vault, ...options })
  await shell.request('ready')
  await shell.waitForCall('Menu.setApplicationMenu')
  await shell.waitForCall('BrowserWindow.show')
  return { shell, vault }
}

const invoke = (s: BootedShell, channel: string, input?: unknown, frame: Frame = APP_PAGE) => s.request('invoke', { channel, input, frame })

/** How many times main has asked the window to save its pending edits (`app:flush`). */
async function flushRequests(s: BootedShell): Promise<number> {
  return (await s.callsTo('webContents.send')).filter((call) => call.args[0] === 'app:flush').length
}

/** Every file under `folder` whose text contains `text`. */
async function filesContaining(folder: string, text: string): Promise<string[]> {
  const found: string[] = []
  for (const name of await readdir(folder, { recursive: true })) {
    const path = join(folder, name)
    if (name.endsWith('.md') && (await readFile(path, 'utf8')).includes(text)) found.push(name)
  }
  return found
}

test.describe('the built main process, booted against a stand-in for Electron', () => {
  test('registers app:// as privileged before ready, then opens a secure window on app://rapport with a preload that exists', async () => {
    const { shell } = await boot()
    const calls = await shell.request('calls')
    const apis = calls.map((call) => call.api)

    // Electron accepts privileged schemes only before `ready`, and handlers only after.
    const privileged = calls.find((call) => call.api === 'protocol.registerSchemesAsPrivileged')
    expect(privileged, 'protocol.registerSchemesAsPrivileged was never called').toBeDefined()
    expect(privileged?.afterReady).toBe(false)
    expect(apis.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(apis.indexOf('app.ready'))
    expect(privileged?.args[0]).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
    const handled = calls.find((call) => call.api === 'protocol.handle')
    expect(handled).toMatchObject({ args: ['app', '[function]'], afterReady: true })

    // One window, with Electron's security checklist in its webPreferences.
    const windows = calls.filter((call) => call.api === 'new BrowserWindow')
    expect(windows).toHaveLength(1)
    const options = windows[0]?.args[0] as { webPreferences: Record<string, unknown>; icon: string }
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    for (const loosening of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'experimentalFeatures', 'webviewTag']) {
      expect(options.webPreferences[loosening] ?? false, loosening).toBe(false)
    }

    // The preload the window is given is the one the build wrote, on disk, in out/.
    const preload = String(options.webPreferences.preload)
    expect(isAbsolute(preload)).toBe(true)
    expect(relative(join(REPO_ROOT, 'out'), preload)).not.toMatch(/^\.\./)
    expect(existsSync(preload), `the window's preload ${preload} does not exist`).toBe(true)
    expect(existsSync(options.icon), `the window's icon ${options.icon} does not exist`).toBe(true)

    // The page comes from app://rapport, through the app's own handler, never from file://.
    const [loaded] = await shell.callsTo('BrowserWindow.loadURL')
    expect(String(loaded?.args[0])).toMatch(/^app:\/\/rapport\//)
    expect(await shell.callsTo('webContents.loaded')).toEqual([{ api: 'webContents.loaded', args: [loaded?.args[0], 200], afterReady: true }])
    const page = await shell.request('fetch', { url: 'app://rapport/index.html' })
    expect(page).toMatchObject({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } })
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    expect((await shell.request('fetch', { url: 'app://rapport/%2e%2e/%2e%2e/package.json' })).status).toBe(404)

    // The vault opened: nothing went wrong on the way.
    expect(await shell.callsTo('dialog.showErrorBox')).toEqual([])
    expect(await shell.request('state')).toEqual({ windows: 1, quitted: false, exitCode: null })
  })

  test('registers every channel of the contract exactly once; each answers through the real core, only to the app’s own top frame', async () => {
    const { shell, vault } = await boot()
    const registered = (await shell.callsTo('ipcMain.handle')).map((call) => String(call.args[0]))
    expect([...registered].sort()).toEqual([...channelNames].sort())
    expect(new Set(registered).size).toBe(registered.length)

    // Every channel reaches the core, whose validation refuses an input no channel takes.
    for (const channel of channelNames) {
      const answer = await invoke(shell, channel, null)
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }

    // Real answers from the real core, on the vault folder.
    const created = await invoke(shell, 'clients:create', { name: 'Ada Lovelace' })
    expect(created).toMatchObject({ ok: true, value: { name: 'Ada Lovelace', path: 'clients/ada-lovelace' } })
    expect(existsSync(join(vault, 'clients/ada-lovelace/client.json'))).toBe(true)
    expect(await invoke(shell, 'clients:list')).toMatchObject({ ok: true, value: [{ name: 'Ada Lovelace' }] })
    expect(await invoke(shell, 'app:open-external', { url: 'https://example.com/a' })).toEqual({ ok: true, value: null })
    expect((await shell.callsTo('shell.openExternal')).map((call) => call.args[0])).toEqual(['https://example.com/a'])

    // From a frame inside the app's page, or from any other page: refused before the core sees it.
    const refused = { ok: false, error: { code: 'permission-denied' } }
    expect(
      await invoke(shell, 'clients:create', { name: 'From A Frame' }, { url: 'app://rapport/index.html', parentUrl: 'app://rapport/index.html' })
    ).toMatchObject(refused)
    expect(await invoke(shell, 'clients:create', { name: 'From Elsewhere' }, { url: 'https://evil.example/' })).toMatchObject(refused)
    expect(await invoke(shell, 'clients:create', { name: 'From Disk' }, { url: 'file:///tmp/page.html' })).toMatchObject(refused)
    expect(await invoke(shell, 'clients:list')).toMatchObject({ ok: true, value: [{ name: 'Ada Lovelace' }] })
  })

  test('denies navigation, redirects, webviews, new windows and every permission', async () => {
    const { shell } = await boot()
    expect(await shell.request('navigate', { event: 'will-navigate', url: 'https://evil.example/' })).toEqual({ prevented: true })
    expect(await shell.request('navigate', { event: 'will-navigate', url: 'file:///etc/passwd' })).toEqual({ prevented: true })
    expect(await shell.request('navigate', { event: 'will-redirect', url: 'https://evil.example/' })).toEqual({ prevented: true })
    expect(await shell.request('navigate', { event: 'will-attach-webview', url: 'app://rapport/index.html' })).toEqual({ prevented: true })
    // Its own pages stay reachable (a reload), so the denial above is the rule, not a blanket.
    expect(await shell.request('navigate', { event: 'will-navigate', url: 'app://rapport/index.html' })).toEqual({ prevented: false })

    // No new windows: a vetted link opens in the browser instead, anything else nowhere.
    expect(await shell.request('openWindow', { url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(await shell.request('openWindow', { url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(await shell.request('openWindow', { url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect((await shell.callsTo('shell.openExternal')).map((call) => call.args[0])).toEqual(['https://example.com/'])

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'] as const) {
      expect(await shell.request('permission', { permission }), permission).toEqual({ requestGranted: false, checkGranted: false })
    }
  })

  const menuLabels = { file: 'File', edit: 'Edit', view: 'View', go: 'Go' } as const
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    test(`builds the application menu on ${platform}, with every command in its menu`, async () => {
      const { shell } = await boot({ platform })
      const menu = await shell.request('menu')
      expect(menu).not.toBeNull()
      const top = menu ?? []
      const submenu = (label: string): MenuItemSnapshot[] => top.find((item) => item.label === label)?.submenu ?? []

      // macOS has the app's own menu first and closes windows from File; Windows and Linux quit from File.
      expect(top[0]?.role === 'appMenu').toBe(platform === 'darwin')
      expect(submenu('File').at(-1)?.role).toBe(platform === 'darwin' ? 'close' : 'quit')
      expect(top.some((item) => item.role === 'windowMenu')).toBe(true)

      for (const command of commands) {
        if (!command.menu) continue
        const item = submenu(menuLabels[command.menu]).find((i) => i.label === command.label)
        expect(item, `${command.label} is not in the ${menuLabels[command.menu]} menu`).toBeDefined()
        expect(item?.clickable).toBe(true)
        expect(item?.accelerator ?? undefined).toBe(command.shortcut)
        if (command.shortcut) expect(isElectronAccelerator(command.shortcut), command.shortcut).toBe(true)
        // The renderer binds the shortcut itself: the menu only shows it, so a key press is not handled twice.
        expect(item?.registerAccelerator).toBe(false)
      }

      await shell.request('chooseMenuItem', { label: 'New Entry' })
      const runs = (await shell.callsTo('webContents.send')).filter((call) => call.args[0] === 'command:run')
      expect(runs.map((call) => call.args[1])).toEqual([{ id: 'entry.new' }])

      // Spelling is checked only by macOS's own checker: elsewhere Electron would download dictionaries.
      const [window] = await shell.callsTo('new BrowserWindow')
      expect(window?.args[0]).toMatchObject({ webPreferences: { spellcheck: platform === 'darwin' } })
      expect((await shell.callsTo('session.setSpellCheckerEnabled')).map((call) => call.args[0])).toEqual(platform === 'darwin' ? [] : [false])
    })
  }

  test('quitting waits for the renderer’s last save, then closes and quits', async () => {
    const { shell, vault } = await boot()
    const client = (await invoke(shell, 'clients:create', { name: 'Grace Hopper' })) as { value: { id: string } }
    const entry = (await invoke(shell, 'entries:create', { clientId: client.value.id, title: 'Call notes', body: 'First words.' })) as {
      ok: boolean
      value: { id: string; version: string }
    }
    expect(entry.ok).toBe(true)

    await shell.request('quit')
    // Main asked the window to save and is waiting: nothing has closed yet.
    expect(await flushRequests(shell)).toBe(1)
    expect(await shell.request('state')).toMatchObject({ windows: 1, quitted: false })

    // The renderer's last save, then its answer.
    const saved = await invoke(shell, 'entries:save', { id: entry.value.id, title: 'Call notes', body: 'The last words.', version: entry.value.version })
    expect(saved).toMatchObject({ ok: true })
    expect(await shell.request('state')).toMatchObject({ windows: 1, quitted: false })
    await invoke(shell, 'app:flushed', { saved: true })

    await expect.poll(() => shell.request('state')).toEqual({ windows: 0, quitted: true, exitCode: null })
    expect(await filesContaining(join(vault, 'clients'), 'The last words.')).toHaveLength(1)
    const order = (await shell.request('calls')).map((call) => (call.api === 'webContents.send' ? `send ${String(call.args[0])}` : call.api))
    const at = (api: string) => order.indexOf(api)
    expect(at('send app:flush')).toBeLessThan(at('BrowserWindow.closed'))
    expect(at('BrowserWindow.closed')).toBeLessThan(at('app.quitted'))
    expect(await shell.callsTo('dialog.showMessageBox')).toEqual([])
  })

  test('when the last save failed, closing asks first, and keeping Rapport open keeps the window', async () => {
    const { shell } = await boot()
    await shell.request('closeWindow')
    await invoke(shell, 'app:flushed', { saved: false, problem: 'The disk is full.' })
    const [asked] = await shell.waitForCall('dialog.showMessageBox')
    expect(asked?.args[0]).toMatchObject({ message: 'Your latest changes are not saved.', buttons: ['Keep Rapport Open', 'Close Without Saving'] })
    expect(asked?.args[0]).toMatchObject({ detail: expect.stringContaining('The disk is full.') })
    expect(await shell.request('state')).toMatchObject({ windows: 1, quitted: false })

    // Asked again, the person chooses to close without saving: the last window goes, and with it the app (window-all-closed).
    await shell.request('answerMessageBoxWith', { response: 1 })
    await shell.request('closeWindow')
    await invoke(shell, 'app:flushed', { saved: false, problem: 'The disk is full.' })
    await expect.poll(() => shell.request('state')).toEqual({ windows: 0, quitted: true, exitCode: null })
    expect(await shell.callsTo('dialog.showMessageBox')).toHaveLength(2)
  })

  test('locking the screen locks an encrypted vault, once the window has saved', async () => {
    const { shell } = await boot()
    // A plain vault has nothing to lock: the window is not even asked to save.
    await shell.request('power', { event: 'lock-screen' })
    expect(await flushRequests(shell)).toBe(0)

    // Encrypted with the core's own conversion (which has the window save first, as the renderer answers here), and unlocked.
    const encrypting = invoke(shell, 'security:encrypt', { passphrase: 'correct horse battery staple' })
    await expect.poll(() => flushRequests(shell)).toBe(1)
    await invoke(shell, 'app:flushed', { saved: true })
    expect(await encrypting).toMatchObject({ ok: true, value: { encrypted: true, locked: false } })

    // The screen locks: main has the window save first, and locks only once it has.
    await shell.request('power', { event: 'lock-screen' })
    expect(await flushRequests(shell)).toBe(2)
    expect(await invoke(shell, 'security:status')).toMatchObject({ ok: true, value: { locked: false } })
    await invoke(shell, 'app:flushed', { saved: true })
    await expect.poll(async () => invoke(shell, 'security:status')).toMatchObject({ ok: true, value: { encrypted: true, locked: true } })
    // Locked, the core answers only the security channels.
    expect(await invoke(shell, 'clients:list')).toMatchObject({ ok: false, error: { code: 'locked' } })
  })

  test('tray and start at login stay off until Settings turn them on; then closing the window keeps Rapport running', async () => {
    const { shell } = await boot()
    expect(await shell.callsTo('new Tray')).toEqual([])
    expect(await shell.callsTo('app.setLoginItemSettings')).toEqual([])
    expect(await invoke(shell, 'reminders:update', { keepInTray: true, startAtLogin: true })).toMatchObject({
      ok: true,
      value: { keepInTray: true, startAtLogin: true }
    })
    await shell.waitForCall('new Tray')
    expect((await shell.callsTo('app.setLoginItemSettings'))[0]?.args[0]).toEqual({ openAtLogin: true, args: ['--hidden'] })
    // The last window closes (after its save): Rapport stays in the tray instead of quitting.
    await shell.request('closeWindow')
    await invoke(shell, 'app:flushed', { saved: true })
    await expect.poll(async () => (await shell.request('state')).windows).toBe(0)
    expect(await shell.request('state')).toMatchObject({ quitted: false })
  })
})
