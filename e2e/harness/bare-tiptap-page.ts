import { join } from 'node:path'
import { build } from 'esbuild'
import type { Browser, Page } from '@playwright/test'

const BARE_ORIGIN = 'http://bare-tiptap.test'

/** Roughly the editor column of Rapport (editor.css), so both lay out lines of the same length. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Bare TipTap</title><style>
body { margin: 0; font: 16px/1.7 system-ui, sans-serif; }
.column { max-width: 648px; margin: 0 auto; padding: 36px 56px 120px; height: calc(100vh - 156px); overflow-y: auto; }
.prose { outline: none; white-space: pre-wrap; overflow-wrap: break-word; }
.prose p { margin: 0.85em 0 0; }
</style></head><body><script src="/bare.js"></script></body></html>`

let bundle: Promise<string> | null = null

function bareScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [join(import.meta.dirname, 'bare-tiptap.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false
  }).then((result) => result.outputFiles[0]?.text ?? '')
  return bundle
}

/**
 * A bare TipTap editor (StarterKit only) holding `paragraphs`, in its own
 * page of the same browser: the baseline Rapport's typing is measured against.
 */
export async function openBareTipTap(browser: Browser, paragraphs: readonly string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const script = await bareScript()
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== BARE_ORIGIN) return route.abort('blockedbyclient')
    if (url.pathname === '/bare.js') return route.fulfill({ status: 200, body: script, contentType: 'text/javascript' })
    return route.fulfill({ status: 200, body: PAGE, contentType: 'text/html' })
  })
  await page.addInitScript((texts) => {
    window.__bareParagraphs = texts
  }, paragraphs as string[])
  await page.goto(`${BARE_ORIGIN}/`)
  return page
}
