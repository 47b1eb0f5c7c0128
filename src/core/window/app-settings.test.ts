import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { APP_SETTINGS_FILE, AppSettingsFile } from './app-settings'
import type { WindowMemory } from './window-bounds'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-app-settings-'))
})
afterEach(async () => rm(dir, { recursive: true, force: true }))

const memory: WindowMemory = { last: { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true, fullScreen: false } }

describe('AppSettingsFile', () => {
  it('reads nothing before the first start, then what it saved (creating the folder)', async () => {
    const path = join(dir, 'user data', APP_SETTINGS_FILE)
    expect(await new AppSettingsFile(path).read()).toEqual({ window: null })
    await new AppSettingsFile(path).saveWindow(memory)
    expect(await new AppSettingsFile(path).read()).toEqual({ window: memory })
  })

  it('keeps fields it does not know, and does not rewrite an unchanged file', async () => {
    const path = join(dir, APP_SETTINGS_FILE)
    await writeFile(path, JSON.stringify({ theme: 'dark', window: memory }))
    const file = new AppSettingsFile(path)
    await file.read()
    const before = (await stat(path)).mtimeMs
    await new Promise((resolve) => setTimeout(resolve, 20))
    await file.saveWindow(memory)
    expect((await stat(path)).mtimeMs).toBe(before)
    await file.saveWindow({ last: { ...memory.last!, maximized: false } })
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ theme: 'dark', window: { last: { ...memory.last, maximized: false } } })
  })

  it('drops saved windows that make no sense, and leaves a broken file alone', async () => {
    const path = join(dir, APP_SETTINGS_FILE)
    await writeFile(path, JSON.stringify({ window: { last: { bounds: { x: 'left', y: 0, width: 10, height: 10 } }, byArrangement: { a: memory.last, b: 7 } } }))
    expect(await new AppSettingsFile(path).read()).toEqual({ window: { last: undefined, byArrangement: { a: memory.last } } })

    await writeFile(path, '{ not json')
    const file = new AppSettingsFile(path)
    expect(await file.read()).toEqual({ window: null })
    await file.saveWindow(memory)
    expect(await readFile(path, 'utf8')).toBe('{ not json')
  })
})
