// @ts-check
// Rapport's linter configuration (oxlint; `npm run lint`). Two parts:
//   1. the rule set for every file;
//   2. the import boundaries: one table per tree (core layers in src/core/layers.json, the renderer's features, the
//      process layers), turned into `no-restricted-imports` blocks per folder below. A folder missing from its table
//      stops the config from loading, so nothing new goes unchecked.
// Why oxlint and not ESLint + typescript-eslint: see the commit that added this file.
import { builtinModules } from 'node:module'
import { readdirSync, readFileSync } from 'node:fs'
import { defineConfig } from 'oxlint'

// ─── 1. The rule set ────────────────────────────────────────────────────────────────────────────────────────────────

/** @type {import('oxlint').OxlintConfig['rules']} */
const rules = {
  // Type-aware (oxlint-tsgolint runs the project's own TypeScript 7): promises nobody waits for lose their errors.
  'typescript/no-floating-promises': 'error',
  'typescript/no-misused-promises': 'error',
  'typescript/await-thenable': 'error',
  // `_` marks a parameter a signature needs but the body does not use.
  'eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
  // Globals for e2e pages are declared in a .d.ts and referenced, never imported.
  'typescript/triple-slash-reference': ['error', { path: 'always', types: 'prefer-import', lib: 'always' }],
  // vitest's expect takes a message as its second argument; helpers named expect… assert.
  'vitest/valid-expect': ['error', { maxArgs: 2 }],
  'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*'] }],

  // Off, with the reason:
  // - sanitising names, CSV cells and Markdown matches control characters on purpose;
  'eslint/no-control-regex': 'off',
  // - values read from users' files are `unknown` and are printed with String() on purpose;
  'typescript/no-base-to-string': 'off',
  // - `[...text].length` counts code points on purpose (help layout);
  'typescript/no-misused-spread': 'off',
  // - `void (a && b())` is the codebase's way to say "the value is dropped";
  'typescript/no-meaningless-void-operator': 'off',
  // - default sort of names in tests is the intended order;
  'typescript/require-array-sort-compare': 'off',
  // - handlers and jobs are arrow-function properties, safe to pass unbound;
  'typescript/unbound-method': 'off',
  // - a test that branches on a typed result and asserts in each branch is still a test that can fail;
  'vitest/no-conditional-expect': 'off',
  // - a fixture's file name is a fine test title (`it(name, …)` in a loop);
  'vitest/valid-title': 'off',
  // - copying a listener set before calling it is deliberate (a listener may unsubscribe); preallocating is too;
  'unicorn/no-useless-spread': 'off',
  'unicorn/no-new-array': 'off',
  // - React Compiler readiness rules: Rapport does not use the compiler;
  'react/refs': 'off',
  'react/set-state-in-effect': 'off',
  'react/purity': 'off',
  'react/incompatible-library': 'off'
}

// ─── 2. Import boundaries ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * src/core folders, lowest layer first; a folder imports only folders on lower lines (never its peers). The one table
 * is src/core/layers.json (architecture.test.ts reads it too); its 'base', 'handlers' and 'service' lines are the
 * root files, the handler files and service.ts, which get their own blocks below.
 */
const SPECIAL_CORE_LAYERS = ['base', 'handlers', 'service']
const CORE_LAYERS = JSON.parse(readFileSync(new URL('./src/core/layers.json', import.meta.url), 'utf8')).layers.filter(
  (layer) => !layer.some((name) => SPECIAL_CORE_LAYERS.includes(name))
)
// Above the folders: `handlers.ts`/`*-handlers.ts` in any folder (may import every folder, not another folder's
// handlers), then src/core/service.ts (joins the handlers), then session/ (the top). Below every folder: the files at
// the root of src/core (errors.ts, ids.ts, …), which import no folder. Tests and `testing/` may import anything in core.

/** Renderer features (src/renderer/src/<feature>) and the other features each may import, through its index only. */
const RENDERER_FEATURES = {
  brief: [],
  clients: ['relationship'],
  contacts: ['transfer'],
  editor: ['mentions', 'relationship', 'safety', 'templates'],
  journal: ['safety'],
  mentions: [],
  palette: [],
  people: ['mentions', 'relationship'],
  relationship: [],
  safety: [],
  search: [],
  security: [],
  templates: [],
  transfer: ['journal']
}
// Below the features: platform/ (API client, views, commands registry, shared UI), which imports no feature.
// Above them: app/ (the shell) and main.tsx, which import features through their index only. Nothing imports app/.

