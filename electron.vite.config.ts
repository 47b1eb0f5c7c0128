import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const shared = resolve(import.meta.dirname, 'src/shared')

/**
 * The renderer's Content-Security-Policy lives in index.html and is strict.
 * Only the dev server needs more: Vite injects styles inline and talks to
 * its own websocket for hot reload. Built files never get this.
 */
const devServerCsp = {
  name: 'rapport-dev-csp',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) =>
    html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
}

/**
 * Workers have no `document`: give them a package's build for workers where
 * its browser build needs the DOM (the Markdown worker parses HTML entities
 * through decode-named-character-reference).
 */
const workerBuilds = {
  name: 'rapport-worker-builds',
  enforce: 'pre' as const,
  resolveId: (source: string) =>
    source === 'decode-named-character-reference' ? resolve(import.meta.dirname, 'node_modules/decode-named-character-reference/index.js') : null
}

export default defineConfig({
  main: {
    resolve: { alias: { '@shared': shared } },
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // The search index's own thread, started by src/core/search/index-thread.ts from beside index.js.
          'index-worker': resolve(import.meta.dirname, 'src/core/search/index-worker.ts'),
          // An import's own thread, started by src/core/transfer/import-thread.ts from beside index.js.
          'import-worker': resolve(import.meta.dirname, 'src/core/transfer/import-worker.ts'),
          // The entry files' reader, started by src/core/fs/file-reader-thread.ts from beside index.js.
          'file-reader-worker': resolve(import.meta.dirname, 'src/core/fs/file-reader-worker.ts'),
          // An encrypted vault's photos and documents, sealed and opened by src/core/fs/sealing-thread.ts from beside index.js.
          'sealing-worker': resolve(import.meta.dirname, 'src/core/fs/sealing-worker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias: { '@shared': shared } },
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules: it must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    resolve: {
      alias: { '@renderer': resolve(import.meta.dirname, 'src/renderer/src'), '@shared': shared }
    },
    plugins: [react(), devServerCsp],
    worker: { plugins: () => [workerBuilds] },
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } }
    }
  }
})
