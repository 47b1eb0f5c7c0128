import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SearchAnswer } from '../shared/contract/search'
import { tempDir } from '../core/testing/temp-vault'
import { rapport } from './testing/run-cli'

describe('rapport search', () => {
  it('finds entries and clients with the app’s index and ranking, for people and as JSON', async () => {
    const vault = await tempDir()
    const v = ['--vault', vault]
    await rapport(['init', ...v])
    await rapport(['client', 'add', 'Dana', 'Whitfield', ...v])
    await rapport(['client', 'add', 'Aaron', 'Abbott', ...v])
    await rapport(['new', '--client', 'dana', '--title', 'Budget review', ...v], 'She wants the spring numbers first.\n')
    await rapport(['new', '--client', 'aaron', '--title', 'Kickoff', ...v], 'His budget is fixed for the spring.\n')
    const file = join(vault, 'clients/dana-whitfield/client.json')
    await writeFile(file, (await readFile(file, 'utf8')).replace('"tags": []', '"tags": [],\n  "person": { "dislikes": ["cucumber"] }'))

    const found = await rapport(['search', 'budg', ...v])
    expect(found.code).toBe(0)
    expect(found.out).toMatch(
      /^2 found for "budg":\n\nBudget review {2}\(Dana Whitfield, \d{4}-\d{2}-\d{2}\) {2}e_\S+\n {2}She wants the spring numbers first\.\n\nKickoff {2}\(Aaron Abbott, /
    )

    const json = JSON.parse((await rapport(['search', 'budget', 'spring', '--json', ...v])).out) as SearchAnswer
    // A word in the title counts more than the same word in the text.
    expect(json.results.map((r) => r.title)).toEqual(['Budget review', 'Kickoff'])
    expect(json.results[1]).toMatchObject({ kind: 'entry', open: { kind: 'entry', offset: 4 }, snippet: 'His budget is fixed for the spring.' })

    const onlyDana = JSON.parse((await rapport(['search', 'spring', '--client', 'dana', '--json', ...v])).out) as SearchAnswer
    expect(onlyDana.results.map((r) => r.title)).toEqual(['Budget review'])

    expect((await rapport(['search', 'cucmber', ...v])).out).toMatch(
      /^1 found for "cucmber":\n\nDana Whitfield {2}\(client\) {2}c_\S+\n {2}Dislikes: cucumber$/
    )
    expect(await rapport(['search', 'zeppelin', ...v])).toMatchObject({ code: 0, out: 'Nothing found for "zeppelin".' })
  })

  it('writes its cache once and reuses it while nothing changes', async () => {
    const vault = await tempDir()
    const v = ['--vault', vault]
    await rapport(['init', ...v])
    await rapport(['client', 'add', 'Dana', ...v])
    await rapport(['new', '--client', 'dana', '--title', 'Notes', ...v], 'About the lighthouse.\n')
    expect((await rapport(['search', 'lighthouse', ...v])).code).toBe(0)
    const cache = join(vault, '.rapport/cache/search-index.json')
    const written = JSON.parse(await readFile(cache, 'utf8')).written
    expect((await rapport(['search', 'lighthouse', ...v])).out).toMatch(/^1 found/)
    expect(JSON.parse(await readFile(cache, 'utf8')).written).toBe(written)
    await rapport(['new', '--client', 'dana', '--title', 'More', ...v], 'About the harbour.\n')
    expect((await rapport(['search', 'harbour', ...v])).out).toMatch(/^1 found/)
    expect(JSON.parse(await readFile(cache, 'utf8')).written).not.toBe(written)
  })

  it('reports wrong usage with exit 2 and an unknown client with exit 1', async () => {
    const vault = await tempDir()
    const v = ['--vault', vault]
    await rapport(['init', ...v])
    expect((await rapport(['search', ...v])).code).toBe(2)
    expect((await rapport(['search', 'x', '--limit', 'many', ...v])).code).toBe(2)
    expect(await rapport(['search', 'x', '--client', 'nobody', ...v])).toMatchObject({ code: 1, err: expect.stringMatching(/No client is called "nobody"/) })
  })
})
