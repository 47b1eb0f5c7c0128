import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Electron's security checklist, checked on the shell's source where no
 * Electron binary can run it (the e2e shell test checks the running app
 * where one can). A change that loosens any of these fails here.
 */
const root = join(import.meta.dirname, '../..')
const source = (path: string) => readFileSync(join(root, path), 'utf8')

describe('the Electron shell', () => {
  const main = source('src/main/index.ts')
  const security = source('src/main/security.ts')

  it('creates its window with context isolation, the sandbox, no Node and web security', () => {
    const prefs = /webPreferences: \{([\s\S]*?)\}/.exec(main)?.[1] ?? ''
    expect(prefs).toMatch(/contextIsolation: true/)
    expect(prefs).toMatch(/sandbox: true/)
    expect(prefs).toMatch(/nodeIntegration: false/)
    expect(prefs).toMatch(/webSecurity: true/)
    expect(prefs).not.toMatch(/nodeIntegrationInWorker: true|allowRunningInsecureContent|experimentalFeatures/)
  })

  it('uses no remote module', () => {
    const pkg = JSON.parse(source('package.json')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('@electron/remote')
    expect(main + security).not.toMatch(/RemoteModule|@electron\/remote/)
  })

  it('denies navigation, new windows, webviews and permission requests; opens only vetted links outside', () => {
    expect(security).toMatch(/'will-navigate'[\s\S]*?preventDefault/)
    expect(security).toMatch(/'will-redirect'[\s\S]*?preventDefault/)
    expect(security).toMatch(/'will-attach-webview'[\s\S]*?preventDefault/)
    expect(security).toMatch(/setWindowOpenHandler[\s\S]*?isExternalUrlAllowed\(url\)[\s\S]*?action: 'deny'/)
    expect(security).toMatch(/setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/)
    expect(security).toMatch(/setPermissionCheckHandler\(\(\) => false\)/)
  })

  it('answers IPC only for the channels of the contract, and only from its own page', () => {
    const ipc = source('src/main/ipc.ts')
    expect(ipc).toMatch(/for \(const channel of channelNames\)/)
    expect(ipc).toMatch(/isAppUrl\(url\)/)
    expect(ipc).toMatch(/senderFrame\?\.parent/)
  })

  it('ships a strict Content-Security-Policy: nothing inline, nothing remote', () => {
    const html = source('src/renderer/index.html')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['style-src']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives['frame-ancestors']).toEqual(["'none'"])
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })
})
