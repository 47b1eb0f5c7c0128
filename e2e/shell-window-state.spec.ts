import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { bootShell } from './electron-stand-in/boot'
import type { BootedShell } from './electron-stand-in/boot'
import type { DisplaySnapshot } from './electron-stand-in/messages'

/**
 * The window's size and place come back at the next start: the BUILT main
 * process (out/main/index.js) booted twice on one home folder, against the
 * Electron stand-in (see shell-boot.spec.ts), with displays plugged in and
 * taken away between the two starts. The rule for where a window may open is
 * unit-tested in src/core/window/window-bounds.test.ts; this shows the shell
 * uses it, saves as the window moves, and reads it back.
 */

const LAPTOP: DisplaySnapshot = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } }
const MONITOR: DisplaySnapshot = { id: 2, bounds: { x: 1440, y: 0, width: 2560, height: 1440 }, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } }

let home: string
let vault: string
let shell: BootedShell | null = null
test.beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'rapport-window-home-'))
  vault = await mkdtemp(join(tmpdir(), 'rapport-window-vault-'))
})
test.afterEach(async () => {
  await shell?.stop()
  shell = null
  await rm(home, { recursive: true, force: true })
  await rm(vault, { recursive: true, force: true })
})

/** Starts the app with these displays attached and waits until its window is shown. */
async function start(displays: DisplaySnapshot[]): Promise<BootedShell> {
  await shell?.stop()
  shell = await bootShell({ vault, home })
  await shell.request('attachDisplays', { displays })
  await shell.request('ready')
  await shell.waitForCall('BrowserWindow.show')
  return shell
}

/** Quits as ⌘Q does, the renderer answering that everything is saved. */
async function quit(s: BootedShell): Promise<void> {
  await s.request('quit')
  await expect.poll(async () => (await s.callsTo('webContents.send')).some((call) => call.args[0] === 'app:flush')).toBe(true)
  await s.request('invoke', { channel: 'app:flushed', input: { saved: true }, frame: { url: 'app://rapport/index.html' } })
  await expect.poll(() => s.request('state')).toMatchObject({ windows: 0, quitted: true })
}

const optionsOfWindow = async (s: BootedShell) => (await s.callsTo('new BrowserWindow'))[0]?.args[0] as Record<string, unknown>

test('the window reopens where it was left, the size it was, once it has been still for a moment', async () => {
  let s = await start([LAPTOP, MONITOR])
  // The first start: the default size, centred by Electron (no place given).
  const first = await optionsOfWindow(s)
  expect(first).toMatchObject({ width: 1280, height: 820, minWidth: 760, minHeight: 480 })
  expect(first.x).toBeUndefined()

  // Dragged onto the monitor and made larger: saved once the window stops moving, without waiting for quit.
  await s.request('placeWindow', { bounds: { x: 2000, y: 120, width: 1600, height: 1000 } })
  const settings = join(home, 'userData', 'settings.json')
  await expect
    .poll(async () => JSON.parse(await readFile(settings, 'utf8').catch(() => '{}')) as unknown, { timeout: 5000 })
    .toMatchObject({ window: { last: { bounds: { x: 2000, y: 120, width: 1600, height: 1000 }, maximized: false, fullScreen: false } } })
  await quit(s)

  s = await start([LAPTOP, MONITOR])
  expect(await optionsOfWindow(s)).toMatchObject({ x: 2000, y: 120, width: 1600, height: 1000, fullscreen: false })
  expect(await s.request('window')).toMatchObject({ bounds: { x: 2000, y: 120, width: 1600, height: 1000 }, maximized: false, visible: true })
})

test('a window left on a monitor that is gone reopens on the display that is there, maximised as it was', async () => {
  let s = await start([LAPTOP, MONITOR])
  await s.request('placeWindow', { bounds: { x: 2200, y: 300, width: 1200, height: 800 } })
  await s.request('placeWindow', { maximized: true })
  await quit(s)

  // Undocked: only the laptop. The window comes onto it (centred, within its work area), maximised there.
  s = await start([LAPTOP])
  const options = await optionsOfWindow(s)
  expect(options).toMatchObject({ x: 120, y: 63, width: 1200, height: 800 })
  expect(await s.callsTo('BrowserWindow.maximize')).toHaveLength(1)
  expect(await s.request('window')).toMatchObject({ maximized: true, visible: true })
  // Un-maximised, moved on the laptop alone: remembered for the laptop alone.
  await s.request('placeWindow', { maximized: false, bounds: { x: 40, y: 60, width: 900, height: 700 } })
  await quit(s)

  // Docked again: back on the monitor where it was left in this arrangement (maximised); undocked again: on the laptop.
  s = await start([LAPTOP, MONITOR])
  expect(await optionsOfWindow(s)).toMatchObject({ x: 2200, y: 300, width: 1200, height: 800 })
  expect(await s.callsTo('BrowserWindow.maximize')).toHaveLength(1)
  await quit(s)
  s = await start([LAPTOP])
  expect(await optionsOfWindow(s)).toMatchObject({ x: 40, y: 60, width: 900, height: 700 })
  expect(await s.callsTo('BrowserWindow.maximize')).toHaveLength(0)
})
