import { readFileSync, readdirSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses'
import type { FuseConfig } from '@electron/fuses'
import { getConfig } from 'app-builder-lib/out/util/config/config'
import { PlatformPackager } from 'app-builder-lib'
import { describe, expect, it } from 'vitest'
import { pagePolicy } from './app-protocol'
import { checksSpelling } from './spelling'

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

  it('checks spelling only where it fetches nothing: macOS’s own checker, never Hunspell dictionaries downloaded on Windows and Linux', () => {
    expect(checksSpelling('darwin')).toBe(true)
    expect(checksSpelling('linux')).toBe(false)
    expect(checksSpelling('win32')).toBe(false)
    const prefs = /webPreferences: \{([\s\S]*?)\}/.exec(main)?.[1] ?? ''
    expect(prefs).toMatch(/spellcheck: checksSpelling\(\)/)
    expect(security).toMatch(/if \(!checksSpelling\(\)\) session\.defaultSession\.setSpellCheckerEnabled\(false\)/)
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
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values])
    )
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['style-src']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
    // frame-ancestors is ignored (with an error logged) in a <meta>: the page's header carries it (app-protocol.ts).
    expect(directives['frame-ancestors']).toBeUndefined()
    expect(pagePolicy(html)).toMatch(/; frame-ancestors 'none'$/)
  })

  it('loads the renderer from app://rapport, which serves only its own folder, never from file://', () => {
    expect(main).toMatch(/loadURL\(APP_INDEX_URL\)/)
    expect(main).not.toMatch(/loadFile\(|['"`]file:/)
    expect(security).toMatch(/protocol\.handle\(APP_SCHEME,[\s\S]*?readAppFile\(root, request\.url\)/)
    // Only what a page served like https needs: no CSP bypass, no CORS reads, no service workers.
    const privileges = /registerSchemesAsPrivileged\(\[\{ scheme: APP_SCHEME, privileges: (\{[^}]*\}) \}\]\)/.exec(security)?.[1] ?? ''
    expect(privileges).toBe('{ standard: true, secure: true, supportFetchAPI: true }')
    // The page's own origin (for navigation and the IPC sender check) is app://rapport, not any file.
    expect(/export function isAppUrl[\s\S]*?\n\}/.exec(security)?.[0]).toMatch(/return isAppOrigin\(url\)\n\}$/)
  })

  it('contains no network code: main, preload, core, the CLI and the renderer make no requests', () => {
    // A static check beside the e2e zero-network test: code that could reach the network at all fails here.
    const network = [
      /from '(node:)?(http|https|http2|net|tls|dgram|dns)(\/[a-z]+)?'/,
      /import\s*\{[^}]*\bnet\b[^}]*\}\s*from 'electron'/,
      /\bnet\.(fetch|request)\b/,
      /\bfetch\(|XMLHttpRequest|\bWebSocket\b|\bEventSource\b|sendBeacon/
    ]
    const files = [...sourceFiles('src'), ...sourceFiles('bin')].filter((file) => !/\.test\.tsx?$|[/\\]testing[/\\]/.test(file))
    expect(files.length).toBeGreaterThan(50)
    const offenders = files.flatMap((file) => network.filter((pattern) => pattern.test(source(file))).map((pattern) => `${file}: ${pattern}`))
    expect(offenders).toEqual([])
  })
})

describe('the packaged app', () => {
  it('flips every Electron fuse it should when electron-builder packs it', async () => {
    const config = await getConfig(root, null, null)
    // electron-builder's own translation of `electronFuses` into what it hands @electron/fuses after packing
    // (a private method, used here so the test checks what `npm run dist` really does, not our reading of it).
    const generate = (PlatformPackager.prototype as unknown as { generateFuseConfig(fuses: unknown): Promise<FuseConfig> }).generateFuseConfig
    const fuses = await generate.call(undefined, config.electronFuses)
    expect(fuses.version).toBe(FuseVersion.V1)

    // A stand-in for the Electron binary: its fuse wire as Electron ships it ('1' on, '0' off).
    const shipped = {
      RunAsNode: '1',
      EnableCookieEncryption: '0',
      EnableNodeOptionsEnvironmentVariable: '1',
      EnableNodeCliInspectArguments: '1',
      EnableEmbeddedAsarIntegrityValidation: '0',
      OnlyLoadAppFromAsar: '0',
      LoadBrowserProcessSpecificV8Snapshot: '0',
      GrantFileProtocolExtraPrivileges: '1'
    }
    const wire = Object.values(shipped).join('')
    const dir = await mkdtemp(join(tmpdir(), 'rapport-fuses-'))
    const binary = join(dir, 'rapport')
    try {
      await writeFile(
        binary,
        Buffer.concat([
          Buffer.from('\x7fELF…'),
          Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
          Buffer.from([1, wire.length]),
          Buffer.from(wire),
          Buffer.from('…rest')
        ])
      )
      await flipFuses(binary, fuses)
      const flipped = await getCurrentFuseWire(binary)
      const state = (option: FuseV1Options) => String.fromCharCode(Number(flipped[option]))
      expect({
        runAsNode: state(FuseV1Options.RunAsNode),
        enableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
        enableNodeOptionsEnvironmentVariable: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
        enableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
        enableEmbeddedAsarIntegrityValidation: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
        onlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
        grantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges)
      }).toEqual({
        runAsNode: '0',
        enableCookieEncryption: '1',
        enableNodeOptionsEnvironmentVariable: '0',
        enableNodeCliInspectArguments: '0',
        enableEmbeddedAsarIntegrityValidation: '1',
        onlyLoadAppFromAsar: '1',
        grantFileProtocolExtraPrivileges: '0'
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

/** Every .ts, .tsx and .mjs file under a folder of the checkout, relative to it. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(tsx?|mjs)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
}
