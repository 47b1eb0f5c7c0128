import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Read as text: importing the registry would load every feature, TipTap and all, into a Node test.
const SRC = join(import.meta.dirname, '..')
const registry = readFileSync(join(SRC, 'app', 'registry.ts'), 'utf8')
const app = readFileSync(join(SRC, 'app', 'App.tsx'), 'utf8')
const features = readdirSync(SRC, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'app' && d.name !== 'platform')
  .map((d) => d.name)

/** Components named …Command or …Commands: a feature's commands and their dialogs. */
function commandComponents(feature: string): string[] {
  return readdirSync(join(SRC, feature))
    .filter((file) => /^[A-Z]\w*Commands?\.tsx$/.test(file))
    .map((file) => file.replace(/\.tsx$/, ''))
}

describe('the shell registry', () => {
  it('mounts every feature’s command component from the registry, not by hand in App', () => {
    const hosts = features.flatMap(commandComponents)
    expect(hosts.length).toBeGreaterThan(8)
    for (const host of hosts) {
      expect(registry, `${host} is missing from commandHosts`).toMatch(new RegExp(`commandHosts[\\s\\S]*\\b${host}\\b`))
      expect(app).not.toMatch(new RegExp(`<${host}\\b`))
    }
  })

  it('reaches each feature through its index.ts only', () => {
    for (const source of [registry, app]) {
      const deep = [...source.matchAll(/from '@renderer\/([\w-]+)\/[^']+'/g)].map((m) => m[1]).filter((folder) => folder !== 'platform')
      expect(deep).toEqual([])
    }
    for (const feature of features) expect(readdirSync(join(SRC, feature))).toContain('index.ts')
  })
})
