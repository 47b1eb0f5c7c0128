import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import type { Page } from '@playwright/test'

/** The built renderer is served from this made-up origin, entirely from disk: nothing leaves the machine. */
export const APP_ORIGIN = 'http://rapport.test'
export const RENDERER_DIR = join(import.meta.dirname, '../../out/renderer')

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

/**
 * Serves `out/renderer` at APP_ORIGIN and refuses every other request,
 * recording it in `blocked` so tests can assert the app asked for nothing
 * beyond its own files.
 */
export async function serveRenderer(page: Page): Promise<{ blocked: string[] }> {
  const blocked: string[] = []
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== APP_ORIGIN) {
      blocked.push(route.request().url())
      return route.abort('blockedbyclient')
    }
    const relative = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).replace(/^([/\\])+/, '')
    if (relative.startsWith('..')) return route.fulfill({ status: 403 })
    try {
      const body = await readFile(join(RENDERER_DIR, relative))
      return route.fulfill({ status: 200, body, contentType: types[extname(relative)] ?? 'application/octet-stream' })
    } catch {
      return route.fulfill({ status: 404, body: 'not found' })
    }
  })
  return { blocked }
}
