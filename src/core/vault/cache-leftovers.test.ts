import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backlinksCacheFile } from '../mentions/backlinks-index'
import { cacheFile } from '../search/index-cache'
import { openTestVault } from '../testing/open-vault'
import { tempDir } from '../testing/temp-vault'

/** A vault with entries, a mention, and both caches written. */
async function vaultWithCaches(root?: string) {
  const v = await openTestVault(root)
  const client = await v.call('clients:create', { name: 'Dana Whitfield' })
  const target = await v.call('entries:create', { clientId: client.id, title: 'Pilot', body: 'The pilot: granite.\n' })
  await v.call('entries:create', { clientId: client.id, title: 'Follow-up', body: `See [Pilot](rapport://entry/${target.id}) again.\n` })
  await v.indexes.search.settled()
  await v.indexes.backlinks.current()
  await v.indexes.backlinks.persist()
  return { ...v, client, target }
}

const search = async (v: Awaited<ReturnType<typeof openTestVault>>, query: string) => {
  await v.indexes.search.indexed()
  return (await v.call('search:query', { query })).results.map((r) => r.title)
}

describe('caches a sync tool or git brings in', () => {
  it('a cache committed with git conflict markers is not trusted: both are rebuilt from the files', async () => {
    const first = await vaultWithCaches()
    for (const file of [cacheFile(first.dir), backlinksCacheFile(first.dir)]) {
      const good = await readFile(file, 'utf8')
      await writeFile(file, `<<<<<<< HEAD\n${good}\n=======\n${good.replace(/granite/g, 'basalt')}\n>>>>>>> 3f2a1c9\n`)
    }
    const again = await openTestVault(first.dir)
    expect(await search(again, 'granite')).toEqual(['Pilot'])
    expect(await search(again, 'basalt')).toEqual([])
    expect(again.indexes.search.stats).toMatchObject({ opened: 'rebuilt', cacheProblem: 'the cache is not valid JSON' })
    expect((await again.call('backlinks:of', { target: first.target.id })).map((b) => b.title)).toEqual(['Follow-up'])
    expect(again.indexes.backlinks.stats.opened).toBe('rebuilt')
    await again.indexes.search.settled()
    await again.indexes.backlinks.persist()
    for (const file of [cacheFile(first.dir), backlinksCacheFile(first.dir)]) expect(await readFile(file, 'utf8')).not.toContain('<<<<<<<')
  })

  it("another computer's cache synced in is checked against this computer's files: what differs is read again", async () => {
    const laptop = await vaultWithCaches()
    const desktop = await tempDir()
    await cp(laptop.dir, desktop, { recursive: true })
    // On the desktop the entry says something else; the laptop's caches then arrive over the desktop's.
    const path = join(desktop, laptop.target.path)
    await writeFile(path, (await readFile(path, 'utf8')).replace('granite', 'marble'))
    const onDesktop = await openTestVault(desktop)
    await onDesktop.indexes.search.settled()
    await cp(cacheFile(laptop.dir), cacheFile(desktop))
    await cp(backlinksCacheFile(laptop.dir), backlinksCacheFile(desktop))
    const reopened = await openTestVault(desktop)
    expect(await search(reopened, 'marble')).toEqual(['Pilot'])
    expect(await search(reopened, 'granite')).toEqual([])
    expect(reopened.indexes.search.stats).toMatchObject({ opened: 'cache', sourcesIndexed: 1 })
  })

  it('conflicting copies of the caches are removed with the cache they copy, which is rebuilt; none is ever an entry', async () => {
    const v = await vaultWithCaches()
    const cache = join(v.dir, '.rapport/cache')
    const searchCopy = 'search-index.sync-conflict-20261207-101500-ABCDEFG.json'
    const backlinksCopy = "backlinks (Anna's conflicted copy 2026-12-07).json"
    await cp(cacheFile(v.dir), join(cache, searchCopy))
    await cp(backlinksCacheFile(v.dir), join(cache, backlinksCopy))
    const reopened = await openTestVault(v.dir)
    expect(await readdir(cache)).not.toContain(searchCopy)
    expect(await readdir(cache)).not.toContain(backlinksCopy)
    expect(await search(reopened, 'granite')).toEqual(['Pilot'])
    expect(reopened.indexes.search.stats.opened).toBe('rebuilt')
    expect((await reopened.call('backlinks:of', { target: v.target.id })).map((b) => b.title)).toEqual(['Follow-up'])
    expect(reopened.indexes.backlinks.stats.opened).toBe('rebuilt')
    expect((await reopened.call('entries:list', { clientId: v.client.id })).map((e) => e.title).sort()).toEqual(['Follow-up', 'Pilot'])
    expect(await reopened.call('conflicts:list', undefined)).toEqual([])
  })
})
