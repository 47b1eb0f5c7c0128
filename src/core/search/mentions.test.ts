import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SearchAnswer, SearchResult } from '../../shared/contract/search'
import { mentionMarkdown } from '../../shared/mentions'
import { openTestVault } from '../testing/open-vault'
import { mentionSpans } from './mention-names'
import { mentionsInSignature } from './sources'

type TestVault = Awaited<ReturnType<typeof openTestVault>>

async function search(v: TestVault, query: string): Promise<SearchAnswer> {
  await v.indexes.search.indexed()
  return v.call('search:query', { query })
}

const marked = (r: SearchResult): string[] => r.highlights.map(([start, end]) => r.snippet.slice(start, end))
const entryTitles = (answer: SearchAnswer): string[] => answer.results.filter((r) => r.kind === 'entry').map((r) => r.title)
const offsetOf = (r: SearchResult | undefined): number => (r?.open.kind === 'entry' ? r.open.offset : -1)

const ACME_FILE = 'clients/acme-logistics/client.json'

/** Renames a person the way another program would: by editing client.json. */
async function renameOnDisk(dir: string, personId: string, name: string): Promise<void> {
  const file = join(dir, ACME_FILE)
  const data = JSON.parse(await readFile(file, 'utf8')) as { people: Array<{ id: string; name: string }> }
  const person = data.people.find((p) => p.id === personId)
  if (!person) throw new Error('no such person in the file')
  person.name = name
  await writeFile(file, JSON.stringify(data, null, 2))
}

/** A client with one person, and entries that mention her in different ways (none of them under that client, so only the mention ties them to it). */
async function vaultWithPriya(v: TestVault) {
  const acme = await v.call('clients:create', { name: 'Acme Logistics' })
  const { person: priya } = await v.call('people:add', { clientId: acme.id, name: 'Priya Raman' })
  const link = (text: string) => `[${text}](rapport://person/${priya.id})`
  const short = await v.call('entries:create', {
    clientId: null,
    title: 'Rollout call',
    body: `Opening remarks went long.\n\nWe went through the rollout plan. Then ${link('P.')} raised the budget question. Nobody had numbers.\n`
  })
  const full = await v.call('entries:create', {
    clientId: null,
    title: 'Intro',
    body: `Introduced by ${mentionMarkdown('Priya Raman', { kind: 'person', id: priya.id })} at the fair.\n`
  })
  const unrelated = await v.call('entries:create', { clientId: null, title: 'Unrelated', body: 'Nobody is mentioned here.\n' })
  return { acme, priya, short, full, unrelated }
}

