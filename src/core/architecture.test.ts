import { readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The core's folders depend one way (README, "Architecture"). Lowest first: a
 * module may import modules on lower lines only, never a peer on its own line,
 * never one above. Tests and `testing/` are exempt (they wire things together);
 * the linter's boundary rule reads the same table (layers.json); this test also
 * names cycles between folders plainly.
 */
export const CORE_LAYERS: readonly (readonly string[])[] = (JSON.parse(readFileSync(join(__dirname, 'layers.json'), 'utf8')) as { layers: string[][] }).layers

const CORE = resolve(__dirname)

/** The layer a core source file belongs to, or null for tests and test helpers. */
export function layerOf(file: string): string | null {
  const parts = relative(CORE, file).split(sep)
  if (parts[0] === 'testing' || /\.test\.tsx?$/.test(file)) return null
  if (parts.length === 1) return parts[0] === 'service.ts' ? 'service' : 'base'
  if (/(^|-)handlers\.ts$/.test(basename(file))) return 'handlers'
  return parts[0] ?? null
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((item) => {
    const path = join(folder, item.name)
    if (item.isDirectory()) return item.name === 'fixtures' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(item.name) ? [path] : []
  })
}

export interface CoreImport {
  from: string
  to: string
  /** The importing file and the specifier, for the message. */
  where: string
}

/**
 * The module specifiers a TypeScript file imports: `import … from`, `export … from`,
 * bare `import '…'` and `import('…')`. (TypeScript 7 has no JavaScript API to ask.)
 */
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g
export const specifiers = (source: string): string[] => [...source.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3]) as string)

/** Every import (static, dynamic and `export … from`) between two layers of the core, tests left out. */
export function coreImports(files: readonly string[], read: (file: string) => string): CoreImport[] {
  const found: CoreImport[] = []
  for (const file of files) {
    const from = layerOf(file)
    if (from === null) continue
    for (const specifier of specifiers(read(file))) {
      const where = `${relative(CORE, file)} imports '${specifier}'`
      if (specifier === 'electron' || specifier.startsWith('electron/')) found.push({ from, to: 'electron', where })
      if (!specifier.startsWith('.')) continue
      const target = resolve(dirname(file), specifier)
      if (!target.startsWith(CORE + sep)) continue
      const to = layerOf(`${target}.ts`) ?? 'testing'
      const sameFolder = dirname(target) === dirname(file)
      if (to !== from || (to === 'handlers' && !sameFolder)) found.push({ from, to, where })
    }
  }
  return found
}

const rank = new Map(CORE_LAYERS.flatMap((line, index) => line.map((layer) => [layer, index] as const)))

/** The imports that break the order: upward, sideways to a peer, to an unknown folder, or to electron. */
export function wrongWay(imports: readonly CoreImport[]): string[] {
  return imports
    .filter(({ from, to }) => {
      const a = rank.get(from)
      const b = rank.get(to)
      if (a === undefined || b === undefined) return true
      return b > a || (b === a && from !== 'base')
    })
    .map(({ from, to, where }) => `${from} → ${to}: ${where}`)
}

/**
 * The groups of folders that reach each other through imports (Tarjan's
 * strongly connected components), each written `a ⇄ b ⇄ c`. The order above
 * rules them out; this names a cycle plainly when one appears.
 */
export function folderCycles(imports: readonly CoreImport[]): string[] {
  const next = new Map<string, Set<string>>()
  for (const { from, to } of imports) if (from !== to) next.set(from, (next.get(from) ?? new Set()).add(to))
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const cycles: string[] = []
  const visit = (node: string): void => {
    index.set(node, index.size)
    low.set(node, index.get(node) as number)
    stack.push(node)
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) visit(to)
      if (stack.includes(to)) low.set(node, Math.min(low.get(node) as number, low.get(to) as number))
    }
    if (low.get(node) !== index.get(node)) return
    const group = stack.splice(stack.indexOf(node))
    if (group.length > 1) cycles.push(group.sort().join(' ⇄ '))
  }
  for (const node of next.keys()) if (!index.has(node)) visit(node)
  return cycles.sort()
}

describe('core architecture', () => {
  const files = sourceFiles(CORE)
  const imports = coreImports(files, (file) => readFileSync(file, 'utf8'))

  it('reads a real import graph', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(imports.some((i) => i.from === 'vault' && i.to === 'entries')).toBe(true)
  })

  it('has every core folder in the layer order', () => {
    const folders = new Set(files.map(layerOf).filter((layer): layer is string => layer !== null))
    expect([...folders].filter((folder) => !rank.has(folder))).toEqual([])
  })

  it('imports only downward: no folder imports a peer or a folder above it', () => {
    expect(wrongWay(imports)).toEqual([])
  })

  it('has no cycle between folders', () => {
    expect(folderCycles(imports)).toEqual([])
  })

  it('catches a back import and the cycle it makes', () => {
    const back = coreImports([join(CORE, 'fs', 'atomic-write.ts')], () => "import type { Vault } from '../vault/vault'\n")
    expect(wrongWay(back)).toEqual(["fs → vault: fs/atomic-write.ts imports '../vault/vault'"])
    expect(folderCycles([...imports, ...back]).some((cycle) => /\bfs\b.*\bvault\b/.test(cycle))).toBe(true)
  })
})
