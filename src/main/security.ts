import { join } from 'node:path'
import { app, protocol, session, shell } from 'electron'
import type { WebContents } from 'electron'
import { isExternalUrlAllowed } from '@shared/api'
import { APP_SCHEME, isAppOrigin, readAppFile } from './app-protocol'
import { VAULT_IMAGE_PREFIX } from '@shared/vault-image-url'
import type { VaultImage } from '../core/attachments/vault-image'
import { checksSpelling } from './spelling'

/** The renderer's own origin: app://rapport, or the dev server while developing. */
export function isAppUrl(url: string): boolean {
  const devServer = process.env.ELECTRON_RENDERER_URL
  if (devServer && url.startsWith(devServer)) return true
  return isAppOrigin(url)
}

/** The built renderer, the only folder app://rapport serves (inside app.asar when packaged). */
export function rendererRoot(): string {
  return join(__dirname, '../renderer')
}

/**
 * app://rapport serves the renderer's folder and nothing else (the rule and
 * its tests: app-protocol.ts). Standard and secure, so relative URLs,
 * modules and storage work as on https; no CORS, no CSP bypass, no service
 * workers: nothing the page does not need.
 */
/** Answers `app://rapport/vault-image/…` (src/shared/vault-image-url.ts) from the open vault; set once the vault session exists. */
let vaultImages: ((pathname: string) => Promise<VaultImage | null>) | null = null
export function serveVaultImages(reader: (pathname: string) => Promise<VaultImage | null>): void {
  vaultImages = reader
}

/** An image an entry shows: the core resolves, confines, sniffs and (when encrypted) decrypts it; this only forwards. */
async function readVaultImageRequest(url: string): Promise<VaultImage | null> {
  if (!isAppOrigin(url) || !vaultImages) return null
  const pathname = new URL(url).pathname
  return pathname.startsWith(VAULT_IMAGE_PREFIX) ? vaultImages(pathname) : null
}

function serveRenderer(): void {
  // Privileges must be declared before the app is ready; the handler can only be set after.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
  void app.whenReady().then(() => {
    const root = rendererRoot()
    protocol.handle(APP_SCHEME, async (request) => {
      const file = request.method === 'GET' ? ((await readVaultImageRequest(request.url)) ?? (await readAppFile(root, request.url))) : null
      if (!file) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } })
      return new Response(new Uint8Array(file.body), { headers: file.headers })
    })
  })
}

/**
 * Electron's security checklist, applied to every web contents the app ever
 * creates: the renderer served only from its own folder, no navigation away
 * from the app, no new windows (vetted external links go to the user's
 * browser instead), no permissions granted. Call before the app is ready.
 */
export function hardenApp(): void {
  serveRenderer()
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
    // Where spelling would need dictionaries from the network, the session's checker is off too, not only the window's.
    if (!checksSpelling()) session.defaultSession.setSpellCheckerEnabled(false)
  })
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalUrlAllowed(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}
