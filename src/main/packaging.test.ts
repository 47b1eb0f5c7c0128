import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// electron-builder's own loader and schema check: the configuration is validated exactly as `npm run dist` would.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'

const root = join(import.meta.dirname, '../..')

describe('the installer configuration', () => {
  it('passes electron-builder’s schema and builds for Linux, macOS and Windows with the app icon', async () => {
    const config = await getConfig(root, null, null)
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.mac?.target).toBe('dmg')
    expect(config.win?.target).toBe('nsis')
    for (const platform of [config.linux, config.mac, config.win]) {
      expect(existsSync(join(root, String(platform?.icon)))).toBe(true)
    }
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true, enableNodeCliInspectArguments: false })
  })

  it('is reachable from the README, and the icon is a real PNG', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('npm run dist')
    const png = readFileSync(join(root, 'resources/icon.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
  })
})
