import { execFile } from 'node:child_process'
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { tempDir } from './core/testing/temp-vault'

const repo = resolve(import.meta.dirname, '..')

/** Lints these files, laid out as in Rapport, with Rapport's own config; returns the boundary rule's help per file. */
async function boundaryFindings(files: Record<string, string>): Promise<Record<string, string[]>> {
  const dir = await tempDir('rapport-lint-')
  await symlink(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir')
  await copyFile(join(repo, 'oxlint.config.mjs'), join(dir, 'oxlint.config.mjs'))
  await mkdir(join(dir, 'src/core'), { recursive: true })
  // The config reads the core's layer table from the one place it is written.
  await copyFile(join(repo, 'src/core/layers.json'), join(dir, 'src/core/layers.json'))
  await mkdir(join(dir, 'src/core'), { recursive: true })
  await mkdir(join(dir, 'src/renderer/src'), { recursive: true })
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
  const oxlint = join(repo, 'node_modules/.bin/oxlint')
  const run = await promisify(execFile)(oxlint, ['-c', 'oxlint.config.mjs', '-f', 'json', 'src'], {
    cwd: dir
  }).catch((failed: { stdout?: string }) => ({ stdout: failed.stdout ?? '' }))
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; filename: string; help: string }> }
  const found: Record<string, string[]> = {}
  for (const d of diagnostics) if (d.code === 'eslint(no-restricted-imports)') (found[d.filename] ??= []).push(d.help)
  return found
}

describe('the import boundaries in oxlint.config.mjs', () => {
  it('hold core to its layers and to plain Node, and the renderer to its base, its features and the browser', { timeout: 60_000 }, async () => {
    const found = await boundaryFindings({
      'src/core/vault/uses-electron.ts': "import { app } from 'electron'\nexport const a = app\n",
      'src/core/vault/uses-a-higher-layer.ts': "import { b } from '../brief/assemble'\nexport const a = b\n",
      'src/core/vault/calls-a-handler.ts': "import { h } from '../entries/handlers'\nexport const a = h\n",
      'src/core/vault/uses-a-lower-layer.ts': "import { e } from '../entries/entry-file'\nimport { f } from '../fs/atomic-write'\nexport const a = [e, f]\n",
      'src/renderer/src/platform/uses-a-feature.ts': "import { j } from '@renderer/journal'\nexport const a = j\n",
      'src/renderer/src/journal/uses-node.ts': "import { readFile } from 'node:fs'\nimport path from 'path'\nexport const a = [readFile, path]\n",
      'src/renderer/src/journal/uses-internals.ts': "import { e } from '@renderer/editor/EntryEditor'\nexport const a = e\n",
      'src/renderer/src/journal/uses-the-shell.ts': "import { s } from '@renderer/app/App'\nexport const a = s\n",
      'src/renderer/src/transfer/uses-an-allowed-feature.ts':
        "import { j } from '@renderer/journal'\nimport { call } from '@renderer/platform/api'\nimport { w } from '@shared/words'\nexport const a = [j, call, w]\n"
    })
    expect(found).toEqual({
      'src/core/vault/uses-electron.ts': ['src/core is plain code: it never imports electron.'],
      'src/core/vault/uses-a-higher-layer.ts': ['src/core/vault is on layer 6 of CORE_LAYERS: it imports only lower layers.'],
      'src/core/vault/calls-a-handler.ts': ['Only service.ts joins handlers; other code imports what the handlers call.'],
      'src/renderer/src/platform/uses-a-feature.ts': ['platform/ is the base: it imports no feature.'],
      'src/renderer/src/journal/uses-node.ts': [
        'src/renderer runs in the renderer: no Node built-ins.',
        'src/renderer runs in the renderer: no Node built-ins.'
      ],
      'src/renderer/src/journal/uses-internals.ts': ["A feature imports another feature through its index ('@renderer/<feature>') only."],
      'src/renderer/src/journal/uses-the-shell.ts': ['Nothing imports the shell (app/) but main.tsx.']
    })
  })

  it('allow a feature only the features its row of RENDERER_FEATURES names', { timeout: 60_000 }, async () => {
    const found = await boundaryFindings({ 'src/renderer/src/journal/uses-editor.ts': "import { e } from '@renderer/editor'\nexport const a = e\n" })
    expect(found).toEqual({ 'src/renderer/src/journal/uses-editor.ts': ['journal/ may import safety (RENDERER_FEATURES).'] })
  })
})
