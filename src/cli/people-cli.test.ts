import { describe, expect, it } from 'vitest'
import { openTestVault } from '../core/testing/open-vault'
import { rapport } from './testing/run-cli'

describe('rapport CLI: people and backlinks', () => {
  it('lists a client’s people and the entries that mention someone, for people and as JSON', async () => {
    const { dir, call } = await openTestVault()
    const v = ['--vault', dir]
    const client = await call('clients:create', { name: 'Northwind' })
    const { person } = await call('people:add', { clientId: client.id, name: 'Priya Raman', role: 'Head of Operations', relation: 'blocker' })
    await call('people:trust', { clientId: client.id, id: person.id, trust: 'friend' })
    const entry = await call('entries:create', {
      clientId: client.id,
      title: 'Scope call',
      body: `Hard call. [Priya Raman](rapport://person/${person.id}) wants a smaller pilot. Fine.\n`
    })

    const people = await rapport(['people', '--client', 'north', ...v])
    expect(people).toMatchObject({ code: 0, err: '' })
    expect(people.out).toBe(`Priya Raman  Head of Operations · Blocker · trust: Friend  (${person.id})`)
    const json = JSON.parse((await rapport(['people', '--client', 'Northwind', '--json', ...v])).out) as Array<{ id: string }>
    expect(json.map((p) => p.id)).toEqual([person.id])

    const backlinks = await rapport(['backlinks', 'priya', ...v])
    expect(backlinks.code).toBe(0)
    expect(backlinks.out).toContain(`Scope call  ${entry.path}  (${entry.id})\n    Priya Raman wants a smaller pilot.`)
    const out = JSON.parse((await rapport(['backlinks', 'Priya Raman', '--json', ...v])).out) as { entries: unknown[] }
    expect(out.entries).toEqual([
      { entryId: entry.id, path: entry.path, title: 'Scope call', created: entry.created, sentence: 'Priya Raman wants a smaller pilot.' }
    ])
  })

  it('exits 2 on wrong usage and 1 for someone who is not there', async () => {
    const { dir } = await openTestVault()
    expect((await rapport(['people', '--vault', dir])).code).toBe(2)
    expect((await rapport(['backlinks', '--vault', dir])).code).toBe(2)
    const missing = await rapport(['backlinks', 'Nobody', '--vault', dir])
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('No client or person is called "Nobody"')
    expect((await rapport(['people', '--client', 'Nobody', '--vault', dir])).code).toBe(1)
  })
})