describe('mentions in search', () => {
  it("finds an entry by the current name of a person it mentions, whatever the link text, with the mention's sentence as the snippet", async () => {
    const v = await openTestVault()
    const { short } = await vaultWithPriya(v)

    const answer = await search(v, 'priya')
    expect(entryTitles(answer).sort()).toEqual(['Intro', 'Rollout call'])
    // The body names her in the link text: the snippet comes from the body as for any match.
    const intro = answer.results.find((r) => r.title === 'Intro')
    expect(marked(intro as SearchResult)).toEqual(['Priya'])
    // Only the mention matched: its sentence, the link text marked, opening at it.
    const rollout = answer.results.find((r) => r.title === 'Rollout call') as SearchResult
    expect(rollout.snippet).toBe('…Then P. raised the budget question. Nobody had numbers.')
    expect(marked(rollout)).toEqual(['P.'])
    expect(short.body.slice(offsetOf(rollout), offsetOf(rollout) + 2)).toBe('P.')

    // Both of her names, by prefix and typo as any word; an entry naming her in its text ranks above one that only links to her.
    expect(entryTitles(await search(v, 'raman'))).toEqual(['Intro', 'Rollout call'])
    expect(entryTitles(await search(v, 'priya rollout'))).toEqual(['Rollout call'])
    expect(entryTitles(await search(v, '@Priya')).sort()).toEqual(['Intro', 'Rollout call'])
    expect(entryTitles(await search(v, '"priya raman"')).sort()).toEqual(['Intro', 'Rollout call'])
    expect(entryTitles(await search(v, '"raman priya"'))).toEqual([])
  })

  it('finds the entries by her new name after a rename through the handlers, indexing only them again', async () => {
    const v = await openTestVault()
    const { acme, priya } = await vaultWithPriya(v)
    expect(entryTitles(await search(v, 'okafor'))).toEqual([])
    const service = v.indexes.search
    const before = service.stats.sourcesIndexed

    await v.call('people:update', { clientId: acme.id, id: priya.id, patch: { name: 'Priya Okafor' } })
    const renamed = await search(v, 'okafor')
    expect(entryTitles(renamed).sort()).toEqual(['Intro', 'Rollout call'])
    expect(marked(renamed.results.find((r) => r.title === 'Rollout call') as SearchResult)).toEqual(['P.'])
    // The client's own documents and the two entries that mention her; not the entry that mentions nobody.
    expect(service.stats.sourcesIndexed - before).toBe(3)
    // Her old surname stays only where the text itself still says it.
    expect(entryTitles(await search(v, 'raman'))).toEqual(['Intro'])

    // Removed from the client: the link text is all that is left of her.
    await v.call('people:remove', { clientId: acme.id, id: priya.id })
    expect(entryTitles(await search(v, 'okafor'))).toEqual([])
    expect(entryTitles(await search(v, 'priya'))).toEqual(['Intro'])
  })

  it('follows a rename made in client.json on disk, and a mentioned client renamed', async () => {
    const v = await openTestVault()
    const { acme, priya } = await vaultWithPriya(v)
    await v.call('entries:create', { clientId: null, title: 'Supplier list', body: `Ask [them](rapport://client/${acme.id}) for the list.\n` })
    expect(entryTitles(await search(v, 'logistics'))).toEqual(['Supplier list'])

    // Another program edits client.json; the watcher's path is applied.
    await renameOnDisk(v.dir, priya.id, 'Priya Nakamura')
    await v.vault.applyChanges([ACME_FILE])
    expect(entryTitles(await search(v, 'nakamura')).sort()).toEqual(['Intro', 'Rollout call'])

    await v.call('clients:rename', { id: acme.id, name: 'Zenith Freight' })
    const zenith = await search(v, 'zenith')
    expect(entryTitles(zenith)).toEqual(['Supplier list'])
    expect(marked(zenith.results.find((r) => r.title === 'Supplier list') as SearchResult)).toEqual(['them'])
    expect(entryTitles(await search(v, 'logistics'))).toEqual([])
  })

  it('reopens from its cache knowing who each entry mentions, and takes in a rename made while it was closed', async () => {
    const first = await openTestVault()
    const { priya } = await vaultWithPriya(first)
    await first.indexes.search.settled()

    const again = await openTestVault(first.dir)
    expect(entryTitles(await search(again, 'priya')).sort()).toEqual(['Intro', 'Rollout call'])
    expect(again.indexes.search.stats).toMatchObject({ opened: 'cache', sourcesIndexed: 0 })

    await renameOnDisk(first.dir, priya.id, 'Priya Nakamura')
    const third = await openTestVault(first.dir)
    expect(entryTitles(await search(third, 'nakamura')).sort()).toEqual(['Intro', 'Rollout call'])
    // The client, and the two entries whose signatures held her old name; their files were not changed.
    expect(third.indexes.search.stats).toMatchObject({ opened: 'cache', sourcesIndexed: 3 })
  })
})

describe('mention helpers', () => {
  it('place inline and autolinked mentions of people and clients, not entry links or web links', () => {
    const body = 'See [P\\[1\\]](rapport://person/p_1), <rapport:client/c_2> and [a note](rapport://entry/e_3); [web](https://x.test).'
    const spans = mentionSpans(body)
    expect(spans.map((s) => [s.id, body.slice(s.start, s.end)])).toEqual([
      ['p_1', 'P\\[1\\]'],
      ['c_2', 'rapport:client/c_2']
    ])
    expect(mentionSpans('Nobody here.')).toEqual([])
  })

  it('read back the ids an entry signature holds, and none from a plain one', () => {
    expect(mentionsInSignature('abcDEF123_- Acme+Co [x]')).toEqual([])
    expect(mentionsInSignature('abcDEF123_-+["Acme",["p_1","Priya"],["c_2",null]]')).toEqual(['p_1', 'c_2'])
    expect(mentionsInSignature('abcDEF123_-+not json')).toEqual([])
  })
})
