import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isTempFile } from '../fs/atomic-write'
import { parseEntryFile } from '../entries/entry-file'
import { isWholeRevision, revisionBody } from '../testing/revisions'
import { bundleForChild } from '../testing/bundle-for-child'
import { killWriterAtRandom } from '../testing/kill-at-random'
import { tempDir } from '../testing/temp-vault'
import { clientFileSchema } from '../../shared/domain'
import { Vault } from './vault'

const KILLS = Number(process.env.RAPPORT_CRASH_KILLS ?? 200)

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, item.name)
    if (item.isDirectory()) yield* filesUnder(path)
    else yield path
  }
}

/** Every entry is a whole revision, every client.json is valid; returns the files checked and the revisions found. */
async function checkEveryFile(vault: string): Promise<{ checked: number; revisions: Set<string> }> {
  let checked = 0
  const revisions = new Set<string>()
  for await (const path of filesUnder(join(vault, 'clients'))) {
    if (isTempFile(path)) continue
    const text = await readFile(path, 'utf8')
    if (path.endsWith('.json')) {
      const client = JSON.parse(text)
      expect(clientFileSchema.safeParse(client).success, path).toBe(true)
      revisions.add(`${path}:${client.tags?.[0]}`)
    } else {
      const file = parseEntryFile(text)
      expect(file.problem, path).toBeUndefined()
      expect(typeof file.fields.id, path).toBe('string')
      expect(isWholeRevision(file.body), `${path} is torn:\n${text.slice(0, 200)}`).toBe(true)
      revisions.add(`${path}:${file.body.slice(0, 12)}`)
    }
    checked++
  }
  return { checked, revisions }
}

/** One vault, killed `kills` times; every file is checked after every kill and the vault reopened. */
async function runLane(writer: string, kills: number): Promise<{ checked: number; revisions: number; entries: number }> {
  const vault = await tempDir('rapport-crash-')
  const setup = await Vault.open(vault)
  for (const name of ['Alpha', 'Beta']) {
    const client = await setup.clients.create(name)
    for (let i = 0; i < 3; i++) {
      await setup.entries.create({ clientId: client.id, folder: `clients/${client.slug}/journal`, title: `${name} ${i}`, body: revisionBody(0, 10) })
    }
  }
  let checked = 0
  const seen = new Set<string>()
  for (let kill = 0; kill < kills; kill++) {
    await killWriterAtRandom(writer, vault)
    const found = await checkEveryFile(vault)
    checked += found.checked
    for (const revision of found.revisions) seen.add(revision)
    expect((await Vault.open(vault)).info().problems).toEqual([])
  }
  // Temporary files left by the kills are never taken for entries.
  const reopened = await Vault.open(vault)
  const entries = reopened.clients.list().flatMap((c) => reopened.entries.list(c.id))
  expect(entries.every((e) => !isTempFile(e.path))).toBe(true)
  return { checked, revisions: seen.size, entries: entries.length }
}

describe('crash safety', () => {
  it(`leaves every file whole-old or whole-new when the writer is killed ${KILLS} times`, { timeout: 600_000 }, async () => {
    const writer = await bundleForChild('crash-writer', await tempDir('rapport-writer-'))
    // Two vaults, each with its own writer, killed in turn: the two cores share the ${KILLS} kills.
    const lanes = await Promise.all([0, 1].map(() => runLane(writer, KILLS / 2)))
    const total = lanes.reduce((sum, lane) => ({
      checked: sum.checked + lane.checked,
      revisions: sum.revisions + lane.revisions,
      entries: sum.entries + lane.entries
    }))
    expect(total.checked).toBeGreaterThanOrEqual(KILLS * 6)
    // The kills really landed while writing: files moved through many revisions, and new entries were created.
    expect(total.revisions).toBeGreaterThan(KILLS)
    for (const lane of lanes) expect(lane.entries).toBeGreaterThan(6)
    console.log(`crash safety: ${KILLS} kills, ${total.checked} file checks, ${total.revisions} distinct file revisions seen, ${total.entries} entries`)
  })

  it('ignores and later removes a temporary file left by a crash', async () => {
    const vault = await tempDir()
    const v = await Vault.open(vault)
    const client = await v.clients.create('Gamma')
    const temp = join(vault, 'clients/gamma/journal/.rapport-tmp-2026-01-01-note.md.abcdef')
    await writeFile(temp, '---\nid: e_half\ntitle: half writ')
    const old = new Date(Date.now() - 5 * 60_000)
    const { utimes } = await import('node:fs/promises')
    await utimes(temp, old, old)
    const reopened = await Vault.open(vault)
    expect(reopened.entries.list(client.id)).toEqual([])
    expect(reopened.info().problems).toEqual([])
    expect((await readdir(join(vault, 'clients/gamma/journal'))).filter(isTempFile)).toEqual([])
  })
})
