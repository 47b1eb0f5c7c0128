import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runDoctor } from '../doctor/doctor'
import { isTempFile } from '../fs/atomic-write'
import { bundleForChild } from '../testing/bundle-for-child'
import { killWriterAtRandom } from '../testing/kill-at-random'
import { isWholeRevision, revisionBody } from '../testing/revisions'
import { tempDir } from '../testing/temp-vault'
import { Vault } from '../vault/vault'
import { parseEntryFile } from './entry-file'
import { claimOf } from './id-claims'
import type { IdClaim } from './id-claims'

const KILLS = Number(process.env.RAPPORT_RENAME_KILLS ?? 40)
/** Kills between the two halves of a rename needed before the test stops: about one kill in twenty lands there. */
const HITS = 2
const ENTRIES = 4

/** Every entry file of the vault's own journal, by the id it claims; each must be a whole revision. */
async function filesById(root: string): Promise<Map<string, IdClaim[]>> {
  const byId = new Map<string, IdClaim[]>()
  for (const name of await readdir(join(root, 'journal'))) {
    if (isTempFile(name) || !name.endsWith('.md')) continue
    const path = `journal/${name}`
    const file = parseEntryFile(await readFile(join(root, path), 'utf8'))
    expect(file.problem, path).toBeUndefined()
    expect(isWholeRevision(file.body), `${path} is torn`).toBe(true)
    const id = String(file.fields.id)
    byId.set(id, [...(byId.get(id) ?? []), claimOf(path, file.fields)])
  }
  return byId
}

/**
 * What the vault must show after any crash: one entry per id, in the file
 * saved last; every other file claiming that id a recognised leftover, which
 * the vault and doctor both report. Returns the leftovers' paths.
 */
async function expectOneEntryPerId(root: string): Promise<string[]> {
  const onDisk = await filesById(root)
  const vault = await Vault.open(root)
  const listed = vault.entries.list(null)
  expect(new Set(listed.map((e) => e.id)).size).toBe(listed.length)
  expect(listed.map((e) => e.id).sort()).toEqual([...onDisk.keys()].sort())
  const leftovers: string[] = []
  for (const entry of listed) {
    const [newest, ...older] = [...(onDisk.get(entry.id) ?? [])].sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated))
    expect(entry.path).toBe(newest?.path)
    leftovers.push(...older.map((claim) => claim.path))
  }
  leftovers.sort()
  const problems = vault.info().problems
  expect(problems.map((p) => p.path).sort()).toEqual(leftovers)
  for (const problem of problems) expect(problem.reason).toMatch(/interrupted rename/)
  const report = await runDoctor(root)
  expect(report.findings.map((f) => f.path).sort()).toEqual(leftovers)
  return leftovers
}

describe('renaming an entry, killed at any moment', () => {
  it(`never leaves two entries with one id, and doctor removes what a kill left (${KILLS}+ kills)`, { timeout: 900_000 }, async () => {
    const root = await tempDir('rapport-rename-crash-')
    const setup = await Vault.open(root)
    for (let i = 0; i < ENTRIES; i++) await setup.entries.create({ clientId: null, folder: 'journal', title: `Entry ${i}`, body: revisionBody(0, 40) })
    const writer = await bundleForChild('rename-writer', await tempDir('rapport-writer-'))

    let killsBetween = 0
    let leftovers: string[] = []
    let kills = 0
    // Kill on past KILLS until enough kills landed inside a rename (a cap keeps a broken writer from looping for ever).
    for (; kills < KILLS || (killsBetween < HITS && kills < KILLS * 8); kills++) {
      await killWriterAtRandom(writer, root)
      const found = await expectOneEntryPerId(root)
      // Kills that landed between writing the new file and removing the old one, counted by the leftovers they added.
      if (found.some((path) => !leftovers.includes(path))) killsBetween++
      leftovers = found
    }
    console.log(`rename crash: ${kills} kills, ${killsBetween} between the two halves of a rename, ${leftovers.length} leftovers in the end`)
    // The kills really landed inside renames, or this test proves nothing.
    expect(killsBetween).toBeGreaterThanOrEqual(HITS)

    const fixed = await runDoctor(root, { fix: true })
    expect(fixed.fixed.map((f) => f.path).sort()).toEqual(leftovers)
    expect(fixed.findings).toEqual([])
    // Copy before change: every removed leftover is kept in doctor's backup.
    for (const path of leftovers) {
      expect(existsSync(join(root, path))).toBe(false)
      expect(existsSync(join(root, fixed.backup ?? 'none', path))).toBe(true)
    }
    const reopened = await Vault.open(root)
    expect(reopened.info().problems).toEqual([])
    expect(reopened.entries.list(null)).toHaveLength(ENTRIES)
  })
})

