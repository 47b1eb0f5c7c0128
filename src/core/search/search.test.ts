import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Input } from '../../shared/api'
import type { SearchAnswer, SearchResult } from '../../shared/contract/search'
import { openTestVault } from '../testing/open-vault'
import { cacheFile } from './index-cache'

type TestVault = Awaited<ReturnType<typeof openTestVault>>

/** Searches through the contract once everything written so far is indexed. */
async function search(v: TestVault, query: string, more: Omit<Input<'search:query'>, 'query'> = {}): Promise<SearchAnswer> {
  await v.indexes.search.indexed()
  return v.call('search:query', { query, ...more })
}

const titles = (answer: SearchAnswer): string[] => answer.results.map((r) => r.title)
const marked = (text: string, ranges: Array<[number, number]>): string[] => ranges.map(([start, end]) => text.slice(start, end))

/** A hand-written entry file, as a person or another program would leave it. */
const entryFile = (fields: Record<string, string>, body: string): string =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n${body}`

describe('search', () => {
  it('finds entries by prefix and with typos, puts a title match above a body match, and opens at the match', async () => {
    const v = await openTestVault()
    const dana = await v.call('clients:create', { name: 'Dana Whitfield' })
    const review = await v.call('entries:create', { clientId: dana.id, title: 'Budget review', body: 'Nothing here about money.\n' })
    const notes = await v.call('entries:create', {
      clientId: dana.id,
      title: 'Weekly notes',
      body: '## Call\n\nWe talked for an hour about **timing**. The budget for spring is tight, she said.\n\nMore later.\n'
    })

    const byPrefix = await search(v, 'budg')
    expect(titles(byPrefix)).toEqual(['Budget review', 'Weekly notes'])
    expect(byPrefix.total).toBe(2)
    expect(byPrefix.indexing).toBeUndefined()
    const [first, second] = byPrefix.results as [SearchResult, SearchResult]
    expect(marked(first.title, first.titleHighlights)).toEqual(['Budget'])
    expect(first.open).toEqual({ kind: 'entry', entryId: review.id, offset: 0 })

    expect(second.open.kind).toBe('entry')
    const offset = second.open.kind === 'entry' ? second.open.offset : -1
    expect(notes.body.slice(offset, offset + 6)).toBe('budget')
    expect(marked(second.snippet, second.highlights)).toEqual(['budget'])
    expect(second.snippet).not.toMatch(/[#*]/)
    expect(second.snippet).toContain('The budget for spring is tight')
    expect(second).toMatchObject({ clientId: dana.id, clientName: 'Dana Whitfield', kind: 'entry' })

    expect(titles(await search(v, 'bugdet'))).toEqual(['Budget review', 'Weekly notes'])
    expect(titles(await search(v, 'budget spring'))).toEqual(['Weekly notes'])
    // Every word must match when something matches them all; otherwise the best partial matches come back.
    expect(titles(await search(v, 'budget zeppelin'))).toEqual(['Budget review', 'Weekly notes'])
    expect((await search(v, 'zeppelin')).results).toEqual([])
    expect((await search(v, '   ')).results).toEqual([])
  })

  it('finds clients by their profile, and commitments and interactions, each opening where it belongs', async () => {
    const v = await openTestVault()
    const dana = await v.call('clients:create', { name: 'Dana Whitfield' })
    await v.call('clients:create', { name: 'Aaron Abbott' })
    await v.call('clients:update-profile', { id: dana.id, patch: { organisation: 'Northwind', person: { likes: ['jazz'], dislikes: ['cucumber'] } } })
    const { commitment } = await v.call('commitments:add', { clientId: dana.id, by: 'me', what: 'Send the revised scope', due: '2026-11-25' })
    const { interaction } = await v.call('interactions:add', {
      clientId: dana.id,
      channel: 'phone',
      direction: 'out',
      outcome: 'left-message',
      note: 'Left a voicemail about the renewal'
    })

    const cucumber = await search(v, 'cucmber')
    expect(cucumber.results).toHaveLength(1)
    const client = cucumber.results[0] as SearchResult
    expect(client).toMatchObject({ kind: 'client', title: 'Dana Whitfield', open: { kind: 'client', clientId: dana.id } })
    expect(client.snippet).toContain('Dislikes: cucumber')
    expect(marked(client.snippet, client.highlights)).toEqual(['cucumber'])

    expect((await search(v, 'northwind')).results[0]?.open).toEqual({ kind: 'client', clientId: dana.id })
    const promised = await search(v, 'revised scope')
    expect(promised.results[0]).toMatchObject({
      kind: 'commitment',
      title: 'Send the revised scope',
      open: { kind: 'commitment', clientId: dana.id, commitmentId: commitment.id }
    })
    const call = await search(v, 'voicemail')
    expect(call.results[0]).toMatchObject({
      kind: 'interaction',
      title: 'Phone, left message',
      open: { kind: 'interaction', clientId: dana.id, interactionId: interaction.id }
    })
    expect(marked(call.results[0]?.snippet ?? '', call.results[0]?.highlights ?? [])).toEqual(['voicemail'])
  })

  it('filters by client, template, tag, date range, stage and kind', async () => {
    const v = await openTestVault()
    const dana = await v.call('clients:create', { name: 'Dana Whitfield' })
    const aaron = await v.call('clients:create', { name: 'Aaron Abbott' })
    await v.call('clients:set-stage', { id: aaron.id, stage: 'engaged' })
    await v.call('entries:create', { clientId: dana.id, title: 'Pricing with Dana' })
    await v.call('entries:create', { clientId: aaron.id, title: 'Pricing with Aaron', template: 'respect', body: 'Pricing came up again.\n' })
    await mkdir(join(v.dir, 'journal'), { recursive: true })
    await writeFile(
      join(v.dir, 'journal/2024-03-01-old-pricing.md'),
      entryFile({ id: 'e_old', title: 'Old pricing notes', created: '2024-03-01T09:00:00.000Z', tags: '[Retainer, pricing]' }, 'Pricing then.\n')
    )
    await v.vault.applyChanges(['journal/2024-03-01-old-pricing.md'])
    await v.call('commitments:add', { clientId: dana.id, by: 'client', what: 'Confirm the pricing' })

    const all = await search(v, 'pricing')
    expect(titles(all).sort()).toEqual(['Confirm the pricing', 'Old pricing notes', 'Pricing with Aaron', 'Pricing with Dana'])
    expect(titles(await search(v, 'pricing', { filters: { clientId: dana.id } })).sort()).toEqual(['Confirm the pricing', 'Pricing with Dana'])
    expect(titles(await search(v, 'pricing', { filters: { template: 'respect' } }))).toEqual(['Pricing with Aaron'])
    expect(titles(await search(v, 'pricing', { filters: { tag: 'retainer' } }))).toEqual(['Old pricing notes'])
    expect(titles(await search(v, 'pricing', { filters: { from: '2024-01-01', to: '2024-12-31' } }))).toEqual(['Old pricing notes'])
    expect(titles(await search(v, 'pricing', { filters: { to: '2024-03-01' } }))).toEqual(['Old pricing notes'])
    expect(titles(await search(v, 'pricing', { filters: { stage: 'engaged' } }))).toEqual(['Pricing with Aaron'])
    expect(titles(await search(v, 'pricing', { filters: { kinds: ['commitment'] } }))).toEqual(['Confirm the pricing'])
    expect((await search(v, 'pricing', { limit: 1 })).results).toHaveLength(1)
    expect((await search(v, 'pricing', { limit: 1 })).total).toBe(4)
    await expect(v.call('search:query', { query: 'pricing', filters: { from: 'last week' } })).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('matches a quoted phrase only as written', async () => {
    const v = await openTestVault()
    await v.call('entries:create', { clientId: null, title: 'One', body: 'The scope creep started in May.\n' })
    await v.call('entries:create', { clientId: null, title: 'Two', body: 'The scope was fine; creep was elsewhere.\n' })
    expect(titles(await search(v, 'scope creep')).sort()).toEqual(['One', 'Two'])
    const phrase = await search(v, '"scope creep"')
    expect(titles(phrase)).toEqual(['One'])
    expect(phrase.total).toBe(1)
    expect(titles(await search(v, '"creep scope"'))).toEqual([])
  })

  it('keeps up with saves, new entries, the trash, restores, changes made on disk and renamed clients', async () => {
    const v = await openTestVault()
    const dana = await v.call('clients:create', { name: 'Dana Whitfield' })
    let entry = await v.call('entries:create', { clientId: dana.id, title: 'Kickoff', body: 'We spoke about the aquarium.\n' })
    expect(titles(await search(v, 'aquarium'))).toEqual(['Kickoff'])

    entry = await v.call('entries:save', { id: entry.id, title: 'Kickoff', body: 'We spoke about the lighthouse.\n', version: entry.version })
    expect(titles(await search(v, 'aquarium'))).toEqual([])
    expect(titles(await search(v, 'lighthouse'))).toEqual(['Kickoff'])
    const service = v.indexes.search
    const indexedBefore = service.stats.sourcesIndexed
    await v.call('entries:save', { id: entry.id, title: 'Kickoff', body: 'We spoke about the lighthouse and the harbour.\n', version: entry.version })
    await search(v, 'harbour')
    expect(service.stats.sourcesIndexed - indexedBefore).toBe(1) // that entry alone

    await v.call('entries:trash', { id: entry.id })
    expect(titles(await search(v, 'lighthouse'))).toEqual([])
    const [trashed] = await v.call('trash:list', undefined)
    await v.call('trash:restore', { id: trashed?.id ?? '' })
    expect(titles(await search(v, 'lighthouse'))).toEqual(['Kickoff'])

    // Another program adds, edits and deletes a file; the watcher's paths are applied.
    const path = 'clients/dana-whitfield/journal/2026-01-02-from-elsewhere.md'
    await writeFile(join(v.dir, path), entryFile({ id: 'e_elsewhere', title: 'From elsewhere' }, 'Synced from the laptop: marmalade.\n'))
    await v.vault.applyChanges([path])
    expect(titles(await search(v, 'marmalade'))).toEqual(['From elsewhere'])
    await writeFile(join(v.dir, path), entryFile({ id: 'e_elsewhere', title: 'From elsewhere' }, 'Edited on the laptop: porridge.\n'))
    await v.vault.applyChanges([path])
    expect(titles(await search(v, 'marmalade'))).toEqual([])
    expect(titles(await search(v, 'porridge'))).toEqual(['From elsewhere'])
    await rm(join(v.dir, path))
    await v.vault.applyChanges([path])
    expect(titles(await search(v, 'porridge'))).toEqual([])

    // Entries hold their client's name: renaming the client finds them under the new one.
    await v.call('clients:rename', { id: dana.id, name: 'Dana Okafor' })
    expect(titles(await search(v, 'okafor', { filters: { kinds: ['entry'] } }))).toEqual(['Kickoff'])
    expect((await search(v, 'whitfield')).results).toEqual([])
  })

  it('opens from its cache when nothing changed, and indexes only what changed while it was closed', async () => {
    const first = await openTestVault()
    const dana = await first.call('clients:create', { name: 'Dana Whitfield' })
    const kept = await first.call('entries:create', { clientId: dana.id, title: 'Kept', body: 'Nothing changes here: granite.\n' })
    const edited = await first.call('entries:create', { clientId: dana.id, title: 'Edited', body: 'Before: willow.\n' })
    const removed = await first.call('entries:create', { clientId: dana.id, title: 'Removed', body: 'Soon gone: quartz.\n' })
    await first.indexes.search.settled()
    expect(existsSync(cacheFile(first.dir))).toBe(true)
    expect(first.indexes.search.stats).toMatchObject({ opened: 'rebuilt', cacheProblem: 'there is no cache yet', cacheWrites: 1 })

    const again = await openTestVault(first.dir)
    expect(titles(await search(again, 'granite'))).toEqual(['Kept'])
    expect(again.indexes.search.stats).toMatchObject({ opened: 'cache', sourcesIndexed: 0 })

    // While Rapport is closed: one entry edited, one deleted, one added.
    const journal = join(first.dir, 'clients/dana-whitfield/journal')
    const editedPath = join(first.dir, edited.path)
    await writeFile(editedPath, (await readFile(editedPath, 'utf8')).replace('willow', 'birch'))
    await rm(join(first.dir, removed.path))
    await writeFile(join(journal, '2026-02-02-added.md'), entryFile({ id: 'e_added', title: 'Added' }, 'New: cedar.\n'))

    const third = await openTestVault(first.dir)
    expect(titles(await search(third, 'birch'))).toEqual(['Edited'])
    expect(titles(await search(third, 'willow'))).toEqual([])
    expect(titles(await search(third, 'quartz'))).toEqual([])
    expect(titles(await search(third, 'cedar'))).toEqual(['Added'])
    expect(titles(await search(third, 'granite'))).toEqual(['Kept'])
    expect(third.indexes.search.stats).toMatchObject({ opened: 'cache', sourcesIndexed: 3 })
    expect(kept.id).toBeTruthy()
  })

  it('rebuilds a cache that is corrupt, cut short or stale', async () => {
    const v = await openTestVault()
    await v.call('entries:create', { clientId: null, title: 'Survivor', body: 'Still here: juniper.\n' })
    await v.indexes.search.settled()
    const good = await readFile(cacheFile(v.dir), 'utf8')
    const parsed = JSON.parse(good) as { format: number; index: { postings: string } }

    const damaged: Array<[string, string, RegExp]> = [
      ['garbage', 'this is not json {', /not valid JSON/],
      ['cut short', good.slice(0, good.length / 2), /not valid JSON/],
      ['older format', JSON.stringify({ ...parsed, format: 0 }), /format 0/],
      ['broken postings', JSON.stringify({ ...parsed, index: { ...parsed.index, postings: 'AAAA' } }), /postings/]
    ]
    for (const [what, text, reason] of damaged) {
      await writeFile(cacheFile(v.dir), text)
      const reopened = await openTestVault(v.dir)
      expect(titles(await search(reopened, 'juniper')), what).toEqual(['Survivor'])
      const service = reopened.indexes.search
      expect(service.stats.opened, what).toBe('rebuilt')
      expect(service.stats.cacheProblem, what).toMatch(reason)
      await service.settled()
      expect(JSON.parse(await readFile(cacheFile(v.dir), 'utf8')).format, what).toBe(parsed.format)
    }
  })

  it('answers while it indexes, says how far it has got, and is ready after', async () => {
    const v = await openTestVault()
    await mkdir(join(v.dir, 'journal'), { recursive: true })
    for (let i = 0; i < 40; i++)
      await writeFile(
        join(v.dir, `journal/2026-01-${String(1 + (i % 28)).padStart(2, '0')}-note-${i}.md`),
        entryFile({ id: `e_note${i}`, title: `Note ${i}` }, `Entry number ${i} about the orchard.\n`)
      )
    const reopened = await openTestVault(v.dir)
    const early = await reopened.call('search:query', { query: 'orchard' })
    expect(early.indexing).toMatchObject({ state: 'indexing' })
    expect(await reopened.call('search:status', undefined)).toMatchObject({ state: 'indexing' })
    await reopened.indexes.search.indexed()
    expect(await reopened.call('search:status', undefined)).toEqual({ state: 'ready', done: 40, total: 40 })
    const late = await reopened.call('search:query', { query: 'orchard', limit: 50 })
    expect(late.indexing).toBeUndefined()
    expect(late.total).toBe(40)
  })

  it('indexes a hand-written client.json that leaves its lists out', async () => {
    const v = await openTestVault()
    await mkdir(join(v.dir, 'clients/bare/journal'), { recursive: true })
    await writeFile(join(v.dir, 'clients/bare/client.json'), JSON.stringify({ format: 1, id: 'c_bare', name: 'Bare Minimum', organisation: 'Tinyco' }))
    await v.vault.applyChanges(['clients/bare/client.json'])
    expect((await search(v, 'tinyco')).results[0]).toMatchObject({ kind: 'client', title: 'Bare Minimum', open: { kind: 'client', clientId: 'c_bare' } })
  })

  it('treats hostile and huge text as text', async () => {
    const v = await openTestVault()
    await v.call('entries:create', {
      clientId: null,
      title: '<img src=x onerror=alert(1)> title',
      body: 'Before <script>alert("boo")</script> after [a link](javascript:alert(2)) and <b>bold</b> words.\n'
    })
    const hostile = await search(v, 'alert')
    expect(hostile.results).toHaveLength(1)
    const result = hostile.results[0] as SearchResult
    expect(result.title).toBe('<img src=x onerror=alert(1)> title')
    expect(marked(result.title, result.titleHighlights)).toEqual(['alert'])
    expect(result.snippet).not.toMatch(/[<>]/)
    expect(result.snippet).toContain('a link')

    const filler = 'lorem ipsum dolor sit amet '.repeat(120_000)
    await v.call('entries:create', { clientId: null, title: 'Huge', body: `Start with a pangolin.\n${filler}\nEnd with a narwhal.\n` })
    const huge = await search(v, 'pangolin')
    expect(titles(huge)).toEqual(['Huge'])
    expect(huge.results[0]?.snippet.length).toBeLessThan(200)
    expect(huge.tookMs).toBeLessThan(5_000)
    // Only the first million characters are indexed: a pasted log cannot stall indexing.
    expect((await search(v, 'narwhal')).results).toEqual([])
    expect((await search(v, 'x'.repeat(1000))).results).toEqual([])
  })
})