/** Process layers: what each top-level folder of src/ must never import. Everyone may import src/shared. */
const PROCESS_FORBIDS = {
  shared: ['core', 'main', 'preload', 'renderer', 'cli'],
  core: ['main', 'preload', 'renderer', 'cli'],
  cli: ['main', 'preload', 'renderer'],
  main: ['preload', 'renderer', 'cli'],
  preload: ['core', 'main', 'renderer', 'cli'],
  renderer: ['core', 'main', 'preload', 'cli']
}

// ─── How the tables become rules ────────────────────────────────────────────────────────────────────────────────────

const anyOf = (names) => `(${names.join('|')})`
/** A relative import that climbs out to a sibling folder with one of these names. */
const climbsTo = (names, message) => ({ regex: `^(\\.\\./)+${anyOf(names)}/`, message })
/** An import through an alias ('@renderer/x…'): of the folder's files (`internals`), its index, or either. */
const aliasTo = (alias, names, message, part = 'any') => ({
  regex: `^${alias}/${anyOf(names)}${{ internals: '/', index: '$', any: '(/|$)' }[part]}`,
  message
})
const nodeBuiltins = [...new Set(builtinModules.map((name) => name.split('/')[0]))]

/** What a file in src/<top>/ may never import, whatever folder of <top> it sits in. */
function processPatterns(top) {
  const forbidden = PROCESS_FORBIDS[top]
  const patterns = [climbsTo(forbidden, `src/${top} does not import ${forbidden.join(', ')}.`)]
  if (forbidden.includes('renderer')) patterns.push(aliasTo('@renderer', ['.*'], `src/${top} does not import the renderer.`))
  const paths = []
  if (top !== 'main' && top !== 'preload') paths.push({ name: 'electron', message: `src/${top} is plain code: it never imports electron.` })
  if (top === 'renderer' || top === 'shared') {
    patterns.push({ regex: '^node:', message: `src/${top} runs in the renderer: no Node built-ins.` })
    for (const name of nodeBuiltins) paths.push({ name, message: `src/${top} runs in the renderer: no Node built-ins.` })
  }
  return { paths, patterns }
}

const restrict = (files, top, patterns) => {
  const base = processPatterns(top)
  return { files, rules: { 'no-restricted-imports': ['error', { paths: base.paths, patterns: [...base.patterns, ...patterns] }] } }
}

function coreBlocks() {
  const placed = CORE_LAYERS.flat()
  const handlersFile = '(^|/)([\\w-]+-)?handlers$'
  const testing = { regex: '(^|/)testing(/|$)', message: 'Test helpers are for tests: production code never imports them.' }
  const handlers = { regex: handlersFile, message: 'Only service.ts joins handlers; other code imports what the handlers call.' }
  const service = { regex: '^(\\.\\./)+service$', message: 'service.ts is above every folder but session/.' }
  const blocks = [
    restrict(['src/core/*.ts'], 'core', [
      { regex: '^\\./[\\w-]+/', message: 'The files at the root of src/core are the base: they import no core folder.' },
      { regex: '^\\./service$', message: 'service.ts is above the base.' },
      testing
    ])
  ]
  CORE_LAYERS.forEach((layer, index) => {
    const above = CORE_LAYERS.slice(index + 1).flat()
    for (const folder of layer) {
      const higher = [...above, ...layer.filter((peer) => peer !== folder)]
      const message = `src/core/${folder} is on layer ${index + 1} of CORE_LAYERS: it imports only lower layers.`
      // session/ is the top of core: it alone may use service.ts, which joins the handlers it serves.
      const serviceRule = folder === 'session' ? [] : [service]
      blocks.push(restrict([`src/core/${folder}/**`], 'core', [...(higher.length ? [climbsTo(higher, message)] : []), handlers, ...serviceRule, testing]))
    }
  })
  blocks.push(
    restrict(['src/core/*/handlers.ts', 'src/core/*/*-handlers.ts'], 'core', [
      { regex: `^(\\.\\./)+[\\w-]+/([\\w-]+-)?handlers$`, message: "A folder's handlers do not import another folder's handlers." },
      service,
      climbsTo(['session'], 'session/ is the top of core.'),
      testing
    ])
  )
  blocks.push(restrict(['src/core/service.ts'], 'core', [{ regex: '^\\./session(/|$)', message: 'session/ is the top of core.' }, testing]))
  blocks.push(restrict(['src/core/**/*.test.ts', 'src/core/testing/**', 'src/core/*/testing/**'], 'core', []))
  return { blocks, placed: [...placed, 'testing'] }
}