describe('a rename stopped between its two halves', () => {
  /** Renames an entry, then puts its old file back: the disk exactly as a crash after the write and before the removal leaves it. */
  async function interruptedRename(oldTitle: string, newTitle: string, at = new Date('2026-03-01T10:00:00.000Z')) {
    const root = await tempDir()
    const vault = await Vault.open(root)
    const made = await vault.entries.create({ clientId: null, folder: 'journal', title: oldTitle, body: 'first\n' }, at)
    const before = await readFile(join(root, made.path), 'utf8')
    // The same moment as the file it replaces: the rename's own time still comes out later.
    const renamed = await vault.entries.save({ id: made.id, title: newTitle, body: 'second\n', version: made.version }, at)
    await writeFile(join(root, made.path), before)
    return { root, id: made.id, oldPath: made.path, newPath: renamed.path }
  }

  for (const [oldTitle, newTitle] of [
    ['Alpha', 'Omega'],
    ['Omega', 'Alpha']
  ] as const) {
    it(`shows the renamed entry once, whichever name sorts first (${oldTitle} → ${newTitle})`, async () => {
      const { root, id, oldPath, newPath } = await interruptedRename(oldTitle, newTitle)
      const vault = await Vault.open(root)
      expect(vault.entries.list(null).map((e) => [e.id, e.path, e.title])).toEqual([[id, newPath, newTitle]])
      expect((await vault.entries.read(id)).body).toBe('second\n')
      expect(vault.info().problems).toEqual([{ path: oldPath, reason: expect.stringMatching(/interrupted rename: .* is the same entry/) }])
    })
  }

  it('doctor reports the old file and --fix removes it, keeping a copy', async () => {
    const { root, oldPath, newPath } = await interruptedRename('Before', 'After')
    const old = await readFile(join(root, oldPath), 'utf8')
    const report = await runDoctor(root)
    expect(report.findings).toEqual([{ path: oldPath, reason: expect.stringContaining(newPath), fix: expect.stringContaining('remove it') }])
    const fixed = await runDoctor(root, { fix: true })
    expect(fixed.fixed).toEqual([{ path: oldPath, action: expect.stringContaining('removed it') }])
    expect(existsSync(join(root, oldPath))).toBe(false)
    expect(await readFile(join(root, fixed.backup ?? 'none', oldPath), 'utf8')).toBe(old)
    expect(fixed.findings).toEqual([])
  })

  it('a running vault hears of the leftover going away and reports it no more', async () => {
    const { root, oldPath } = await interruptedRename('Before', 'After')
    const vault = await Vault.open(root)
    expect(vault.info().problems).toHaveLength(1)
    await runDoctor(root, { fix: true })
    await vault.entries.refresh(oldPath, null)
    expect(vault.info().problems).toEqual([])
    expect(vault.entries.list(null)).toHaveLength(1)
  })

  it('two files with one id saved at the same moment are still a clash a person settles, not a leftover', async () => {
    const root = await tempDir()
    await mkdir(join(root, 'journal'))
    const same = (title: string) => `---\nid: e_twin\ntitle: ${title}\ncreated: 2026-03-01T10:00:00.000Z\nupdated: 2026-03-01T10:00:00.000Z\n---\n\n${title}\n`
    await writeFile(join(root, 'journal/2026-03-01-one.md'), same('One'))
    await writeFile(join(root, 'journal/2026-03-01-two.md'), same('Two'))
    const vault = await Vault.open(root)
    expect(vault.entries.list(null)).toHaveLength(2)
    expect(vault.info().problems).toEqual([{ path: 'journal/2026-03-01-two.md', reason: expect.stringContaining('is also used by journal/2026-03-01-one.md') }])
  })
})
