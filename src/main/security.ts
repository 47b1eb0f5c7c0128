import { app, session, shell } from 'electron'
import type { WebContents } from 'electron'
import { isExternalUrlAllowed } from '@shared/api'

/** The renderer's own origin: files from the build, or the dev server while developing. */
export function isAppUrl(url: string): boolean {
  const devServer = process.env.ELECTRON_RENDERER_URL
  if (devServer && url.startsWith(devServer)) return true
  return url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).startsWith(rendererRoot())
}

export function rendererRoot(): string {
  return new URL('../renderer/', `file://${__dirname.replace(/\\/g, '/')}/`).pathname
}

/**
 * Electron's security checklist, applied to every web contents the app ever
 * creates: no navigation away from the app, no new windows (vetted external
 * links go to the user's browser instead), no permissions granted.
 */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
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
