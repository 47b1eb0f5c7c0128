import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { APP_ORIGIN as APP_PROTOCOL_ORIGIN, readAppFile } from '../../src/main/app-protocol'
import type { VaultImage } from '../../src/core/attachments/vault-image'
import { VAULT_IMAGE_PREFIX } from '../../src/shared/vault-image-url'

/** The built renderer is served from this made-up origin, entirely from disk: nothing leaves the machine. */
export const APP_ORIGIN = 'http://rapport.test'
export const RENDERER_DIR = join(import.meta.dirname, '../../out/renderer')

/**
 * Serves `out/renderer` at APP_ORIGIN and refuses every other request,
 * recording it in `blocked` so tests can assert the app asked for nothing
 * beyond its own files. Files are read by the rule the app's own
 * app://rapport protocol uses (src/main/app-protocol.ts), so the page gets
 * here exactly what it would get in Electron.
 */
export async function serveRenderer(page: Page, vaultImages?: (pathname: string) => Promise<VaultImage | null>): Promise<{ blocked: string[] }> {
  const blocked: string[] = []
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== APP_ORIGIN) {
      blocked.push(route.request().url())
      return route.abort('blockedbyclient')
    }
    // An entry's image, as main answers it: forwarded to the real core (src/core/attachments/vault-image.ts).
    if (url.pathname.startsWith(VAULT_IMAGE_PREFIX)) {
      const image = vaultImages ? await vaultImages(url.pathname) : null
      return image ? route.fulfill({ status: 200, body: image.body, headers: image.headers }) : route.fulfill({ status: 404, body: 'not found' })
    }
    // Chromium gives the path as the page asked for it (percent-encoding kept), as Electron gives it to the protocol handler.
    const file = await readAppFile(RENDERER_DIR, `${APP_PROTOCOL_ORIGIN}${url.pathname}${url.search}`)
    if (!file) return route.fulfill({ status: 404, body: 'not found' })
    return route.fulfill({ status: 200, body: file.body, headers: file.headers })
  })
  return { blocked }
}