function rendererBlocks() {
  const root = 'src/renderer/src'
  const features = Object.keys(RENDERER_FEATURES)
  const noApp = [
    aliasTo('@renderer', ['app'], 'Nothing imports the shell (app/) but main.tsx.'),
    climbsTo(['app'], 'Nothing imports the shell (app/) but main.tsx.')
  ]
  const blocks = [
    restrict([`${root}/**`], 'renderer', []),
    restrict([`${root}/platform/**`], 'renderer', [
      ...noApp,
      aliasTo('@renderer', features, 'platform/ is the base: it imports no feature.'),
      climbsTo(features, 'platform/ is the base: it imports no feature.')
    ])
  ]
  for (const [feature, mayUse] of Object.entries(RENDERER_FEATURES)) {
    const others = features.filter((other) => other !== feature)
    const notAllowed = others.filter((other) => !mayUse.includes(other))
    const patterns = [
      ...noApp,
      aliasTo('@renderer', others, `A feature imports another feature through its index ('@renderer/<feature>') only.`, 'internals'),
      climbsTo(others, `A feature imports another feature through '@renderer/<feature>' only.`)
    ]
    if (notAllowed.length)
      patterns.push(aliasTo('@renderer', notAllowed, `${feature}/ may import ${mayUse.join(', ') || 'no other feature'} (RENDERER_FEATURES).`, 'index'))
    blocks.push(restrict([`${root}/${feature}/**`], 'renderer', patterns))
  }
  blocks.push(
    restrict([`${root}/app/**`, `${root}/main.tsx`], 'renderer', [
      aliasTo('@renderer', features, 'The shell imports a feature through its index only.', 'internals')
    ])
  )
  return { blocks, placed: [...features, 'app', 'platform'] }
}

/** A folder nobody placed in a table is unchecked: fail loudly instead. */
function requirePlaced(dir, placed) {
  const missing = readdirSync(new URL(dir, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !placed.includes(entry.name))
    .map((entry) => `${dir}/${entry.name}`)
  if (missing.length) throw new Error(`oxlint.config.mjs: place ${missing.join(', ')} in its boundary table (CORE_LAYERS or RENDERER_FEATURES).`)
}

const core = coreBlocks()
const renderer = rendererBlocks()
requirePlaced('src/core', core.placed)
requirePlaced('src/renderer/src', renderer.placed)

const boundaryBlocks = [
  ...['shared', 'cli', 'main', 'preload'].map((top) => restrict([`src/${top}/**`], top, [])),
  // Shared tests read their fixtures from disk; they run in Node only.
  {
    files: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src/shared never imports electron.' }],
          patterns: [climbsTo(PROCESS_FORBIDS.shared, 'src/shared imports nothing else of src/.')]
        }
      ]
    }
  },
  ...core.blocks,
  ...renderer.blocks,
  // The renderer's tests run in Node under vitest (one reads the source tree to check the registry): Node built-ins are
  // fine there; the process rules still hold.
  {
    files: ['src/renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src/renderer never imports electron.' }],
          patterns: [climbsTo(PROCESS_FORBIDS.renderer, `src/renderer does not import ${PROCESS_FORBIDS.renderer.join(', ')}.`)]
        }
      ]
    }
  }
]

export default defineConfig({
  plugins: ['typescript', 'unicorn', 'oxc', 'import', 'vitest', 'react'],
  categories: { correctness: 'error' },
  options: { typeAware: true, reportUnusedDisableDirectives: 'error' },
  ignorePatterns: ['out/**', 'dist/**', '**/fixtures/**'],
  rules: { ...rules, 'import/no-cycle': 'error', 'react/rules-of-hooks': 'off', 'react/exhaustive-deps': 'off' },
  overrides: [
    // The hooks rules where React runs (elsewhere `use` is Playwright's fixture callback or a cipher's method).
    { files: ['src/renderer/**'], rules: { 'react/rules-of-hooks': 'error', 'react/exhaustive-deps': 'error' } },
    ...boundaryBlocks
  ]
})
